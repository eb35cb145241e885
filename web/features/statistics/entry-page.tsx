import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconDeviceFloppy, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../contracts/errors';
import { formatNumber, formatPeriod } from '../../../contracts/format';
import type { Lang } from '../../../contracts/messages';
import { type NumberReading, numberText, readNumber } from '../../../contracts/number-input';
import { useLang } from '../../app/i18n';
import { ApiError, api } from '../../lib/api';
import { errorText, issueText } from '../../lib/errors';
import { useMe } from '../../lib/session';
import { notifySuccess } from '../../ui/notify';
import { PageHeader, usePageTitle } from '../../ui/page';
import { type ReportGrid, statisticsApi } from './api';
import { lastMonth } from './months';
import './statistics.css';

const thisMonth = (now = new Date()) => `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
const prevMonthOf = (p: string) => {
  const y = Number(p.slice(0, 4));
  const m = Number(p.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** A stored decimal (`.`) as the person edits it: in the language's form, grouped (`2.243.722.532`). */
const editText = (v: string | null, lang: Lang) => (v === null ? '' : numberText(v, lang));

/**
 * A cell's text read as a number: what the system wrote itself (the stored figure, untouched) is that figure;
 * anything typed goes through the one reader, which refuses rather than guesses.
 */
function readCell(text: string, stored: string | null, lang: Lang, decimals: number): NumberReading | null {
  if (text.trim() === '') return null;
  if (stored !== null && text === editText(stored, lang)) return { ok: true, value: stored };
  return readNumber(text, lang, { decimals });
}
const showQty = (v: string | null | undefined, lang: Lang) =>
  v === null || v === undefined
    ? '–'
    : formatNumber(v, lang, v.includes('.') ? Math.min(3, v.split('.')[1]!.length) : 0);

/** The soft checks the server applies (validation.ts) that the grid can see: same month last year, previous month. */
function previewWarnings(q: number, lastYear: string | null, lastMo: string | null): string[] {
  const out: string[] = [];
  const ly = lastYear === null ? null : Number(lastYear);
  const lm = lastMo === null ? null : Number(lastMo);
  if (ly !== null && ly > 0 && Math.abs(q / ly - 1) > 0.5) out.push('yoy');
  if (lm !== null && lm > 0 && Math.abs(q / lm - 1) > 1) out.push('mom');
  return out;
}

interface Draft {
  quantity: string;
  valueVnd: string;
  comment: string;
}

export function ReportEntryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/_app/statistics/entry' });
  const navigate = useNavigate({ from: '/statistics/entry' });
  usePageTitle(t('st.entry.title'));
  const own = me.user.role === 'enterprise';
  const enterpriseId = own
    ? search.enterprise && me.user.enterpriseIds.includes(search.enterprise)
      ? search.enterprise
      : me.user.enterpriseIds[0]
    : search.enterprise;
  const period = search.period ?? lastMonth();
  const set = (patch: { enterprise?: string; period?: string }) =>
    navigate({ search: (s) => ({ ...s, ...patch }), replace: true });

  return (
    <>
      <PageHeader title={t('st.entry.title')} subtitle={t('st.entry.subtitle')} />
      <Stack gap="md">
        <Paper p={{ base: 'sm', sm: 'md' }}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            {own ? (
              <OwnEnterprise id={enterpriseId} />
            ) : (
              <EnterprisePicker value={enterpriseId ?? null} onChange={(id) => set({ enterprise: id })} />
            )}
            <TextInput
              type="month"
              label={t('st.entry.month')}
              value={period}
              max={thisMonth()}
              min="2000-01"
              onChange={(e) => {
                const v = e.currentTarget.value;
                if (/^\d{4}-\d{2}$/.test(v)) set({ period: v });
              }}
              w={{ base: '100%', xs: 200 }}
            />
          </Group>
        </Paper>
        {enterpriseId ? (
          <GridLoader enterpriseId={enterpriseId} period={period} staffSide={!own} />
        ) : (
          <Paper p="xl">
            <Text c="dimmed">{t('st.entry.pick')}</Text>
          </Paper>
        )}
      </Stack>
    </>
  );
}

function OwnEnterprise({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['enterprises', 'one', id],
    queryFn: () => api.enterprises.get(id!),
    enabled: !!id,
  });
  return (
    <Stack gap={2} style={{ flex: '1 1 320px' }}>
      <Text size="sm" fw={500}>
        {t('st.entry.enterprise')}
      </Text>
      <Text fw={700} data-testid="own-enterprise">
        {q.data ? `${q.data.name} · ${q.data.taxCode}` : '…'}
      </Text>
    </Stack>
  );
}

function EnterprisePicker(props: { value: string | null; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const list = useQuery({
    queryKey: ['enterprises', 'pick', q],
    queryFn: () => api.enterprises.list({ q: q || undefined, pageSize: 20 }),
  });
  const current = useQuery({
    queryKey: ['enterprises', 'one', props.value],
    queryFn: () => api.enterprises.get(props.value!),
    enabled: !!props.value,
  });
  const data = useMemo(() => {
    const items = (list.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name} · ${e.taxCode}` }));
    if (current.data && !items.some((i) => i.value === current.data.id))
      items.unshift({ value: current.data.id, label: `${current.data.name} · ${current.data.taxCode}` });
    return items;
  }, [list.data, current.data]);
  return (
    <Select
      label={t('st.entry.enterprise')}
      placeholder={t('st.entry.enterprise_search')}
      searchable
      data={data}
      value={props.value}
      onChange={(v) => v && props.onChange(v)}
      searchValue={text}
      onSearchChange={setText}
      filter={({ options }) => options}
      nothingFoundMessage={list.isFetching ? '…' : t('st.queue.empty')}
      rightSection={list.isFetching ? <Loader size={14} /> : undefined}
      style={{ flex: '1 1 320px' }}
    />
  );
}

function GridLoader(props: { enterpriseId: string; period: string; staffSide: boolean }) {
  const { t } = useTranslation();
  const year = Number(props.period.slice(0, 4));
  const month = Number(props.period.slice(5, 7));
  const grid = useQuery({
    queryKey: ['stats', 'grid', props.enterpriseId, year],
    queryFn: () => statisticsApi.grid(props.enterpriseId, year),
    refetchOnWindowFocus: false,
  });
  const prev = useQuery({
    queryKey: ['stats', 'grid', props.enterpriseId, year - 1],
    queryFn: () => statisticsApi.grid(props.enterpriseId, year - 1),
    enabled: month === 1,
  });
  if (grid.isPending || (month === 1 && prev.isPending)) return <Loader aria-label={t('app.loading')} />;
  if (grid.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(t, grid.error)}
      </Alert>
    );
  return (
    <EntryGrid
      key={`${props.enterpriseId}|${props.period}|${grid.dataUpdatedAt}`}
      grid={grid.data}
      prevYear={prev.data ?? null}
      period={props.period}
      staffSide={props.staffSide}
    />
  );
}

interface Line {
  code: string;
  name: string;
  unit: string;
  quantity: string | null;
  valueVnd: string | null;
  lastYear: string | null;
  lastMonth: string | null;
  warnings: string[];
}

function EntryGrid(props: {
  grid: ReportGrid;
  prevYear: ReportGrid | null;
  period: string;
  staffSide: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const { period } = props;
  const label = formatPeriod(period, lang);
  const prevPeriod = prevMonthOf(period);
  const lines: Line[] = props.grid.products.map((p) => {
    const m = p.months.find((x) => x.period === period);
    const pm =
      p.months.find((x) => x.period === prevPeriod) ??
      props.prevYear?.products
        .find((x) => x.productCode === p.productCode)
        ?.months.find((x) => x.period === prevPeriod);
    return {
      code: p.productCode,
      name: p.nameVi,
      unit: p.unit,
      quantity: m?.quantity ?? null,
      valueVnd: m?.valueVnd ?? null,
      lastYear: m?.lastYear ?? null,
      lastMonth: pm?.quantity ?? null,
      warnings: m?.warnings ?? [],
    };
  });
  const status = props.grid.products[0]?.months.find((x) => x.period === period)?.periodStatus ?? 'open';
  const future = period > thisMonth();
  const locked = status === 'approved' || status === 'published' || (status === 'closed' && !props.staffSide);
  const needsReason = status === 'closed' && props.staffSide;

  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      lines.map((l) => [
        l.code,
        { quantity: editText(l.quantity, lang), valueVnd: editText(l.valueVnd, lang), comment: '' },
      ]),
    ),
  );
  const [reason, setReason] = useState('');
  const [serverIssues, setServerIssues] = useState<{ byCode: Record<string, Issue[]>; top: Issue[] }>({
    byCode: {},
    top: [],
  });
  const [message, setMessage] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  const analysed = lines.map((l) => {
    const d = drafts[l.code]!;
    const qtyRead = readCell(d.quantity, l.quantity, lang, 6);
    const valRead = readCell(d.valueVnd, l.valueVnd, lang, 0);
    const qty = qtyRead?.ok ? qtyRead.value : null;
    const val = valRead?.ok ? valRead.value : null;
    const qtyError = qtyRead && !qtyRead.ok ? t(qtyRead.code, { ns: 'msg', ...qtyRead.params }) : null;
    const valError =
      valRead && !valRead.ok
        ? t(valRead.code, { ns: 'msg', ...valRead.params })
        : d.valueVnd.trim() !== '' && d.quantity.trim() === ''
          ? t('issue.required', { ns: 'msg' })
          : null;
    /** What was typed, read back in the language's form, when it differs from the text (12,50 → 12,5). */
    const readBack = (r: NumberReading | null, text: string) =>
      r?.ok && numberText(r.value, lang) !== text.trim() ? numberText(r.value, lang) : null;
    const qtyShown = readBack(qtyRead, d.quantity);
    const valShown = readBack(valRead, d.valueVnd);
    const changed =
      qty !== null &&
      (l.quantity === null ||
        Number(qty) !== Number(l.quantity) ||
        (val ?? null) !== (l.valueVnd ?? null) ||
        d.comment.trim() !== '');
    const fromServer = serverIssues.byCode[l.code] ?? [];
    const serverWarn = fromServer.find((i) => i.code === 'issue.warning_needs_comment');
    const warnings = changed
      ? [
          ...new Set([
            ...previewWarnings(Number(qty), l.lastYear, l.lastMonth),
            ...String(serverWarn?.params?.warnings ?? '')
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
          ]),
        ]
      : l.warnings;
    const commentMissing = changed && warnings.length > 0 && d.comment.trim() === '';
    const cellError = fromServer.find((i) => i.code !== 'issue.warning_needs_comment');
    return {
      l,
      d,
      qty,
      val,
      qtyError,
      valError,
      qtyShown,
      valShown,
      changed,
      warnings,
      commentMissing,
      cellError,
    };
  });

  const save = useMutation({
    mutationFn: (
      rows: { productCode: string; quantity: string; valueVnd: string | null; comment: string | null }[],
    ) =>
      statisticsApi.enter(props.grid.enterpriseId, {
        period,
        rows,
        reason: needsReason ? reason.trim() || null : null,
      }),
    onSuccess: (r) => {
      setServerIssues({ byCode: {}, top: [] });
      setMessage(null);
      notifySuccess(
        t('st.entry.saved', { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged }),
      );
      void queryClient.invalidateQueries({ queryKey: ['stats'] });
    },
    onError: (err, rows) => {
      const byCode: Record<string, Issue[]> = {};
      const top: Issue[] = [];
      if (err instanceof ApiError)
        for (const i of err.issues) {
          const m = /^rows\.(\d+)\./.exec(i.path ?? '');
          const code = m ? rows[Number(m[1])]?.productCode : undefined;
          if (code && !i.code.startsWith('issue.period')) byCode[code] = [...(byCode[code] ?? []), i];
          else top.push(i);
        }
      setServerIssues({ byCode, top });
      setMessage(errorText(t, err));
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setMessage(null);
    const bad = analysed.some((a) => a.qtyError || a.valError || a.commentMissing);
    if (bad || (needsReason && !reason.trim())) {
      setMessage(t('st.entry.errors'));
      return;
    }
    const rows = analysed
      .filter((a) => a.changed)
      .map((a) => ({
        productCode: a.l.code,
        quantity: a.qty!,
        valueVnd: a.val,
        comment: a.d.comment.trim() || null,
      }));
    if (!rows.length) {
      setMessage(t('st.entry.nothing'));
      return;
    }
    save.mutate(rows);
  }

  const setDraft = (code: string, patch: Partial<Draft>) => {
    setDrafts((all) => ({ ...all, [code]: { ...all[code]!, ...patch } }));
    if (serverIssues.byCode[code]?.some((i) => i.code !== 'issue.warning_needs_comment'))
      setServerIssues((s) => ({
        ...s,
        byCode: {
          ...s.byCode,
          [code]: s.byCode[code]!.filter((i) => i.code === 'issue.warning_needs_comment'),
        },
      }));
  };
  const warnText = (w: string[]) =>
    t('st.warn.prefix', { list: w.map((x) => t(`st.warn.${x}`, { defaultValue: x })).join('; ') });

  if (!lines.length)
    return (
      <Alert color="gray" variant="light">
        {t('st.entry.no_products')}
      </Alert>
    );

  return (
    <form onSubmit={submit} noValidate aria-label={`${t('st.entry.title')} ${label}`}>
      <Stack gap="sm">
        {(locked || future) && (
          <Alert color="gray" icon={<IconLock aria-hidden />}>
            {future
              ? t('st.entry.future')
              : props.staffSide
                ? t('st.entry.locked', { period: label, status: t(`period.status.${status}`).toLowerCase() })
                : t('st.entry.locked_enterprise', { period: label })}
          </Alert>
        )}
        <Paper p={0} className="st-entry">
          <Table className="st-grid" verticalSpacing="xs" aria-label={`${t('st.entry.title')} ${label}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('st.entry.product')}</Table.Th>
                <Table.Th ta="right">{t('st.entry.last_year')}</Table.Th>
                <Table.Th ta="right">{t('st.entry.last_month')}</Table.Th>
                <Table.Th>{t('st.entry.quantity')}</Table.Th>
                <Table.Th>{t('st.entry.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {analysed.map((a) => {
                const { l, d } = a;
                const qtyErr = (tried || d.quantity !== editText(l.quantity, lang)) && a.qtyError;
                const cellErr = a.cellError ? issueText(t, a.cellError) : null;
                const showComment = a.changed && a.warnings.length > 0;
                return (
                  <Fragment key={l.code}>
                    <Table.Tr
                      data-product={l.code}
                      className={a.warnings.length ? 'st-row st-warn' : 'st-row'}
                    >
                      <Table.Td className="st-product">
                        <Text fw={600} size="sm">
                          {l.name}
                        </Text>
                        <Group gap={6}>
                          <Text size="xs" c="dimmed">
                            {l.code} · {l.unit}
                          </Text>
                          {a.changed ? (
                            <Badge size="xs" color="ochre" variant="light">
                              {t('st.entry.changed')}
                            </Badge>
                          ) : (
                            l.quantity !== null && (
                              <Badge size="xs" color="green" variant="light">
                                {t('st.entry.reported')}
                              </Badge>
                            )
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right" className="st-num" data-label={t('st.entry.last_year')}>
                        {showQty(l.lastYear, lang)}
                      </Table.Td>
                      <Table.Td ta="right" className="st-num" data-label={t('st.entry.last_month')}>
                        {showQty(l.lastMonth, lang)}
                      </Table.Td>
                      <Table.Td className="st-input">
                        <TextInput
                          label={t('st.entry.qty_label', { product: l.name, period: label })}
                          labelProps={{ className: 'sr-only' }}
                          inputMode="decimal"
                          autoComplete="off"
                          value={d.quantity}
                          onChange={(e) => setDraft(l.code, { quantity: e.currentTarget.value })}
                          disabled={locked || future}
                          error={qtyErr || cellErr || undefined}
                          description={
                            a.qtyShown && !qtyErr && !cellErr
                              ? t('st.entry.read_as', { value: a.qtyShown, unit: l.unit })
                              : undefined
                          }
                          rightSection={
                            <Text size="xs" c="dimmed">
                              {l.unit}
                            </Text>
                          }
                          rightSectionWidth={48}
                          styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                        />
                      </Table.Td>
                      <Table.Td className="st-input">
                        <TextInput
                          label={t('st.entry.value_label', { product: l.name, period: label })}
                          labelProps={{ className: 'sr-only' }}
                          inputMode="numeric"
                          autoComplete="off"
                          value={d.valueVnd}
                          onChange={(e) => setDraft(l.code, { valueVnd: e.currentTarget.value })}
                          disabled={locked || future}
                          error={
                            ((tried || d.valueVnd !== editText(l.valueVnd, lang)) && a.valError) || undefined
                          }
                          description={
                            a.valShown && !a.valError
                              ? t('st.entry.read_as', { value: a.valShown, unit: t('st.entry.vnd') })
                              : undefined
                          }
                          styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                        />
                      </Table.Td>
                    </Table.Tr>
                    {(a.warnings.length > 0 || showComment) && (
                      <Table.Tr className="st-note-row">
                        <Table.Td colSpan={5} className="st-note">
                          <Stack gap={6}>
                            {a.warnings.length > 0 && (
                              <Text size="sm" c="orange.9" id={`warn-${l.code}`}>
                                <IconAlertTriangle size={14} aria-hidden style={{ verticalAlign: -2 }} />{' '}
                                {warnText(a.warnings)}
                              </Text>
                            )}
                            {showComment && (
                              <Textarea
                                label={t('st.entry.comment_label', { product: l.name, period: label })}
                                description={t('st.entry.comment_hint')}
                                value={d.comment}
                                onChange={(e) => setDraft(l.code, { comment: e.currentTarget.value })}
                                required
                                autosize
                                minRows={1}
                                aria-describedby={`warn-${l.code}`}
                                error={
                                  tried && a.commentMissing ? t('issue.required', { ns: 'msg' }) : undefined
                                }
                              />
                            )}
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
        {needsReason && (
          <Textarea
            label={t('st.entry.reason')}
            description={t('st.entry.reason_hint', { period: label })}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            error={tried && !reason.trim() ? t('issue.required', { ns: 'msg' }) : undefined}
          />
        )}
        <div aria-live="assertive">
          {message && (
            <Alert color={save.isError || tried ? 'red' : 'gray'} icon={<IconAlertTriangle aria-hidden />}>
              <Text size="sm">{message}</Text>
              {serverIssues.top.map((i, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of messages
                <Text size="sm" key={n}>
                  {issueText(t, i)}
                </Text>
              ))}
            </Alert>
          )}
        </div>
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={save.isPending}
            disabled={locked || future}
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          >
            {t('st.entry.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
