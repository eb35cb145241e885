import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS } from '../../../contracts/extension';
import { formatDate } from '../../../contracts/format';
import { useLang } from '../../app/i18n';
import { errorText, fieldErrors } from '../../lib/errors';
import { readNumbersOrThrow } from '../../lib/validation';
import { PageHeader, usePageTitle } from '../../ui/page';
import { ext, type SchemeDetail, useExtensionSession } from './api';
import { SchemeStatus, Section, vnd } from './bits';
import { Milestones } from './manage';
import { OutputComparison } from './output';
import { ACTION, DOC_KIND, KIND, SOURCE, tx } from './strings';

const COUNCIL = ['admin', 'leader', 'officer', 'extension_officer'];
const OFFICE = ['admin', 'extension_officer'];
const TERMINAL = ['rejected', 'settled', 'cancelled'];

/** One scheme: amounts and rule, next steps, documents, timeline, outcomes with flags, appraisal sheet. */
export function SchemePage() {
  const { id } = useParams({ from: '/_app/extension/schemes/$id' });
  const lang = useLang();
  const { t } = useTranslation();
  const me = useExtensionSession();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['ext', 'scheme', id], queryFn: () => ext.scheme(id) });
  usePageTitle(q.data ? `${q.data.code} · ${q.data.title}` : tx(lang, 'schemes'));
  const refresh = (d?: SchemeDetail) => {
    if (d) qc.setQueryData(['ext', 'scheme', id], d);
    else qc.invalidateQueries({ queryKey: ['ext', 'scheme', id] });
    qc.invalidateQueries({ queryKey: ['ext', 'schemes'] });
  };
  if (q.isPending) return <Loader />;
  if (q.error) return <Alert color="red">{errorText(t, q.error)}</Alert>;
  const s = q.data;
  const role = me.user.role;
  return (
    <>
      <PageHeader
        before={
          <Anchor renderRoot={(p) => <Link to="/extension" {...p} />} size="sm">
            ← {tx(lang, 'schemes')}
          </Anchor>
        }
        title={`${s.code} · ${s.title}`}
        subtitle={
          <Group gap="xs">
            <SchemeStatus status={s.status} lang={lang} />
            <Text size="sm">{s.enterpriseName}</Text>
            <Text size="sm">· {KIND[lang][s.supportKind] ?? s.supportKind}</Text>
            <Text size="sm">· {SOURCE[lang][s.fundingSource]}</Text>
            {s.isDemo && <Badge variant="outline">{tx(lang, 'demo')}</Badge>}
          </Group>
        }
      />
      <Stack>
        <SimpleGrid cols={{ base: 2, sm: 6 }}>
          {(
            [
              ['total', s.totalCostVnd],
              ['requested', s.supportRequestedVnd],
              ['counterpart', s.counterpartVnd],
              ['approved', s.approvedAmountVnd],
              ['disbursed', s.disbursedVnd],
              ['settled', s.settledAmountVnd],
            ] as const
          ).map(([k, v]) => (
            <Stack gap={0} key={k}>
              <Text size="xs" c="dimmed">
                {tx(lang, k)}
              </Text>
              <Text fw={700}>{vnd(v, lang)}</Text>
            </Stack>
          ))}
        </SimpleGrid>
        {s.capRule && (
          <Text size="sm" c="dimmed">
            {tx(lang, 'capRule')}: {String(s.capRule.sourceDocument)}, {String(s.capRule.sourceArticle)} —{' '}
            {String(s.capRule.maxPercent ?? '–').replace(/\.0+$/, '')}% /{' '}
            {vnd(String(s.capRule.maxAmountVnd ?? '0'), lang)}
            {s.capRule.fallbackToNational ? ' (áp dụng mức quốc gia / national rule applied)' : ''}
          </Text>
        )}
        <Actions s={s} onDone={refresh} />
        <Documents s={s} onDone={() => refresh()} />
        {OFFICE.includes(role) && ['contracted', 'in_progress'].includes(s.status) && (
          <Disburse s={s} onDone={refresh} />
        )}
        <Milestones s={s} canEdit={OFFICE.includes(role) && !TERMINAL.includes(s.status)} onDone={refresh} />
        <Outcomes s={s} onDone={refresh} canEdit={OFFICE.includes(role)} />
        {COUNCIL.includes(role) && ['submitted', 'appraisal'].includes(s.status) && <ScoreSheet id={s.id} />}
        <Section title={tx(lang, 'timeline')}>
          <Timeline bulletSize={14} lineWidth={2}>
            {s.timeline.map((e) => (
              <Timeline.Item key={e.id} title={ACTION[lang][e.action] ?? e.action}>
                <Text size="xs" c="dimmed">
                  {formatDate(e.onDate, lang)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                  {e.amountVnd ? ` · ${vnd(e.amountVnd, lang)}` : ''}
                </Text>
                {e.note && <Text size="sm">{e.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Section>
      </Stack>
    </>
  );
}

function Actions({ s, onDone }: { s: SchemeDetail; onDone: (d: SchemeDetail) => void }) {
  const lang = useLang();
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const [onDate, setOnDate] = useState('');
  const m = useMutation({
    mutationFn: (action: SchemeDetail['nextActions'][number]['action']) => {
      const { amountVnd } = readNumbersOrThrow(lang, { amountVnd: { text: amount, decimals: 0 } });
      return ext.transition(s.id, {
        action,
        note: note || null,
        ...(amountVnd ? { amountVnd } : {}),
        ...(onDate ? { onDate } : {}),
      });
    },
    onSuccess: (d) => {
      setNote('');
      setAmount('');
      onDone(d);
    },
  });
  if (!s.nextActions.length) return null;
  return (
    <Section title={tx(lang, 'actions')}>
      <Stack>
        <Group align="flex-end">
          <TextInput
            label={tx(lang, 'date')}
            placeholder="YYYY-MM-DD"
            value={onDate}
            onChange={(e) => setOnDate(e.currentTarget.value)}
            w={150}
          />
          <TextInput
            label={tx(lang, 'amount')}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={fieldErrors(t, m.error).amountVnd}
            w={200}
          />
          <Textarea
            label={tx(lang, 'note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            style={{ flex: 1 }}
          />
        </Group>
        <Group>
          {s.nextActions.map((a) => (
            <Button
              key={a.action}
              variant={a.action === 'cancel' || a.action === 'reject' ? 'light' : 'filled'}
              color={a.action === 'cancel' || a.action === 'reject' ? 'red' : undefined}
              loading={m.isPending && m.variables === a.action}
              onClick={() => m.mutate(a.action)}
            >
              {ACTION[lang][a.action] ?? a.action}
              {a.requiresDocument ? ` (${DOC_KIND[lang][a.requiresDocument]})` : ''}
            </Button>
          ))}
        </Group>
        {m.error && (
          <Alert color="red" role="alert">
            {errorText(t, m.error)}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}

function Documents({ s, onDone }: { s: SchemeDetail; onDone: () => void }) {
  const lang = useLang();
  const { t } = useTranslation();
  const [kind, setKind] = useState<string | null>('application');
  const [file, setFile] = useState<File | null>(null);
  const m = useMutation({
    mutationFn: () => ext.upload(s.id, kind!, file!),
    onSuccess: () => {
      setFile(null);
      onDone();
    },
  });
  return (
    <Section title={tx(lang, 'documents')}>
      <Stack>
        {s.documents.length === 0 && <Text c="dimmed">{tx(lang, 'none')}</Text>}
        {s.documents.map((d) => (
          <Group key={d.id} gap="xs">
            <Badge variant="light">{DOC_KIND[lang][d.kind] ?? d.kind}</Badge>
            <Anchor href={`/api/extension/schemes/${s.id}/documents/${d.id}`}>{d.filename}</Anchor>
            <Text size="xs" c="dimmed">
              {d.sizeBytes} B · sha256 {d.sha256.slice(0, 12)}…
            </Text>
          </Group>
        ))}
        <Group align="flex-end">
          <Select
            label={tx(lang, 'kind')}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOC_KIND[lang][k] ?? k }))}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
            w={240}
          />
          <FileInput label={tx(lang, 'documents')} value={file} onChange={setFile} w={280} clearable />
          <Button disabled={!file || !kind} loading={m.isPending} onClick={() => m.mutate()}>
            {tx(lang, 'upload')}
          </Button>
        </Group>
        {m.error && <Alert color="red">{errorText(t, m.error)}</Alert>}
      </Stack>
    </Section>
  );
}

function Disburse({ s, onDone }: { s: SchemeDetail; onDone: (d: SchemeDetail) => void }) {
  const lang = useLang();
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(new Date().toISOString().slice(0, 10));
  const m = useMutation({
    mutationFn: () => {
      const { amountVnd } = readNumbersOrThrow(lang, { amountVnd: { text: amount, decimals: 0 } });
      return ext.disburse(s.id, { amountVnd: amountVnd ?? '', paidOn });
    },
    onSuccess: onDone,
  });
  return (
    <Section title={tx(lang, 'disburse')}>
      <Group align="flex-end">
        <TextInput
          label={tx(lang, 'amount')}
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={fieldErrors(t, m.error).amountVnd}
        />
        <TextInput
          label={tx(lang, 'date')}
          value={paidOn}
          onChange={(e) => setPaidOn(e.currentTarget.value)}
          w={150}
        />
        <Button disabled={!amount} loading={m.isPending} onClick={() => m.mutate()}>
          {tx(lang, 'disburse')}
        </Button>
      </Group>
      {m.error && (
        <Alert color="red" mt="sm">
          {errorText(t, m.error)}
        </Alert>
      )}
    </Section>
  );
}

function Outcomes({
  s,
  onDone,
  canEdit,
}: {
  s: SchemeDetail;
  onDone: (d: SchemeDetail) => void;
  canEdit: boolean;
}) {
  const lang = useLang();
  const { t } = useTranslation();
  const stages = ['baseline', 'acceptance', 'one_year'] as const;
  return (
    <Section title={tx(lang, 'outcomes')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Text>
            {tx(lang, 'multiplier')}: <b>{s.derived.capacityMultiplier ?? '–'}</b>
          </Text>
          <Text>
            {tx(lang, 'jobs')}: <b>{s.derived.jobsCreated ?? '–'}</b>
          </Text>
          <Text>
            {tx(lang, 'perJob')}: <b>{vnd(s.derived.supportPerJobVnd, lang)}</b>
          </Text>
        </SimpleGrid>
        <Table.ScrollContainer minWidth={700}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tx(lang, 'stage')}</Table.Th>
                <Table.Th>{tx(lang, 'capacity')}</Table.Th>
                <Table.Th>{tx(lang, 'employees')}</Table.Th>
                <Table.Th>{tx(lang, 'jobs')}</Table.Th>
                <Table.Th>{tx(lang, 'income')}</Table.Th>
                <Table.Th>{tx(lang, 'revenue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.outcomes.map((o) => (
                <Table.Tr key={o.stage}>
                  <Table.Td>
                    {tx(lang, o.stage)} · {formatDate(o.measuredOn, lang)}
                  </Table.Td>
                  <Table.Td>
                    {o.capacity ?? '–'} {o.capacityUnit ?? ''}
                  </Table.Td>
                  <Table.Td>{o.employees ?? '–'}</Table.Td>
                  <Table.Td>{o.jobsCreated ?? '–'}</Table.Td>
                  <Table.Td>
                    {o.avgIncomeVnd
                      ? `${vnd(o.avgIncomeVnd, lang)}/${o.incomePeriod === 'year' ? (lang === 'vi' ? 'năm' : 'year') : lang === 'vi' ? 'tháng' : 'month'}`
                      : '–'}
                    {o.incomeAsReported ? ` («${o.incomeAsReported}», ${tx(lang, 'asReported')})` : ''}
                  </Table.Td>
                  <Table.Td>{vnd(o.revenueVnd, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text fw={600}>{tx(lang, 'flags')}</Text>
        {s.flags.length === 0 && <Text c="dimmed">{tx(lang, 'noFlags')}</Text>}
        {s.flags.map((f) => (
          <Alert key={`${f.code}-${f.stage}`} color="orange" role="status">
            [{tx(lang, f.stage)}] {t(`extension.flag.${f.code}`, { ns: 'msg', ...f.params })}
          </Alert>
        ))}
        <Text fw={600}>{tx(lang, 'output')}</Text>
        <OutputComparison o={s.output} lang={lang} title={tx(lang, 'output')} />
        {canEdit && <OutcomeForm s={s} stages={stages} onDone={onDone} />}
      </Stack>
    </Section>
  );
}

function OutcomeForm({
  s,
  stages,
  onDone,
}: {
  s: SchemeDetail;
  stages: readonly ('baseline' | 'acceptance' | 'one_year')[];
  onDone: (d: SchemeDetail) => void;
}) {
  const lang = useLang();
  const { t } = useTranslation();
  const [stage, setStage] = useState<string | null>(
    s.outcomes.some((o) => o.stage === 'baseline') ? 'acceptance' : 'baseline',
  );
  const [f, setF] = useState({
    measuredOn: '',
    capacity: '',
    capacityUnit: '',
    employees: '',
    jobsCreated: '',
    avgIncomeVnd: '',
    incomePeriod: 'month',
    incomeAsReported: '',
  });
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const m = useMutation({
    mutationFn: () => {
      const n = readNumbersOrThrow(lang, {
        capacity: { text: f.capacity, decimals: 6 },
        avgIncomeVnd: { text: f.avgIncomeVnd, decimals: 0 },
      });
      return ext.outcome(s.id, stage!, {
        measuredOn: f.measuredOn,
        capacity: n.capacity,
        capacityUnit: f.capacityUnit || null,
        employees: f.employees ? Number(f.employees) : null,
        jobsCreated: f.jobsCreated ? Number(f.jobsCreated) : null,
        avgIncomeVnd: n.avgIncomeVnd,
        incomePeriod: n.avgIncomeVnd ? (f.incomePeriod as 'month' | 'year') : null,
        incomeAsReported: f.incomeAsReported || null,
      });
    },
    onSuccess: onDone,
  });
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Select
          data={stages.map((x) => ({ value: x, label: tx(lang, x) }))}
          value={stage}
          onChange={setStage}
          allowDeselect={false}
          label={tx(lang, 'stage')}
          w={220}
        />
        <TextInput
          label={tx(lang, 'date')}
          placeholder="YYYY-MM-DD"
          value={f.measuredOn}
          onChange={(e) => set('measuredOn')(e.currentTarget.value)}
          w={140}
        />
        <TextInput
          label={tx(lang, 'capacity')}
          value={f.capacity}
          onChange={(e) => set('capacity')(e.currentTarget.value)}
          error={fieldErrors(t, m.error).capacity}
          w={120}
        />
        <TextInput
          label={tx(lang, 'unit')}
          value={f.capacityUnit}
          onChange={(e) => set('capacityUnit')(e.currentTarget.value)}
          w={120}
        />
        <NumberInput
          label={tx(lang, 'employees')}
          value={f.employees}
          onChange={(v) => set('employees')(String(v))}
          w={110}
        />
        <NumberInput
          label={tx(lang, 'jobs')}
          value={f.jobsCreated}
          onChange={(v) => set('jobsCreated')(String(v))}
          w={110}
        />
        <TextInput
          label={tx(lang, 'income')}
          value={f.avgIncomeVnd}
          onChange={(e) => set('avgIncomeVnd')(e.currentTarget.value)}
          error={fieldErrors(t, m.error).avgIncomeVnd}
          w={140}
        />
        <Select
          data={[
            { value: 'month', label: lang === 'vi' ? '/tháng' : '/month' },
            { value: 'year', label: lang === 'vi' ? '/năm' : '/year' },
          ]}
          value={f.incomePeriod}
          onChange={(v) => set('incomePeriod')(v ?? 'month')}
          label={tx(lang, 'incomePeriod')}
          w={110}
        />
        <TextInput
          label={tx(lang, 'asReported')}
          value={f.incomeAsReported}
          onChange={(e) => set('incomeAsReported')(e.currentTarget.value)}
          w={180}
        />
        <Button loading={m.isPending} disabled={!f.measuredOn} onClick={() => m.mutate()}>
          {tx(lang, 'saveFigures')}
        </Button>
      </Group>
      {m.error && <Alert color="red">{errorText(t, m.error)}</Alert>}
    </Stack>
  );
}

/** The council member's own sheet: one score per criterion of the weighted rubric. */
function ScoreSheet({ id }: { id: string }) {
  const lang = useLang();
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['ext', 'scores', id], queryFn: () => ext.scores(id) });
  const [scores, setScores] = useState<Record<string, string>>({});
  useEffect(() => {
    if (q.data) setScores(Object.fromEntries(q.data.mine.map((m) => [m.criterionId, m.score])));
  }, [q.data]);
  const qc = useQueryClient();
  const m = useMutation({
    onSuccess: (d) => qc.setQueryData(['ext', 'scores', id], d),
    mutationFn: () =>
      ext.putScores(
        id,
        Object.entries(scores)
          .filter(([, v]) => v !== '')
          .map(([criterionId, score]) => ({ criterionId, score })),
      ),
  });
  if (!q.data) return null;
  return (
    <Section title={tx(lang, 'appraisal')}>
      <Stack gap="xs">
        {q.data.rubric.criteria.map((c) => (
          <Group key={c.id}>
            <Text style={{ flex: 1 }}>
              {lang === 'en' ? c.labelEn : c.label}{' '}
              <Text span c="dimmed">
                (×{c.weight}, 0–{c.maxScore})
              </Text>
            </Text>
            <NumberInput
              aria-label={c.label}
              min={0}
              max={c.maxScore}
              value={scores[c.id] ?? ''}
              onChange={(v) => setScores((x) => ({ ...x, [c.id]: String(v) }))}
              w={100}
            />
          </Group>
        ))}
        <Group>
          <Button loading={m.isPending} onClick={() => m.mutate()}>
            {tx(lang, 'saveScores')}
          </Button>
          <Text size="sm" c="dimmed">
            {tx(lang, 'members')}: {q.data.members}
          </Text>
        </Group>
        {m.error && <Alert color="red">{errorText(t, m.error)}</Alert>}
        {m.isSuccess && (
          <Alert color="green" role="status">
            {tx(lang, 'scoresSaved')}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
