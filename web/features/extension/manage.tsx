import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_KINDS } from '../../../contracts/extension';
import type { Lang } from '../../../contracts/messages';
import { useLang } from '../../app/i18n';
import { errorText, fieldErrors } from '../../lib/errors';
import { readNumbersOrThrow } from '../../lib/validation';
import { ext } from './api';
import { Section } from './bits';
import { KIND, SOURCE, tx } from './strings';

/** Staff forms: a yearly plan with budget lines, a call, a scoring rubric, a scheme created by staff. */
const W = {
  vi: {
    newPlan: 'Lập kế hoạch năm',
    newCall: 'Mở đợt xét chọn',
    newRubric: 'Bộ tiêu chí chấm điểm',
    newScheme: 'Tạo đề án (cán bộ nhập)',
    title: 'Tên',
    notes: 'Ghi chú',
    approvedPlan: 'Kế hoạch đã được phê duyệt',
    group: 'Nhóm hoạt động',
    addLine: 'Thêm dòng dự toán',
    addCriterion: 'Thêm tiêu chí',
    remove: 'Xóa dòng',
    opensOn: 'Ngày mở',
    closesOn: 'Ngày đóng',
    openNow: 'Mở ngay cho doanh nghiệp nộp hồ sơ',
    rubric: 'Bộ tiêu chí',
    defaultRubric: 'Mặc định',
    plan: 'Thuộc kế hoạch',
    critCode: 'Mã tiêu chí',
    critLabel: 'Tiêu chí (tiếng Việt)',
    critLabelEn: 'Tiêu chí (tiếng Anh)',
    weight: 'Trọng số',
    maxScore: 'Điểm tối đa',
    search: 'Doanh nghiệp (gõ để tìm)',
    create: 'Tạo',
    saved: 'Đã lưu.',
  },
  en: {
    newPlan: 'New yearly plan',
    newCall: 'Open a call',
    newRubric: 'Scoring rubric',
    newScheme: 'New scheme (entered by staff)',
    title: 'Title',
    notes: 'Notes',
    approvedPlan: 'The plan is approved',
    group: 'Activity group',
    addLine: 'Add budget line',
    addCriterion: 'Add criterion',
    remove: 'Remove line',
    opensOn: 'Opens on',
    closesOn: 'Closes on',
    openNow: 'Open now for applications',
    rubric: 'Rubric',
    defaultRubric: 'Default',
    plan: 'Plan',
    critCode: 'Criterion code',
    critLabel: 'Criterion (Vietnamese)',
    critLabelEn: 'Criterion (English)',
    weight: 'Weight',
    maxScore: 'Maximum score',
    search: 'Enterprise (type to search)',
    create: 'Create',
    saved: 'Saved.',
  },
} satisfies Record<Lang, Record<string, string>>;

const digits = (v: string) => v.replace(/\D/g, '');
const SOURCES = ['national', 'local'] as const;

function useGroups(lang: Lang) {
  const rules = useQuery({ queryKey: ['ext', 'rules'], queryFn: ext.rules, staleTime: 600_000 });
  const seen = new Set<string>();
  return (rules.data?.activityGroups ?? [])
    .filter((g) => !g.effectiveTo && !seen.has(g.code) && seen.add(g.code))
    .map((g) => ({ value: g.code, label: lang === 'en' ? g.nameEn : g.name }));
}

function Done({ m }: { m: { error: unknown; isSuccess: boolean } }) {
  const lang = useLang();
  const { t } = useTranslation();
  if (m.error)
    return (
      <Alert color="red" role="alert">
        {errorText(t, m.error)}
      </Alert>
    );
  return m.isSuccess ? (
    <Text role="status" c="green.8">
      {W[lang].saved}
    </Text>
  ) : null;
}

export function PlanForm() {
  const lang = useLang();
  const w = W[lang];
  const { t } = useTranslation();
  const qc = useQueryClient();
  const groups = useGroups(lang);
  const [f, setF] = useState({
    year: String(new Date().getFullYear()),
    title: '',
    notes: '',
    approved: false,
  });
  const [lines, setLines] = useState([{ fundingSource: 'national', activityGroupCode: '', amountVnd: '' }]);
  const m = useMutation({
    mutationFn: () => {
      const kept = lines.filter((l) => l.activityGroupCode && l.amountVnd.trim());
      const amounts = readNumbersOrThrow(
        lang,
        Object.fromEntries(
          kept.map((l, i) => [`budgets.${i}.amountVnd`, { text: l.amountVnd, decimals: 0 }]),
        ),
      );
      return ext.createPlan({
        year: Number(f.year),
        title: f.title,
        notes: f.notes || null,
        status: f.approved ? 'approved' : 'draft',
        budgets: kept.map((l, i) => ({
          ...l,
          amountVnd: amounts[`budgets.${i}.amountVnd`]!,
          fundingSource: l.fundingSource as 'national' | 'local',
        })),
      });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['ext', 'plans'] }),
  });
  const errs = fieldErrors(t, m.error);
  return (
    <Section title={w.newPlan}>
      <Stack maw={760}>
        <Group grow align="flex-start">
          <TextInput
            label={tx(lang, 'year')}
            value={f.year}
            onChange={(e) => setF({ ...f, year: digits(e.currentTarget.value) })}
            error={errs.year}
            required
            maw={120}
          />
          <TextInput
            label={w.title}
            value={f.title}
            onChange={(e) => setF({ ...f, title: e.currentTarget.value })}
            error={errs.title}
            required
          />
        </Group>
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines have no identity before they are saved
          <Group key={i} align="flex-end" wrap="wrap">
            <Select
              label={tx(lang, 'source')}
              data={SOURCES.map((s) => ({ value: s, label: SOURCE[lang][s]! }))}
              value={l.fundingSource}
              allowDeselect={false}
              onChange={(v) =>
                setLines(lines.map((x, j) => (j === i ? { ...x, fundingSource: v ?? 'national' } : x)))
              }
              w={200}
            />
            <Select
              label={w.group}
              data={groups}
              value={l.activityGroupCode || null}
              onChange={(v) =>
                setLines(lines.map((x, j) => (j === i ? { ...x, activityGroupCode: v ?? '' } : x)))
              }
              searchable
              w={260}
            />
            <TextInput
              label={tx(lang, 'amount')}
              value={l.amountVnd}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setLines(lines.map((x, j) => (j === i ? { ...x, amountVnd: v } : x)));
              }}
              error={errs[`budgets.${i}.amountVnd`]}
              w={180}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`${w.remove} ${i + 1}`}
              onClick={() => setLines(lines.filter((_, j) => j !== i))}
              mb={4}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          w="fit-content"
          onClick={() =>
            setLines([...lines, { fundingSource: 'local', activityGroupCode: '', amountVnd: '' }])
          }
        >
          + {w.addLine}
        </Button>
        <Textarea
          label={w.notes}
          value={f.notes}
          onChange={(e) => setF({ ...f, notes: e.currentTarget.value })}
        />
        <Checkbox
          label={w.approvedPlan}
          checked={f.approved}
          onChange={(e) => setF({ ...f, approved: e.currentTarget.checked })}
        />
        <Button
          w="fit-content"
          disabled={!f.title || !f.year}
          loading={m.isPending}
          onClick={() => m.mutate()}
        >
          {w.create}
        </Button>
        <Done m={m} />
      </Stack>
    </Section>
  );
}

export function CallForm() {
  const lang = useLang();
  const w = W[lang];
  const { t } = useTranslation();
  const qc = useQueryClient();
  const groups = useGroups(lang);
  const plans = useQuery({ queryKey: ['ext', 'plans'], queryFn: ext.plans });
  const rubrics = useQuery({ queryKey: ['ext', 'rubrics'], queryFn: ext.rubrics });
  const [f, setF] = useState({
    year: String(new Date().getFullYear()),
    title: '',
    description: '',
    fundingSource: 'local',
    activityGroupCode: 'demonstration',
    opensOn: '',
    closesOn: '',
    open: true,
    planId: null as string | null,
    rubricId: null as string | null,
  });
  const m = useMutation({
    mutationFn: () =>
      ext.createCall({
        year: Number(f.year),
        title: f.title,
        description: f.description || null,
        fundingSource: f.fundingSource as 'national' | 'local',
        activityGroupCode: f.activityGroupCode,
        opensOn: f.opensOn,
        closesOn: f.closesOn,
        status: f.open ? 'open' : 'draft',
        planId: f.planId,
        rubricId: f.rubricId,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['ext', 'calls'] }),
  });
  const errs = fieldErrors(t, m.error);
  return (
    <Section title={w.newCall}>
      <Stack maw={760}>
        <Group grow align="flex-start">
          <TextInput
            label={tx(lang, 'year')}
            value={f.year}
            onChange={(e) => setF({ ...f, year: digits(e.currentTarget.value) })}
            required
            maw={120}
          />
          <TextInput
            label={w.title}
            value={f.title}
            onChange={(e) => setF({ ...f, title: e.currentTarget.value })}
            error={errs.title}
            required
          />
        </Group>
        <Group align="flex-start" wrap="wrap">
          <Select
            label={tx(lang, 'source')}
            data={SOURCES.map((s) => ({ value: s, label: SOURCE[lang][s]! }))}
            value={f.fundingSource}
            allowDeselect={false}
            onChange={(v) => setF({ ...f, fundingSource: v ?? 'local' })}
            w={220}
          />
          <Select
            label={w.group}
            data={groups}
            value={f.activityGroupCode}
            allowDeselect={false}
            onChange={(v) => setF({ ...f, activityGroupCode: v ?? 'demonstration' })}
            w={280}
          />
          <TextInput
            label={w.opensOn}
            placeholder="YYYY-MM-DD"
            value={f.opensOn}
            onChange={(e) => setF({ ...f, opensOn: e.currentTarget.value })}
            error={errs.opensOn}
            required
            w={150}
          />
          <TextInput
            label={w.closesOn}
            placeholder="YYYY-MM-DD"
            value={f.closesOn}
            onChange={(e) => setF({ ...f, closesOn: e.currentTarget.value })}
            error={errs.closesOn}
            required
            w={150}
          />
        </Group>
        <Group align="flex-start" wrap="wrap">
          <Select
            label={w.plan}
            data={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.year} · ${p.title}` }))}
            value={f.planId}
            onChange={(v) => setF({ ...f, planId: v })}
            clearable
            w={320}
          />
          <Select
            label={w.rubric}
            data={(rubrics.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            value={f.rubricId}
            onChange={(v) => setF({ ...f, rubricId: v })}
            placeholder={w.defaultRubric}
            clearable
            w={320}
          />
        </Group>
        <Textarea
          label={w.notes}
          value={f.description}
          onChange={(e) => setF({ ...f, description: e.currentTarget.value })}
        />
        <Checkbox
          label={w.openNow}
          checked={f.open}
          onChange={(e) => setF({ ...f, open: e.currentTarget.checked })}
        />
        <Button
          w="fit-content"
          disabled={!f.title || !f.opensOn || !f.closesOn}
          loading={m.isPending}
          onClick={() => m.mutate()}
        >
          {w.create}
        </Button>
        <Done m={m} />
      </Stack>
    </Section>
  );
}

export function RubricForm() {
  const lang = useLang();
  const w = W[lang];
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [crit, setCrit] = useState([{ code: '', label: '', labelEn: '', weight: '', maxScore: 10 }]);
  const m = useMutation({
    mutationFn: () => ext.createRubric({ name, criteria: crit }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['ext', 'rubrics'] }),
  });
  const errs = fieldErrors(t, m.error);
  const set = (i: number, k: string, v: string | number) =>
    setCrit(crit.map((c, j) => (j === i ? { ...c, [k]: v } : c)));
  return (
    <Section title={w.newRubric}>
      <Stack maw={900}>
        <TextInput label={w.title} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        {crit.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines have no identity before they are saved
          <Group key={i} align="flex-end" wrap="wrap">
            <TextInput
              label={w.critCode}
              value={c.code}
              onChange={(e) => set(i, 'code', e.currentTarget.value.toLowerCase())}
              error={errs[`criteria.${i}.code`]}
              w={150}
            />
            <TextInput
              label={w.critLabel}
              value={c.label}
              onChange={(e) => set(i, 'label', e.currentTarget.value)}
              w={220}
            />
            <TextInput
              label={w.critLabelEn}
              value={c.labelEn}
              onChange={(e) => set(i, 'labelEn', e.currentTarget.value)}
              w={200}
            />
            <TextInput
              label={w.weight}
              value={c.weight}
              onChange={(e) => set(i, 'weight', e.currentTarget.value.replace(/[^\d.]/g, ''))}
              error={errs[`criteria.${i}.weight`]}
              w={90}
            />
            <NumberInput
              label={w.maxScore}
              value={c.maxScore}
              min={1}
              max={1000}
              onChange={(v) => set(i, 'maxScore', Number(v) || 10)}
              w={110}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`${w.remove} ${i + 1}`}
              onClick={() => setCrit(crit.filter((_, j) => j !== i))}
              mb={4}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          w="fit-content"
          onClick={() => setCrit([...crit, { code: '', label: '', labelEn: '', weight: '', maxScore: 10 }])}
        >
          + {w.addCriterion}
        </Button>
        <Button
          w="fit-content"
          disabled={!name || crit.length === 0}
          loading={m.isPending}
          onClick={() => m.mutate()}
        >
          {w.create}
        </Button>
        <Done m={m} />
      </Stack>
    </Section>
  );
}

/** A scheme entered by staff (e.g. from a paper application), for any enterprise. */
export function SchemeForm() {
  const lang = useLang();
  const w = W[lang];
  const { t } = useTranslation();
  const navigate = useNavigate();
  const groups = useGroups(lang);
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['ext', 'enterprise-search', search],
    queryFn: () => ext.enterprises(search),
    enabled: search.trim().length >= 2,
  });
  const [f, setF] = useState({
    year: String(new Date().getFullYear()),
    enterpriseId: null as string | null,
    title: '',
    supportKind: 'advanced_machinery',
    fundingSource: 'local',
    activityGroupCode: 'demonstration',
    totalCostVnd: '',
    supportRequestedVnd: '',
  });
  const m = useMutation({
    mutationFn: () => {
      const typed = readNumbersOrThrow(lang, {
        totalCostVnd: { text: f.totalCostVnd, decimals: 0 },
        supportRequestedVnd: { text: f.supportRequestedVnd, decimals: 0 },
      });
      const total = BigInt(typed.totalCostVnd ?? '0');
      const requested = BigInt(typed.supportRequestedVnd ?? '0');
      return ext.createScheme({
        year: Number(f.year),
        leadEnterpriseId: f.enterpriseId!,
        title: f.title,
        description: null,
        supportKind: f.supportKind as (typeof SUPPORT_KINDS)[number],
        fundingSource: f.fundingSource as 'national' | 'local',
        activityGroupCode: f.activityGroupCode,
        totalCostVnd: String(total),
        supportRequestedVnd: String(requested),
        counterpartVnd: String(total - requested),
      });
    },
    onSuccess: (d) => navigate({ to: '/extension/schemes/$id', params: { id: d.id } }),
  });
  const errs = fieldErrors(t, m.error);
  return (
    <Section title={w.newScheme}>
      <Stack maw={760}>
        <Group grow align="flex-start">
          <TextInput
            label={tx(lang, 'year')}
            value={f.year}
            onChange={(e) => setF({ ...f, year: digits(e.currentTarget.value) })}
            required
            maw={120}
          />
          <Select
            label={w.search}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={(found.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name} (${e.taxCode})` }))}
            value={f.enterpriseId}
            onChange={(v) => setF({ ...f, enterpriseId: v })}
            filter={({ options }) => options}
            nothingFoundMessage={search.length >= 2 ? tx(lang, 'none') : undefined}
            required
          />
        </Group>
        <TextInput
          label={tx(lang, 'name')}
          value={f.title}
          onChange={(e) => setF({ ...f, title: e.currentTarget.value })}
          error={errs.title}
          required
        />
        <Group align="flex-start" wrap="wrap">
          <Select
            label={tx(lang, 'supportKind')}
            data={SUPPORT_KINDS.map((k) => ({ value: k, label: KIND[lang][k] ?? k }))}
            value={f.supportKind}
            allowDeselect={false}
            onChange={(v) => setF({ ...f, supportKind: v ?? 'advanced_machinery' })}
            w={260}
          />
          <Select
            label={tx(lang, 'source')}
            data={SOURCES.map((s) => ({ value: s, label: SOURCE[lang][s]! }))}
            value={f.fundingSource}
            allowDeselect={false}
            onChange={(v) => setF({ ...f, fundingSource: v ?? 'local' })}
            w={220}
          />
          <Select
            label={w.group}
            data={groups}
            value={f.activityGroupCode}
            allowDeselect={false}
            onChange={(v) => setF({ ...f, activityGroupCode: v ?? 'demonstration' })}
            w={260}
          />
        </Group>
        <Group grow>
          <TextInput
            label={tx(lang, 'total')}
            value={f.totalCostVnd}
            onChange={(e) => setF({ ...f, totalCostVnd: e.currentTarget.value })}
            error={errs.totalCostVnd}
          />
          <TextInput
            label={tx(lang, 'requested')}
            value={f.supportRequestedVnd}
            onChange={(e) => setF({ ...f, supportRequestedVnd: e.currentTarget.value })}
            error={errs.supportRequestedVnd}
          />
        </Group>
        <Button
          w="fit-content"
          disabled={!f.enterpriseId || !f.title || !f.totalCostVnd}
          loading={m.isPending}
          onClick={() => m.mutate()}
        >
          {w.create}
        </Button>
        <Done m={m} />
      </Stack>
    </Section>
  );
}

/** The scheme's milestones: the list with due/done dates, a new one, and marking one done (office). */
export function Milestones({
  s,
  canEdit,
  onDone,
}: {
  s: {
    id: string;
    status: string;
    milestones: { id: string; title: string; dueOn: string | null; doneOn: string | null }[];
  };
  canEdit: boolean;
  onDone: (d: import('./api').SchemeDetail) => void;
}) {
  const lang = useLang();
  const vi = lang === 'vi';
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const today = new Date().toISOString().slice(0, 10);
  const add = useMutation({
    mutationFn: () => ext.addMilestone(s.id, { title, dueOn: dueOn || null }),
    onSuccess: (d) => {
      setTitle('');
      setDueOn('');
      onDone(d);
    },
  });
  const done = useMutation({
    mutationFn: (mid: string) => ext.milestoneDone(s.id, mid, today),
    onSuccess: onDone,
  });
  const label = vi ? 'Các mốc thực hiện' : 'Milestones';
  return (
    <Section title={label}>
      <Stack gap="xs">
        {s.milestones.length === 0 && <Text c="dimmed">{tx(lang, 'none')}</Text>}
        {s.milestones.length > 0 && (
          <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
            {s.milestones.map((m) => (
              <Group component="li" key={m.id} gap="xs">
                <Text fw={600}>{m.title}</Text>
                <Text size="sm" c="dimmed">
                  {m.dueOn ? `${vi ? 'hạn' : 'due'} ${m.dueOn}` : ''}
                  {m.doneOn ? ` · ${vi ? 'xong ngày' : 'done on'} ${m.doneOn}` : ''}
                </Text>
                {canEdit && !m.doneOn && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => done.mutate(m.id)}
                    loading={done.isPending}
                  >
                    {vi ? `Đánh dấu xong: ${m.title}` : `Mark done: ${m.title}`}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {canEdit && (
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={vi ? 'Mốc mới' : 'New milestone'}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              w={300}
            />
            <TextInput
              label={vi ? 'Hạn' : 'Due on'}
              placeholder="YYYY-MM-DD"
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
              w={150}
            />
            <Button disabled={!title} loading={add.isPending} onClick={() => add.mutate()}>
              {vi ? 'Thêm mốc' : 'Add milestone'}
            </Button>
          </Group>
        )}
        <Done m={add} />
        {done.error ? <Done m={done} /> : null}
      </Stack>
    </Section>
  );
}
