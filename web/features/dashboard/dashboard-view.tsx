import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertTriangle, IconClockHour4 } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, startTransition, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupedBarOption, growthBarOption, trendLineOption } from '../../../contracts/charts';
import type { DashboardDto, DashboardProduct } from '../../../contracts/dashboard';
import { formatDateTime, formatNumber, formatPeriod } from '../../../contracts/format';
import type { Figure } from '../../../contracts/publishing';
import { useLang } from '../../app/i18n';
import { errorText } from '../../lib/errors';
import { FigureDrawer, figureText, type OpenFigure, StatusBadges } from './figure';
import { keyProducts } from './key-products';
import { statsApi } from './stats-api';
import './publishing.css';

const EChart = lazy(() => import('./echart'));

export function ChartBox(props: { title: string; children: ReactNode; height?: number }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="md" mb="xs">
        {props.title}
      </Title>
      <Suspense fallback={<Skeleton height={props.height ?? 280} />}>{props.children}</Suspense>
    </Paper>
  );
}

const bn = (v: number | null) => (v === null ? null : Math.round(v / 1e8) / 10);

function HeadlineCard(props: {
  label: string;
  main: Figure;
  sub?: Figure;
  subText?: string;
  note?: string;
  onOpen: (f: Figure, label: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const value = figureText(props.main.ref.indicator, props.main.value, lang);
  const growth = props.sub ? Number(props.sub.value) : null;
  return (
    <Paper withBorder radius="md" p={0} className="bt-figure-card">
      <UnstyledButton
        onClick={() => props.onOpen(props.main, props.label)}
        aria-label={t('dash.open_figure', { name: `${props.label}: ${value}` })}
        p="md"
        w="100%"
        h="100%"
        data-figure={props.main.ref.indicator}
      >
        <Stack gap={4}>
          <Text size="sm" c="dimmed" lh={1.3} mih={36}>
            {props.label}
          </Text>
          <Text fz={26} fw={700} lh={1.1} data-testid="headline-value">
            {value}
          </Text>
          {props.sub && (
            <Text
              size="sm"
              fw={600}
              c={growth === null || props.sub.value === null ? 'dimmed' : growth >= 0 ? 'teal.8' : 'red.8'}
            >
              {props.subText ??
                t('dash.yoy', { value: figureText(props.sub.ref.indicator, props.sub.value, lang) })}
            </Text>
          )}
          {props.note && (
            <Text size="xs" c="dimmed">
              {props.note}
            </Text>
          )}
          <Group gap={4} mih={18}>
            <StatusBadges status={props.main.status} />
          </Group>
        </Stack>
      </UnstyledButton>
    </Paper>
  );
}

function productName(p: DashboardProduct, lang: 'vi' | 'en') {
  return lang === 'en' ? (p.name.en ?? p.name.vi) : p.name.vi;
}

/**
 * The dashboard body, shared by staff (/dashboard) and the public page (/open): staff clicking a figure see
 * its rows; the public see its definition and filter (FigureDetails decides by the session).
 */
export function DashboardView(props: {
  area: string;
  period?: string | undefined;
  onChange: (next: { area?: string; period?: string }) => void;
  areaOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState<OpenFigure | null>(null);
  const [allProducts, setAllProducts] = useState(false);
  const q = useQuery({
    queryKey: ['dashboard', props.area, props.period ?? null],
    queryFn: () => statsApi.dashboard({ area: props.area, period: props.period }),
    placeholderData: keepPreviousData,
  });
  const d = q.data;
  // Below the headline (charts, key products, history) renders in a transition once the figures are on
  // screen: they show first, and the page keeps answering while React renders the rest in small slices.
  const [below, setBelow] = useState(false);
  useEffect(() => {
    if (d && !below) startTransition(() => setBelow(true));
  }, [d, below]);
  const history = useQuery({
    queryKey: ['dashboard-history', props.area, d?.period ?? null],
    queryFn: () => statsApi.history({ area: props.area, period: d!.period }),
    enabled: !!d && below,
    placeholderData: keepPreviousData,
  });
  const areaName = d ? (lang === 'en' ? (d.area.nameEn ?? d.area.name) : d.area.name) : '';
  const openFig = (f: Figure, label: string) =>
    setOpen({ ref: f.ref, label, value: figureText(f.ref.indicator, f.value, lang), areaName });

  const charts = useMemo(() => (d && below ? buildCharts(d, lang, t) : null), [d, below, lang, t]);
  const historyCharts = useMemo(() => {
    const h = history.data;
    if (!h || !d) return null;
    const month = Number(d.period.slice(5, 7));
    const name = (n: { vi: string; en: string | null }) => (lang === 'en' ? (n.en ?? n.vi) : n.vi);
    const sections = groupedBarOption(
      {
        kind: 'sections',
        title: '',
        categories: h.sections.map((s) => {
          const n = name(s.name);
          return n.charAt(0).toUpperCase() + n.slice(1);
        }),
        series: h.years.map((y, i) => ({ name: y, data: h.sections.map((s) => bn(s.values[i] ?? null)) })),
        unit: t('dash.bn'),
      },
      lang,
      { showTitle: false },
    );
    const areaLabel = (a: (typeof h.areas)[number]) => {
      const n = name(a.name).replace(/^(Huyện|Thành phố|Thị xã) /, '');
      return a.validTo && a.validTo < '2099' && Number(a.validTo.slice(0, 4)) < Number(h.years.at(-1) ?? 0)
        ? t('dash.area_ended', { name: n, date: a.validTo })
        : n;
    };
    const areas = groupedBarOption(
      {
        kind: 'sections',
        title: '',
        categories: h.areas.map(areaLabel),
        series: h.years.map((y, i) => ({ name: y, data: h.areas.map((a) => bn(a.values[i] ?? null)) })),
        unit: t('dash.bn'),
      },
      lang,
      { showTitle: false },
    );
    // Earlier years lighter, the latest strong: the shared builder colours two; spread a ramp over more.
    const ramp = ['#c9d8ec', '#9bb7d9', '#5f8fc4', '#1f5fa8'];
    for (const o of [sections, areas]) {
      const series = o.series as { itemStyle?: { color?: string } }[];
      series.forEach((s, i) => {
        s.itemStyle = { color: ramp[Math.max(0, ramp.length - series.length + i)] ?? '#1f5fa8' };
      });
      (o.xAxis as { axisLabel: Record<string, unknown> }).axisLabel = {
        interval: 0,
        rotate: 30,
        fontSize: 11,
      };
    }
    return { sections, areas, month };
  }, [history.data, d, lang, t]);

  if (q.isError)
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />}>
        {errorText(t, q.error)}
      </Alert>
    );

  const h = d?.headline;
  const year = d ? Number(d.period.slice(0, 4)) : 0;
  return (
    <Stack gap="lg">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('dash.area')}
          data={props.areaOptions}
          value={props.area}
          onChange={(v) => v && props.onChange({ area: v })}
          allowDeselect={false}
          searchable
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label={t('dash.period')}
          data={(d?.months ?? []).map((m) => ({
            value: m.period,
            label: `${formatPeriod(m.period, lang)} · ${t(`period.status.${m.status}`)}`,
          }))}
          value={d?.period ?? props.period ?? null}
          onChange={(v) => v && props.onChange({ period: v })}
          allowDeselect={false}
          w={{ base: '100%', xs: 260 }}
        />
        {d && (
          <Stack gap={4} pb={4}>
            <Group gap={6}>
              <IconClockHour4 size={16} aria-hidden />
              <Text size="sm" data-testid="data-as-of">
                {t('dash.as_of', { time: formatDateTime(d.dataAsOf, lang) })}
              </Text>
            </Group>
            <Group gap={6}>
              <Badge color={d.provisional ? 'gray' : 'teal'} variant="light">
                {d.provisional ? t('dash.provisional') : t('dash.final')}
              </Badge>
              {d.imputed && (
                <Badge color="ochre" variant="light">
                  {t('dash.imputed')}
                </Badge>
              )}
            </Group>
          </Stack>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" aria-busy={!d} data-testid="headline">
        {!h || !d
          ? Array.from({ length: 6 }, (_, i) => <Skeleton key={String(i)} height={150} radius="md" />)
          : [
              <HeadlineCard
                key="m"
                label={`${t('dash.go_month', { year: d.baseYear })} — ${formatPeriod(d.period, lang)}`}
                main={h.goMonth}
                sub={h.goMonthYoy}
                onOpen={openFig}
              />,
              <HeadlineCard
                key="ytd"
                label={t('dash.go_ytd', { year: d.baseYear })}
                main={h.goYtd}
                sub={h.goYtdYoy}
                onOpen={openFig}
              />,
              <HeadlineCard
                key="iipm"
                label={t('dash.iip_month')}
                main={h.iipMonthYoy}
                note={t('dash.iip_note')}
                onOpen={openFig}
              />,
              <HeadlineCard
                key="iipy"
                label={t('dash.iip_ytd')}
                main={h.iipYtdYoy}
                note={t('dash.iip_note')}
                onOpen={openFig}
              />,
              <HeadlineCard
                key="plan"
                label={t('dash.plan')}
                main={h.goYtdPlan}
                note={t('dash.plan_note', { year })}
                onOpen={openFig}
              />,
              <HeadlineCard
                key="rr"
                label={t('dash.reporting')}
                main={h.reportingRate}
                note={t('dash.reporting_note')}
                onOpen={openFig}
              />,
            ]}
      </SimpleGrid>

      {below && d && charts && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <ChartBox title={t('dash.trend', { year: d.trend.year, last: d.trend.year - 1 })}>
            <EChart
              option={charts.trend}
              label={t('dash.trend', { year: d.trend.year, last: d.trend.year - 1 })}
            />
          </ChartBox>
          <ChartBox title={t('dash.movers')}>
            <EChart
              option={charts.movers}
              label={t('dash.movers')}
              height={Math.max(200, charts.moverCount * 30 + 40)}
            />
          </ChartBox>
        </SimpleGrid>
      )}

      {below && d && (
        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="md" mb="xs">
            {t('dash.products')}
          </Title>
          <Table.ScrollContainer minWidth={520}>
            <Table striped highlightOnHover aria-label={t('dash.products')} data-testid="products">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dash.product')}</Table.Th>
                  <Table.Th ta="right">{t('dash.output')}</Table.Th>
                  <Table.Th ta="right">{t('dash.growth')}</Table.Th>
                  <Table.Th ta="right">{t('dash.plan_pct')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(allProducts ? d.products : keyProducts(d)).map((p) => {
                  const name = productName(p, lang);
                  return (
                    <Table.Tr key={p.code}>
                      <Table.Td>
                        <UnstyledButton
                          className="bt-link"
                          onClick={() =>
                            setOpen({
                              ref: p.quantity.ref,
                              label: name,
                              value: figureText('OUTPUT_QTY', p.quantity.value, lang, p.unit),
                              areaName,
                            })
                          }
                        >
                          {name}
                        </UnstyledButton>{' '}
                        <StatusBadges status={p.quantity.status} />
                      </Table.Td>
                      <Table.Td ta="right">
                        {figureText('OUTPUT_QTY', p.quantity.value, lang, p.unit)}
                      </Table.Td>
                      <Table.Td ta="right" c={Number(p.yoy.value) < 0 ? 'red.8' : undefined}>
                        {figureText('OUTPUT_QTY_YOY', p.yoy.value, lang)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {p.plan ? figureText('OUTPUT_QTY_PLAN', p.plan.value, lang) : '–'}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {keyProducts(d).length < d.products.length && (
            <Button
              variant="subtle"
              size="compact-sm"
              mt="xs"
              onClick={() => setAllProducts((v) => !v)}
              data-testid="products-toggle"
            >
              {allProducts ? t('dash.products_key') : t('dash.products_all', { count: d.products.length })}
            </Button>
          )}
        </Paper>
      )}

      {below && d && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <ChartBox title={t('dash.by_section', { month: Number(d.period.slice(5, 7)) })} height={300}>
            {historyCharts ? (
              <EChart
                option={historyCharts.sections}
                height={300}
                label={t('dash.by_section', { month: historyCharts.month })}
              />
            ) : (
              <Skeleton height={300} />
            )}
          </ChartBox>
          <ChartBox title={t('dash.by_area', { month: Number(d.period.slice(5, 7)) })} height={300}>
            {historyCharts ? (
              <EChart
                option={historyCharts.areas}
                height={300}
                label={t('dash.by_area', { month: historyCharts.month })}
              />
            ) : (
              <Skeleton height={300} />
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {t('dash.reorg')}
            </Text>
          </ChartBox>
        </SimpleGrid>
      )}
      <FigureDrawer open={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

function buildCharts(
  d: DashboardDto,
  lang: 'vi' | 'en',
  t: (k: string, o?: Record<string, unknown>) => string,
) {
  const months = Array.from({ length: 12 }, (_, i) => (lang === 'vi' ? `T${i + 1}` : `M${i + 1}`));
  const trend = trendLineOption(
    {
      kind: 'sections',
      title: '',
      categories: months,
      series: [
        { name: String(d.trend.year - 1), data: d.trend.lastYear.map(bn) },
        { name: String(d.trend.year), data: d.trend.thisYear.map(bn) },
      ],
      unit: t('dash.bn'),
    },
    lang,
    { showTitle: false },
  );
  (trend as { color: string[] }).color = ['#9bb7d9', '#1f5fa8'];
  const movers = [...d.movers.up, ...d.movers.down];
  const name = (p: DashboardProduct) => (lang === 'en' ? (p.name.en ?? p.name.vi) : p.name.vi);
  const moversOption = growthBarOption(
    {
      kind: 'products-growth',
      title: '',
      categories: movers.map(name),
      series: [
        { name: t('dash.growth'), data: movers.map((p) => Math.round(Number(p.yoy.value) * 10) / 10) },
      ],
      unit: '%',
    },
    lang,
    { showTitle: false },
  );
  return { trend, movers: moversOption, moverCount: movers.length, formatNumber };
}
