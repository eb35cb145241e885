import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDeviceDesktop } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordBody } from '../../../contracts/auth';
import { formatDateTime } from '../../../contracts/format';
import { useLang } from '../../app/i18n';
import { ApiError, api } from '../../lib/api';
import { errorText, fieldErrors } from '../../lib/errors';
import { useMe } from '../../lib/session';
import { validate } from '../../lib/validation';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader, usePageTitle } from '../../ui/page';

/** A short device name from a user agent: enough to recognise one's own browsers. */
function device(ua: string | null): string {
  if (!ua) return '–';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Chrome\//.test(ua)
      ? 'Chrome'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Safari\//.test(ua)
          ? 'Safari'
          : ua.slice(0, 40);
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} · ${os}` : browser;
}

function ChangePassword() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = validate(t, changePasswordBody, { currentPassword: current, newPassword: next });
    const errs = v.ok ? {} : { ...v.errors };
    if (next && confirm !== next) errs.confirm = t('account.password_mismatch');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await api.auth.changePassword(current, next);
      notifySuccess(t('account.password_changed'));
      setCurrent('');
      setNext('');
      setConfirm('');
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    } catch (err) {
      const fe = fieldErrors(t, err);
      if (err instanceof ApiError && err.code === 'auth.wrong_password')
        fe.currentPassword = errorText(t, err);
      setErrors(fe);
      if (!Object.keys(fe).length) notifyError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="password" id="password-section">
      <Title order={2} fz="lg" mb="md" id="password">
        {t('account.change_password')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={420}>
          <PasswordInput
            label={t('account.current_password')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
          />
          <PasswordInput
            label={t('account.new_password')}
            description={t('account.new_password_hint')}
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.newPassword}
          />
          <PasswordInput
            label={t('account.confirm_password')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
          />
          <Group>
            <Button type="submit" loading={busy}>
              {t('account.change_password')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const lang = useLang();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: api.auth.sessions });
  async function revoke(id: string) {
    try {
      await api.auth.revokeSession(id);
      notifySuccess(t('account.revoked'));
      await sessions.refetch();
    } catch (e) {
      notifyError(errorText(t, e));
    }
  }
  return (
    <Paper p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="sessions">
      <Title order={2} fz="lg" mb="md" id="sessions">
        {t('account.sessions')}
      </Title>
      {sessions.isError && (
        <Alert color="red" role="alert">
          {errorText(t, sessions.error)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={560} type="native">
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('account.session_device')}</Table.Th>
              <Table.Th>{t('account.session_ip')}</Table.Th>
              <Table.Th>{t('account.session_created')}</Table.Th>
              <Table.Th>{t('account.session_seen')}</Table.Th>
              <Table.Th>
                <span className="sr-only">{t('common.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(sessions.data ?? []).map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <IconDeviceDesktop size={16} aria-hidden />
                    <span title={s.userAgent ?? undefined}>{device(s.userAgent)}</span>
                    {s.current && (
                      <Badge size="sm" variant="light" radius="sm">
                        {t('account.session_current')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td ff="monospace" fz={13}>
                  {s.ip ?? '–'}
                </Table.Td>
                <Table.Td>{formatDateTime(s.createdAt, lang)}</Table.Td>
                <Table.Td>{formatDateTime(s.lastSeenAt, lang)}</Table.Td>
                <Table.Td ta="right">
                  {!s.current && (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      onClick={() => revoke(s.id)}
                      aria-label={t('account.revoke_label', { device: device(s.userAgent) })}
                    >
                      {t('account.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const me = useMe();
  return (
    <>
      <PageHeader
        title={t('account.title')}
        subtitle={
          <Text size="sm" c="dimmed">
            {me.user.name} · {me.user.email} · {t(`role.${me.user.role}`)}
          </Text>
        }
      />
      <SimpleGrid cols={1} spacing="md">
        <ChangePassword />
        <Sessions />
      </SimpleGrid>
    </>
  );
}
