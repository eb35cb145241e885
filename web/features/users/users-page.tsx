import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  MultiSelect,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconDots,
  IconEdit,
  IconKey,
  IconPlus,
  IconSearch,
  IconUserCheck,
  IconUserOff,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, toDate } from '../../../contracts/format';
import { ROLES, type Role } from '../../../contracts/roles';
import { createUserBody, setPasswordBody, type UserDto, updateUserBody } from '../../../contracts/users';
import { useLang } from '../../app/i18n';
import { ApiError, api } from '../../lib/api';
import { errorText, fieldErrors } from '../../lib/errors';
import { useMe } from '../../lib/session';
import { validate } from '../../lib/validation';
import { columnHelper, DataTable } from '../../ui/data-table';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader, usePageTitle } from '../../ui/page';
import { useAreaOptions } from '../enterprises/queries';

const helper = columnHelper<UserDto>();
const EMPTY: UserDto[] = [];

function UserStatus({ u }: { u: UserDto }) {
  const { t } = useTranslation();
  if (u.disabled)
    return (
      <Badge color="gray" variant="light" radius="sm" tt="none">
        {t('users.disabled')}
      </Badge>
    );
  if (u.lockedUntil && toDate(u.lockedUntil) > new Date())
    return (
      <Badge color="orange" variant="light" radius="sm" tt="none">
        {t('users.locked')}
      </Badge>
    );
  return (
    <Badge color="green" variant="light" radius="sm" tt="none">
      {t('users.active')}
    </Badge>
  );
}

interface RowActionProps {
  u: UserDto;
  self: boolean;
  onEdit: (u: UserDto) => void;
  onPassword: (u: UserDto) => void;
  onToggle: (u: UserDto) => void;
}

function RowActions({ u, self, onEdit, onPassword, onToggle }: RowActionProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('users.actions_for', { name: u.name })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconEdit size={16} aria-hidden />} onClick={() => onEdit(u)}>
          {t('common.edit')}
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => onPassword(u)}>
          {t('users.set_password')}
        </Menu.Item>
        {!self && (
          <Menu.Item
            leftSection={
              u.disabled ? <IconUserCheck size={16} aria-hidden /> : <IconUserOff size={16} aria-hidden />
            }
            color={u.disabled ? undefined : 'red'}
            onClick={() => onToggle(u)}
          >
            {u.disabled ? t('users.enable') : t('users.disable')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('users.title'));
  const me = useMe();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [dq] = useDebouncedValue(q.trim(), 250);
  const [editing, setEditing] = useState<UserDto | 'new' | null>(null);
  const [pwFor, setPwFor] = useState<UserDto | null>(null);
  const areaOptions = useAreaOptions();
  const areaNames = useMemo(
    () => new Map(areaOptions.flatMap((g) => g.items).map((i) => [i.value, i.label])),
    [areaOptions],
  );

  const users = useQuery({
    queryKey: ['users', { q: dq, role }],
    queryFn: () => api.users.list({ q: dq || undefined, role: role ?? undefined }),
    placeholderData: keepPreviousData,
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  const toggleDisabled = useCallback(
    async (u: UserDto) => {
      try {
        await api.users.update(u.id, { disabled: !u.disabled });
        notifySuccess(t('common.saved'));
        await queryClient.invalidateQueries({ queryKey: ['users'] });
      } catch (e) {
        notifyError(errorText(t, e));
      }
    },
    [t, queryClient],
  );

  const columns = useMemo(
    () => [
      helper.accessor('name', {
        header: t('users.name'),
        cell: (c) => (
          <Stack gap={0}>
            <Text fw={600} fz={14}>
              {c.getValue()}
            </Text>
            <Text fz={13} c="dimmed">
              {c.row.original.email}
            </Text>
          </Stack>
        ),
      }),
      helper.accessor('role', { header: t('users.role'), cell: (c) => t(`role.${c.getValue()}`) }),
      helper.accessor('areaCode', {
        header: t('users.area'),
        cell: (c) => {
          const u = c.row.original;
          if (u.role === 'enterprise' || u.role === 'bank')
            return u.enterpriseIds.length
              ? `${u.enterpriseIds.length} ${t('users.enterprises').toLocaleLowerCase()}`
              : '–';
          return u.areaCode ? (areaNames.get(u.areaCode) ?? u.areaCode) : t('users.area_all');
        },
      }),
      helper.display({
        id: 'status',
        header: t('users.status'),
        cell: (c) => <UserStatus u={c.row.original} />,
      }),
      helper.accessor('lastLoginAt', {
        header: t('users.last_login'),
        cell: (c) => formatDateTime(c.getValue(), lang),
      }),
      helper.display({
        id: 'actions',
        header: () => <span className="sr-only">{t('common.actions')}</span>,
        cell: (c) => (
          <RowActions
            u={c.row.original}
            self={c.row.original.id === me.user.id}
            onEdit={setEditing}
            onPassword={setPwFor}
            onToggle={toggleDisabled}
          />
        ),
      }),
    ],
    [t, lang, areaNames, me.user.id, toggleDisabled],
  );

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('users.new')}
          </Button>
        }
      />
      <Paper p="md" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('users.search')}
            type="search"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <Select
            label={t('users.filter_role')}
            placeholder={t('common.all')}
            data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            value={role}
            onChange={setRole}
            clearable
          />
        </SimpleGrid>
      </Paper>
      {users.isError ? (
        <Alert color="red" role="alert">
          {errorText(t, users.error)}
        </Alert>
      ) : (
        <DataTable
          caption={t('users.title')}
          columns={columns}
          data={users.data ?? EMPTY}
          getRowId={(u) => u.id}
          loading={users.isFetching}
          empty={users.isPending ? t('app.loading') : t('users.empty')}
          minWidth={860}
          mobileCard={(u) => (
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text fw={600}>{u.name}</Text>
                <Text size="sm" c="dimmed" truncate>
                  {u.email}
                </Text>
                <Group gap={6}>
                  <Badge variant="light" radius="sm" size="sm">
                    {t(`role.${u.role}`)}
                  </Badge>
                  <UserStatus u={u} />
                </Group>
              </Stack>
              <RowActions
                u={u}
                self={u.id === me.user.id}
                onEdit={setEditing}
                onPassword={setPwFor}
                onToggle={toggleDisabled}
              />
            </Group>
          )}
        />
      )}
      {editing && (
        <UserModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async (created) => {
            setEditing(null);
            notifySuccess(created ? t('users.created') : t('common.saved'));
            await refresh();
          }}
        />
      )}
      {pwFor && <PasswordModal user={pwFor} onClose={() => setPwFor(null)} />}
    </>
  );
}

const STAFF: readonly Role[] = [
  'admin',
  'leader',
  'officer',
  'extension_officer',
  'statistician',
  'fund_officer',
];

function UserModal(props: {
  user: UserDto | null;
  onClose: () => void;
  onSaved: (created: boolean) => void;
}) {
  const { t } = useTranslation();
  const u = props.user;
  const areaOptions = useAreaOptions();
  const [name, setName] = useState(u?.name ?? '');
  const [email, setEmail] = useState(u?.email ?? '');
  const [role, setRole] = useState<Role>(u?.role ?? 'officer');
  const [areaCode, setAreaCode] = useState<string | null>(u?.areaCode ?? null);
  const [enterpriseIds, setEnterpriseIds] = useState<string[]>(u?.enterpriseIds ?? []);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const staff = STAFF.includes(role);

  const enterprises = useQuery({
    queryKey: ['enterprises', 'list', { pageSize: 200, sort: 'name' }],
    queryFn: () => api.enterprises.list({ pageSize: 200, sort: 'name' }),
    enabled: !staff,
  });
  const enterpriseOptions = (enterprises.data?.items ?? []).map((e) => ({
    value: e.id,
    label: `${e.shortName ?? e.name} · ${e.taxCode}`,
  }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const scope = staff ? { areaCode, enterpriseIds: [] } : { areaCode: null, enterpriseIds };
    const v = u
      ? validate(t, updateUserBody, { name, role, ...scope })
      : validate(t, createUserBody, { name, email, role, password, ...scope });
    if (!v.ok) {
      setErrors(v.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (u) await api.users.update(u.id, v.data as Parameters<typeof api.users.update>[1]);
      else await api.users.create(v.data as Parameters<typeof api.users.create>[0]);
      props.onSaved(!u);
    } catch (err) {
      const fe = fieldErrors(t, err);
      if (err instanceof ApiError && err.code === 'user.email_taken') fe.email = errorText(t, err);
      else if (err instanceof ApiError && err.code === 'user.enterprise_required')
        fe.enterpriseIds = errorText(t, err);
      else if (err instanceof ApiError && err.code.startsWith('area.')) fe.areaCode = errorText(t, err);
      setErrors(fe);
      if (!Object.keys(fe).length) setFormError(errorText(t, err));
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={u ? t('users.edit_title', { name: u.name }) : t('users.create_title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label={t('users.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <TextInput
            label={t('users.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            disabled={Boolean(u)}
          />
          <Select
            label={t('users.role')}
            required
            data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            value={role}
            onChange={(v) => v && setRole(v as Role)}
            allowDeselect={false}
            error={errors.role}
          />
          {staff ? (
            <Select
              label={t('users.area')}
              placeholder={t('users.area_all')}
              data={areaOptions}
              value={areaCode}
              onChange={setAreaCode}
              searchable
              clearable
              error={errors.areaCode}
            />
          ) : (
            <MultiSelect
              label={t('users.enterprises')}
              description={t('users.enterprises_hint')}
              placeholder={enterpriseIds.length ? undefined : t('users.enterprises_search')}
              data={enterpriseOptions}
              value={enterpriseIds}
              onChange={setEnterpriseIds}
              searchable
              required={role === 'enterprise'}
              error={errors.enterpriseIds}
              maxValues={50}
            />
          )}
          {!u && (
            <PasswordInput
              label={t('users.password')}
              description={t('account.new_password_hint')}
              required
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {u ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function PasswordModal({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = validate(t, setPasswordBody, { password });
    if (!v.ok) return setError(v.errors.password);
    setBusy(true);
    try {
      await api.users.setPassword(user.id, password);
      notifySuccess(t('users.password_set'));
      onClose();
    } catch (err) {
      setError(fieldErrors(t, err).password ?? errorText(t, err));
      setBusy(false);
    }
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('users.set_password_title', { name: user.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t('account.new_password')}
            description={t('account.new_password_hint')}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('users.set_password')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
