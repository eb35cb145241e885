import {
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPeriod } from '../../../contracts/format';
import type { PeriodStatus } from '../../../contracts/statistics';
import { useLang } from '../../app/i18n';
import { errorText } from '../../lib/errors';
import { useMe } from '../../lib/session';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader, usePageTitle } from '../../ui/page';
import { NEEDS_REASON, type PeriodDto, statisticsApi, TRANSITIONS } from './api';
import { lastMonth } from './months';
import './statistics.css';

const STATUS_COLOR: Record<PeriodStatus, string> = {
  open: 'gray',
  closed: 'blue',
  approved: 'teal',
  published: 'green',
};

export function PeriodBadge({ status }: { status: PeriodStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`period.status.${status}`)}
    </Badge>
  );
}

interface Pending {
  period: string;
  to: PeriodStatus;
}

/** The months of a year with their status, and the moves the signed-in role may make (statistics.md §5). */
export function PeriodsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  usePageTitle(t('st.per.title'));
  const queryClient = useQueryClient();
  const search = useSearch({ from: '/_app/statistics/periods' });
  const navigate = useNavigate({ from: '/statistics/periods' });
  const year = search.year ?? Number(lastMonth().slice(0, 4));
  const setYear = (y: number) => navigate({ search: { year: y }, replace: true });
  const [pending, setPending] = useState<Pending | null>(null);
  const q = useQuery({ queryKey: ['stats', 'periods', year], queryFn: () => statisticsApi.periods(year) });
  const move = useMutation({
    mutationFn: (v: Pending & { reason: string | null }) =>
      statisticsApi.transition(v.period, v.to, v.reason),
    onSuccess: (p) => {
      notifySuccess(
        t('st.per.done', { period: formatPeriod(p.period, lang), status: t(`period.status.${p.status}`) }),
      );
      setPending(null);
      void queryClient.invalidateQueries({ queryKey: ['stats'] });
    },
    onError: (err) => notifyError(errorText(t, err)),
  });
  const moves = (p: PeriodDto) =>
    (['closed', 'approved', 'published', 'open'] as const).filter((to) =>
      TRANSITIONS[`${p.status}>${to}`]?.includes(me.user.role),
    );
  const act = (period: string, to: PeriodStatus, from: PeriodStatus) => {
    if (NEEDS_REASON.has(`${from}>${to}`)) setPending({ period, to });
    else move.mutate({ period, to, reason: null });
  };

  return (
    <>
      <PageHeader
        title={t('st.per.title')}
        subtitle={t('st.per.subtitle')}
        actions={
          <NumberInput
            label={t('st.per.year')}
            value={year}
            onChange={(v) => typeof v === 'number' && v >= 1990 && v <= 2100 && setYear(v)}
            min={1990}
            max={2100}
            w={110}
            allowDecimal={false}
            thousandSeparator={false}
          />
        }
      />
      {q.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : q.isError ? (
        <Text c="red">{errorText(t, q.error)}</Text>
      ) : (
        <Paper p={0}>
          <Table.ScrollContainer minWidth={0} type="native">
            <Table striped className="st-cards st-periods" aria-label={t('st.per.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('st.per.period')}</Table.Th>
                  <Table.Th>{t('st.per.status')}</Table.Th>
                  <Table.Th>{t('st.per.published_at')}</Table.Th>
                  <Table.Th>{t('st.per.last')}</Table.Th>
                  <Table.Th>{t('st.per.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.map((p) => {
                  const last = p.history.at(-1);
                  const label = formatPeriod(p.period, lang);
                  return (
                    <Table.Tr key={p.period} data-period={p.period}>
                      <Table.Td fw={600}>{label}</Table.Td>
                      <Table.Td>
                        <PeriodBadge status={p.status} />
                      </Table.Td>
                      <Table.Td>{p.publishedAt ? formatDateTime(p.publishedAt, lang) : '–'}</Table.Td>
                      <Table.Td>
                        {last ? (
                          <Text size="sm">
                            {formatDateTime(last.at, lang)}
                            {last.reason && (
                              <Text span size="sm" c="dimmed">
                                {' '}
                                · {last.reason}
                              </Text>
                            )}
                          </Text>
                        ) : (
                          '–'
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          {moves(p).map((to) => (
                            <Button
                              key={to}
                              size="xs"
                              variant={to === 'open' ? 'default' : 'light'}
                              aria-label={t('st.per.action_label', {
                                action: t(`st.per.to.${to}`),
                                period: label,
                              })}
                              loading={
                                move.isPending &&
                                move.variables?.period === p.period &&
                                move.variables.to === to
                              }
                              onClick={() => act(p.period, to, p.status)}
                            >
                              {t(`st.per.to.${to}`)}
                            </Button>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <ReasonDialog
        pending={pending}
        busy={move.isPending}
        onClose={() => setPending(null)}
        onConfirm={(reason) => pending && move.mutate({ ...pending, reason })}
      />
    </>
  );
}

function ReasonDialog(props: {
  pending: Pending | null;
  busy: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const p = props.pending;
  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (reason.trim()) props.onConfirm(reason.trim());
  }
  return (
    <Modal
      opened={!!p}
      onClose={() => {
        setReason('');
        setTried(false);
        props.onClose();
      }}
      title={
        p
          ? t('st.per.reason_title', { action: t(`st.per.to.${p.to}`), period: formatPeriod(p.period, lang) })
          : ''
      }
    >
      <form onSubmit={submit}>
        <Stack>
          <Textarea
            label={t('st.per.reason')}
            description={t('st.per.reason_hint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            data-autofocus
            maxLength={1000}
            error={tried && !reason.trim() ? t('issue.required', { ns: 'msg' }) : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('st.per.cancel')}
            </Button>
            <Button type="submit" loading={props.busy}>
              {t('st.per.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
