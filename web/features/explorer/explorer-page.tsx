import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
  useMatches,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconDeviceFloppy,
  IconDownload,
  IconFolderOpen,
  IconPencil,
  IconShare,
} from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { EChartsOption } from 'echarts';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupedBarOption, trendLineOption } from '../../../contracts/charts';
import { formatNumber, formatPeriod } from '../../../contracts/format';
import type { SavedViewDto } from '../../../contracts/publishing';
import { VSIC_DIVISIONS, VSIC_SECTIONS, vsicSection } from '../../../contracts/vsic';
import { useLang } from '../../app/i18n';
import { errorText } from '../../lib/errors';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader, usePageTitle } from '../../ui/page';
import { useAreaOptions } from '../dashboard/areas';
import { downloadCsv, downloadXlsx, statsApi, useDefaultYear } from '../dashboard/stats-api';
import { ManageViews } from './manage-views';
import {
  DIMENSIONS,
  type Dimension,
  type Freq,
  freqOf,
  isAdditive,
  monthBounds,
  type PivotRow,
  pivot,
  sortRows,
  type VsicLevel,
} from './pivot';
import '../dashboard/publishing.css';
import { useHomeArea } from '../../lib/session';

const EChart = lazy(() => import('../dashboard/echart'));
const route = getRouteApi('/_app/explorer');

const INDICATORS = [
  'GO_CONST',
  'GO_CONST_YOY',
  'GO_CUR',
  'OUTPUT_QTY',
  'OUTPUT_QTY_YOY',
  'IIP',
  'IIP_YOY',
  'REPORTING_RATE',
] as const;
const CHARTS = ['bar', 'line', 'stacked', 'pie', 'table'] as const;
type ChartType = (typeof CHARTS)[number];
const OWNERSHIPS = ['state', 'non_state', 'fdi'] as const;
const PALETTE = [
  '#1f5fa8',
  '#e0a526',
  '#2e8b57',
  '#c0392b',
  '#6c5b7b',
  '#17a2b8',
  '#8d6e63',
  '#9bb7d9',
  '#ff7f50',
  '#556b2f',
];

interface State {
  indicator: string;
  freq: Freq;
  from: string;
  to: string;
  area: string;
  dimensions: Dimension[];
  vsicLevel: VsicLevel;
  text: string;
  sort: string | null;
  chartType: ChartType;
}

const INITIAL: Omit<State, 'area' | 'from' | 'to'> = {
  indicator: 'GO_CONST',
  freq: 'A',
  dimensions: ['activity'],
  vsicLevel: 'section',
  text: '',
  sort: null,
  chartType: 'bar',
};

function periodOptions(freq: Freq, lang: 'vi' | 'en') {
  const out: { value: string; label: string }[] = [];
  for (let y = 2010; y <= 2016; y++) {
    if (freq === 'A') out.push({ value: String(y), label: String(y) });
    if (freq === 'Q')
      for (let q = 1; q <= 4; q++) out.push({ value: `${y}-Q${q}`, label: formatPeriod(`${y}-Q${q}`, lang) });
    if (freq === 'M')
      for (let m = 1; m <= 12; m++) {
        const p = `${y}-${String(m).padStart(2, '0')}`;
        out.push({ value: p, label: formatPeriod(p, lang) });
      }
  }
  return out;
}

/** The explorer: indicator × periods × up to three dimensions → pivot table and chart; save, share, export. */
export function ExplorerPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('ex.title'));
  const search = route.useSearch();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { options: areaOptions, areas } = useAreaOptions();
  const home = useHomeArea();
  const year = useDefaultYear();
  const [s, setS] = useState<State>({ ...INITIAL, area: home, from: String(year - 1), to: String(year) });
  const set = (patch: Partial<State>) => setS((x) => ({ ...x, ...patch }));
  const [saveOpen, setSaveOpen] = useState(false);
  const [manageOpen, setManageOpen] = useState(false);
  const chartSwitchSize = useMatches({ base: 'xs', sm: 'sm' }) as 'xs' | 'sm';
  const [name, setName] = useState('');
  const [shared, setShared] = useState(true);
  const [opened, setOpened] = useState<SavedViewDto | null>(null);

  // A shared view in the URL (?view=<shareKey>) opens with its state.
  const viewQ = useQuery({
    queryKey: ['view', search.view],
    queryFn: () => statsApi.views.shared(search.view!),
    enabled: !!search.view,
  });
  useEffect(() => {
    const v = viewQ.data;
    if (!v) return;
    setOpened(v);
    setS({
      indicator: v.indicator,
      freq: freqOf(v.periodFrom),
      from: v.periodFrom,
      to: v.periodTo,
      area: v.areaCode,
      dimensions: v.dimensions,
      vsicLevel: (v.filters.vsicLevel?.[0] as VsicLevel | undefined) ?? 'section',
      text: v.filters.text?.[0] ?? '',
      sort: v.sort,
      chartType: v.chartType,
    });
  }, [viewQ.data]);

  const products = useQuery({ queryKey: ['products'], queryFn: statsApi.products, staleTime: 30 * 60_000 });
  const views = useQuery({ queryKey: ['views'], queryFn: statsApi.views.list });

  const bounds = monthBounds(s.freq, s.from, s.to);
  const dimsKey = [...s.dimensions].sort().join(',');
  const data = useQuery({
    queryKey: ['explorer', s.indicator, s.freq, bounds.from, bounds.to, s.area, dimsKey],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const owners = s.dimensions.includes('ownership') ? OWNERSHIPS : [''];
      const out = [];
      for (const ownership of owners) {
        const r = await statsApi.indicators({
          area: s.area,
          from: bounds.from,
          to: bounds.to,
          freq: s.freq,
          indicator: s.indicator,
          subAreas: s.dimensions.includes('area'),
          activity: s.dimensions.includes('activity') && !s.dimensions.includes('product') ? undefined : '_T',
          ownership: ownership || undefined,
        });
        out.push({ ownership, observations: r.observations });
      }
      return out;
    },
  });

  const productMap = useMemo(() => new Map((products.data ?? []).map((p) => [p.code, p])), [products.data]);
  const areaMap = useMemo(() => new Map(areas.map((a) => [a.code, a])), [areas]);
  const label = (d: Dimension, code: string): string => {
    if (d === 'area') {
      const a = areaMap.get(code);
      return a ? (lang === 'en' ? (a.nameEn ?? a.name) : a.name) : code;
    }
    if (d === 'ownership') return t(`ownership.${code}`);
    if (d === 'product') {
      const p = productMap.get(code);
      return p ? (lang === 'en' ? (p.nameEn ?? p.nameVi) : p.nameVi) : code;
    }
    const sec = VSIC_SECTIONS.find((x) => x.code === code);
    if (sec)
      return `${code} · ${lang === 'en' ? sec.nameEn : sec.nameVi.charAt(0) + sec.nameVi.slice(1).toLowerCase()}`;
    const div = VSIC_DIVISIONS.find((x) => x.code === code.slice(0, 2));
    return div ? `${code} · ${lang === 'en' ? div.nameEn : div.nameVi}` : code;
  };
  const rowLabel = (r: PivotRow) => r.codes.map((c, i) => label(s.dimensions[i]!, c)).join(' · ');

  // biome-ignore lint/correctness/useExhaustiveDependencies: rowLabel is derived from the inputs listed
  const table = useMemo(() => {
    if (!data.data) return null;
    const p = pivot(
      {
        indicator: s.indicator,
        freq: s.freq,
        area: s.area,
        dimensions: s.dimensions,
        vsicLevel: s.vsicLevel,
      },
      data.data,
      new Map((products.data ?? []).map((x) => [x.code, x.vsic])),
      (c) => vsicSection(c),
    );
    const needle = s.text.trim().toLowerCase();
    const rows = sortRows(
      needle ? p.rows.filter((r) => rowLabel(r).toLowerCase().includes(needle)) : p.rows,
      s.sort,
      rowLabel,
    );
    return { periods: p.periods, rows };
  }, [
    data.data,
    s.indicator,
    s.freq,
    s.area,
    s.dimensions,
    s.vsicLevel,
    s.text,
    s.sort,
    products.data,
    areas,
    lang,
  ]);

  // Display: money in billions, percentages with two decimals, quantities in the product's unit.
  const money = s.indicator === 'GO_CONST' || s.indicator === 'GO_CUR';
  const digits = money ? 1 : s.indicator === 'OUTPUT_QTY' ? 0 : 2;
  const shown = (v: number | null | undefined) =>
    v === null || v === undefined ? null : Number((money ? v / 1e9 : v).toFixed(digits));
  const unit = money
    ? t('dash.bn')
    : s.indicator === 'OUTPUT_QTY'
      ? [...new Set(table?.rows.map((r) => r.unit) ?? [])].join(', ')
      : s.indicator.startsWith('IIP')
        ? ''
        : '%';
  const mixedUnits = s.indicator === 'OUTPUT_QTY' && new Set(table?.rows.map((r) => r.unit)).size > 1;
  const withUnitCol = s.indicator === 'OUTPUT_QTY' && s.dimensions.includes('product');
  const total =
    table && isAdditive(s.indicator) && !mixedUnits && table.rows.length > 1
      ? Object.fromEntries(
          table.periods.map((p) => [p, table.rows.reduce((a, r) => a + (r.values[p] ?? 0), 0)]),
        )
      : null;

  const header = [
    ...s.dimensions.map((d) => t(`ex.dim.${d}`)),
    ...(withUnitCol ? [t('fig.quantity')] : []),
    ...(table?.periods ?? []).map((p) => formatPeriod(p, lang)),
  ];
  const exportRows = (): (string | number | null)[][] => {
    if (!table) return [];
    const rows: (string | number | null)[][] = table.rows.map((r) => [
      ...r.codes.map((c, i) => label(s.dimensions[i]!, c)),
      ...(withUnitCol ? [r.unit] : []),
      ...table.periods.map((p) => shown(r.values[p])),
    ]);
    if (total)
      rows.push([
        t('ex.total'),
        ...s.dimensions.slice(1).map(() => ''),
        ...(withUnitCol ? [''] : []),
        ...table.periods.map((p) => shown(total[p])),
      ]);
    return rows;
  };
  const title = `${t(`ind.${s.indicator}`)} — ${areaOptions.find((a) => a.value === s.area)?.label ?? s.area}`;
  const fileBase = `${s.indicator}-${s.area}-${s.from}-${s.to}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: shown and rowLabel follow the state listed
  const chart = useMemo((): EChartsOption | null => {
    if (!table || s.chartType === 'table' || table.rows.length === 0) return null;
    const top = table.rows.slice(0, 10);
    if (s.chartType === 'pie') {
      const last = table.periods.at(-1)!;
      return {
        color: PALETTE,
        tooltip: { trigger: 'item' },
        legend: { bottom: 0, type: 'scroll' },
        series: [
          {
            type: 'pie',
            radius: ['35%', '65%'],
            data: top.map((r) => ({ name: rowLabel(r), value: shown(r.values[last]) ?? 0 })),
            label: { formatter: '{d}%' },
          },
        ],
      };
    }
    const spec = {
      kind: 'sections' as const,
      title: '',
      categories: table.periods.map((p) => formatPeriod(p, lang)),
      series: top.map((r) => ({ name: rowLabel(r), data: table.periods.map((p) => shown(r.values[p])) })),
      unit,
    };
    const o =
      s.chartType === 'line'
        ? trendLineOption(spec, lang, { showTitle: false })
        : groupedBarOption(spec, lang, { showTitle: false });
    o.color = PALETTE;
    o.tooltip = { trigger: 'axis' };
    (o.legend as Record<string, unknown>).type = 'scroll';
    for (const x of o.series as Record<string, unknown>[]) {
      delete x.itemStyle;
      if (s.chartType === 'stacked') x.stack = 'total';
      if (x.label) (x.label as Record<string, unknown>).show = false;
    }
    return o;
  }, [table, s.chartType, lang, unit]);

  const viewBody = () => ({
    name: name.trim(),
    indicator: s.indicator,
    periodFrom: s.from,
    periodTo: s.to,
    areaCode: s.area,
    dimensions: s.dimensions,
    filters: { vsicLevel: [s.vsicLevel], ...(s.text.trim() ? { text: [s.text.trim()] } : {}) },
    sort: s.sort,
    chartType: s.chartType,
    shared,
  });
  const save = useMutation({
    mutationFn: () => statsApi.views.create(viewBody()),
    onSuccess: async (v) => {
      await qc.invalidateQueries({ queryKey: ['views'] });
      setSaveOpen(false);
      setOpened(v);
      qc.setQueryData(['view', v.shareKey], v);
      await navigate({ to: '/explorer', search: { view: v.shareKey }, replace: true });
      notifySuccess(t('ex.saved', { name: v.name }));
    },
  });

  const toggleSort = (col: string) => {
    const [c, d] = (s.sort ?? '').split(':');
    set({ sort: c === col && d === 'desc' ? `${col}:asc` : `${col}:desc` });
  };
  const sortIcon = (col: string) => {
    const [c, d] = (s.sort ?? '').split(':');
    if (c !== col) return null;
    return d === 'desc' ? <IconArrowDown size={12} aria-hidden /> : <IconArrowUp size={12} aria-hidden />;
  };
  const ariaSort = (col: string): 'ascending' | 'descending' | undefined => {
    const [c, d] = (s.sort ?? '').split(':');
    return c === col ? (d === 'desc' ? 'descending' : 'ascending') : undefined;
  };

  const shareUrl = opened ? `${location.origin}/explorer?view=${opened.shareKey}` : null;

  return (
    <>
      <PageHeader
        title={t('ex.title')}
        subtitle={
          opened
            ? t('ex.opened_view', { name: opened.name, owner: opened.ownerName ?? '–' })
            : t('ex.subtitle')
        }
        actions={
          <>
            <Menu position="bottom-end" width={280}>
              <Menu.Target>
                <Button variant="default" leftSection={<IconFolderOpen size={16} />}>
                  {t('ex.views')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {(views.data ?? []).length === 0 && <Menu.Label>{t('ex.views_none')}</Menu.Label>}
                {(views.data ?? []).map((v) => (
                  <Menu.Item
                    key={v.id}
                    onClick={() => void navigate({ to: '/explorer', search: { view: v.shareKey } })}
                  >
                    {v.name}
                  </Menu.Item>
                ))}
                {(views.data ?? []).length > 0 && (
                  <>
                    <Menu.Divider />
                    <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setManageOpen(true)}>
                      {t('ex.manage_views')}
                    </Menu.Item>
                  </>
                )}
              </Menu.Dropdown>
            </Menu>
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={() => {
                setName(opened?.name ?? '');
                setSaveOpen(true);
              }}
            >
              {t('ex.save')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('ex.indicator')}
              data={INDICATORS.map((i) => ({ value: i, label: t(`ind.${i}`) }))}
              value={s.indicator}
              onChange={(v) => v && set({ indicator: v, sort: null })}
              allowDeselect={false}
              w={{ base: '100%', sm: 280 }}
            />
            <Select
              label={t('ex.area')}
              data={areaOptions}
              value={s.area}
              onChange={(v) => v && set({ area: v })}
              searchable
              allowDeselect={false}
              w={{ base: '100%', sm: 220 }}
            />
            <Select
              label={t('ex.freq')}
              data={(['A', 'Q', 'M'] as const).map((f) => ({ value: f, label: t(`ex.freq.${f}`) }))}
              value={s.freq}
              onChange={(v) => {
                const f = (v ?? 'A') as Freq;
                const conv = (p: string, end: boolean) =>
                  f === 'A'
                    ? p.slice(0, 4)
                    : f === 'Q'
                      ? `${p.slice(0, 4)}-Q${end ? 4 : 1}`
                      : `${p.slice(0, 4)}-${end ? '12' : '01'}`;
                set({ freq: f, from: conv(s.from, false), to: conv(s.to, true), sort: null });
              }}
              allowDeselect={false}
              w={120}
            />
            <Select
              label={t('ex.from')}
              data={periodOptions(s.freq, lang)}
              value={s.from}
              onChange={(v) => v && set({ from: v })}
              allowDeselect={false}
              searchable
              w={150}
            />
            <Select
              label={t('ex.to')}
              data={periodOptions(s.freq, lang)}
              value={s.to}
              onChange={(v) => v && set({ to: v })}
              allowDeselect={false}
              searchable
              w={150}
            />
          </Group>
          <Group gap="sm" align="flex-end" wrap="wrap" mt="sm">
            <MultiSelect
              label={t('ex.dimensions')}
              data={DIMENSIONS.map((d) => ({ value: d, label: t(`ex.dim.${d}`) }))}
              value={s.dimensions}
              onChange={(v) => set({ dimensions: v.slice(0, 3) as Dimension[], sort: null })}
              maxValues={3}
              w={{ base: '100%', sm: 380 }}
            />
            {s.dimensions.includes('activity') && (
              <Select
                label={t('ex.vsic_level')}
                data={(['section', 'division', 'class'] as const).map((l) => ({
                  value: l,
                  label: t(`ex.vsic.${l}`),
                }))}
                value={s.vsicLevel}
                onChange={(v) => v && set({ vsicLevel: v as VsicLevel })}
                allowDeselect={false}
                w={150}
              />
            )}
            <TextInput
              label={t('ex.filter')}
              value={s.text}
              onChange={(e) => set({ text: e.currentTarget.value })}
              w={{ base: '100%', sm: 200 }}
            />
            <Stack gap={4} w={{ base: '100%', sm: 'auto' }}>
              <Text size="sm" fw={500} id="chart-type-label">
                {t('ex.chart')}
              </Text>
              {/* On a phone: the width of the form, smaller text, so that the five choices fit. */}
              <SegmentedControl
                aria-labelledby="chart-type-label"
                data={CHARTS.map((c) => ({ value: c, label: t(`ex.chart.${c}`) }))}
                value={s.chartType}
                onChange={(v) => set({ chartType: v as ChartType })}
                size={chartSwitchSize}
                fullWidth={chartSwitchSize === 'xs'}
              />
            </Stack>
          </Group>
        </Paper>

        {viewQ.isError && (
          <Alert color="yellow" data-testid="view-error">
            {errorText(t, viewQ.error)}
          </Alert>
        )}
        {data.isError && <Alert color="red">{errorText(t, data.error)}</Alert>}
        {mixedUnits && <Alert color="yellow">{t('ex.mixed_units')}</Alert>}

        {chart && (
          <Paper withBorder radius="md" p="md">
            <Suspense fallback={<Skeleton height={340} />}>
              <EChart option={chart} height={340} label={title} />
            </Suspense>
          </Paper>
        )}

        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Group gap="xs">
              <Text fw={700}>{title}</Text>
              {unit && <Badge variant="light">{t('ex.unit', { unit })}</Badge>}
              {table && (
                <Text size="sm" c="dimmed">
                  {t('ex.rows', { count: table.rows.length })}
                </Text>
              )}
              {data.isFetching && (
                <Text size="sm" c="dimmed">
                  {t('ex.loading')}
                </Text>
              )}
            </Group>
            <Group gap="xs">
              <Button
                variant="light"
                size="sm"
                leftSection={<IconDownload size={16} />}
                disabled={!table?.rows.length}
                onClick={() =>
                  void downloadXlsx(
                    {
                      title,
                      notes: [
                        `${formatPeriod(s.from, lang)} – ${formatPeriod(s.to, lang)}`,
                        ...(unit ? [t('ex.unit', { unit })] : []),
                      ],
                      header,
                      rows: exportRows(),
                    },
                    `${fileBase}.xlsx`,
                  ).catch((e) => notifyError(errorText(t, e)))
                }
              >
                {t('ex.export_xlsx')}
              </Button>
              <Button
                variant="light"
                size="sm"
                leftSection={<IconDownload size={16} />}
                disabled={!table?.rows.length}
                onClick={() => downloadCsv(header, exportRows(), `${fileBase}.csv`)}
              >
                {t('ex.export_csv')}
              </Button>
            </Group>
          </Group>
          {!table ? (
            <Skeleton height={200} />
          ) : table.rows.length === 0 ? (
            <Text c="dimmed">{t('ex.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table
                striped
                highlightOnHover
                withColumnBorders
                className="bt-pivot"
                aria-label={title}
                data-testid="pivot"
              >
                <Table.Thead>
                  <Table.Tr>
                    {s.dimensions.map((d, i) => (
                      <Table.Th key={d} aria-sort={i === 0 ? ariaSort('label') : undefined}>
                        {i === 0 ? (
                          <UnstyledButton
                            fw={700}
                            fz="sm"
                            onClick={() => toggleSort('label')}
                            aria-label={t('ex.sort', { col: t(`ex.dim.${d}`) })}
                          >
                            {t(`ex.dim.${d}`)} {sortIcon('label')}
                          </UnstyledButton>
                        ) : (
                          t(`ex.dim.${d}`)
                        )}
                      </Table.Th>
                    ))}
                    {withUnitCol && <Table.Th>{t('fig.quantity')}</Table.Th>}
                    {table.periods.map((p) => (
                      <Table.Th key={p} ta="right" aria-sort={ariaSort(p)}>
                        <UnstyledButton
                          fw={700}
                          fz="sm"
                          onClick={() => toggleSort(p)}
                          aria-label={t('ex.sort', { col: formatPeriod(p, lang) })}
                        >
                          {formatPeriod(p, lang)} {sortIcon(p)}
                        </UnstyledButton>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {table.rows.map((r) => (
                    <Table.Tr key={r.key}>
                      {r.codes.map((c, i) => (
                        <Table.Td key={String(i)}>{label(s.dimensions[i]!, c)}</Table.Td>
                      ))}
                      {withUnitCol && <Table.Td>{r.unit}</Table.Td>}
                      {table.periods.map((p) => {
                        const v = shown(r.values[p]);
                        return (
                          <Table.Td key={p} ta="right">
                            {v === null ? '–' : formatNumber(v, lang, digits)}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                  {total && (
                    <Table.Tr fw={700}>
                      <Table.Td colSpan={Math.max(1, s.dimensions.length) + (withUnitCol ? 1 : 0)}>
                        {t('ex.total')}
                      </Table.Td>
                      {table.periods.map((p) => (
                        <Table.Td key={p} ta="right">
                          {formatNumber(shown(total[p]) ?? 0, lang, digits)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
        {shareUrl && (
          <Paper withBorder radius="md" p="md">
            <Group gap="xs" align="flex-end">
              <TextInput
                label={t('ex.shared_link')}
                value={shareUrl}
                readOnly
                w={{ base: '100%', sm: 520 }}
              />
              <Button
                variant="default"
                leftSection={<IconShare size={16} />}
                onClick={() =>
                  void navigator.clipboard?.writeText(shareUrl).then(() => notifySuccess(t('ex.copied')))
                }
              >
                {t('ex.share')}
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
      <ManageViews
        opened={manageOpen}
        onClose={() => setManageOpen(false)}
        views={views.data ?? []}
        onRenamed={(v) => {
          if (opened?.id === v.id) setOpened({ ...opened, name: v.name });
        }}
        onDeleted={(v) => {
          // The view on screen was deleted: keep its state, forget the link.
          if (opened?.id === v.id) {
            setOpened(null);
            void navigate({ to: '/explorer', search: {}, replace: true });
          }
        }}
      />
      <Modal opened={saveOpen} onClose={() => setSaveOpen(false)} title={t('ex.save')}>
        <Stack>
          <TextInput
            label={t('ex.save_name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          <Checkbox
            label={t('ex.share')}
            checked={shared}
            onChange={(e) => setShared(e.currentTarget.checked)}
          />
          {save.isError && <Alert color="red">{errorText(t, save.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSaveOpen(false)}>
              {t('rep.cancel')}
            </Button>
            <Button disabled={!name.trim()} loading={save.isPending} onClick={() => save.mutate()}>
              {t('ex.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
