import {
  Alert,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  formatNumber,
  formatPercent,
  formatPeriod,
  formatQuantity,
  formatVnd,
} from '../../../contracts/format';
import type { Lang } from '../../../contracts/messages';
import type { Freq, Indicator, Observation } from '../../../contracts/statistics';
import { VSIC_SECTIONS } from '../../../contracts/vsic-data';
import { useLang } from '../../app/i18n';
import { errorText } from '../../lib/errors';
import { PageHeader, usePageTitle } from '../../ui/page';
import { useAreaOptions } from '../dashboard/areas';
import { statisticsApi } from './api';
import { lastMonth } from './months';
import './statistics.css';
import { useHomeArea } from '../../lib/session';

export interface IndicatorSearch {
  freq?: Freq;
  period?: string;
  area?: string;
  imputation?: 'false';
}

const INDICATORS: Indicator[] = [
  'GO_CONST',
  'GO_CONST_YOY',
  'GO_CUR',
  'GO_CUR_YOY',
  'IIP',
  'REPORTING_RATE',
  'OUTPUT_QTY',
  'OUTPUT_QTY_YOY',
];

/** The period a search names, with the month range the API is asked for and the TIME_PERIOD to pick. */
export function periodOf(freq: Freq, period: string | undefined) {
  const fallback = lastMonth();
  const year = Number((period ?? fallback).slice(0, 4));
  const mm = /^\d{4}-(\d{2})$/.exec(period ?? '')?.[1] ?? fallback.slice(5, 7);
  const q = Number(/^\d{4}-Q([1-4])$/.exec(period ?? '')?.[1] ?? Math.ceil(Number(mm) / 3));
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (freq) {
    case 'M':
      return { from: `${year}-${mm}`, to: `${year}-${mm}`, label: `${year}-${mm}`, value: `${year}-${mm}` };
    case 'YTD':
      return { from: `${year}-01`, to: `${year}-${mm}`, label: `${year}-${mm}`, value: `${year}-${mm}` };
    case 'Q':
      return {
        from: `${year}-${pad(3 * q - 2)}`,
        to: `${year}-${pad(3 * q)}`,
        label: `${year}-Q${q}`,
        value: `${year}-Q${q}`,
      };
    case 'A':
      return { from: `${year}-01`, to: `${year}-12`, label: String(year), value: String(year) };
  }
}

export function periodText(freq: Freq, label: string, lang: Lang, t: TFunction) {
  if (freq === 'YTD')
    return t('st.ind.ytd_label', { month: Number(label.slice(5, 7)), year: label.slice(0, 4) });
  return formatPeriod(label, lang);
}

const sentence = (s: string) => {
  const lower = s.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
};

/** One observation as a reader sees it: value in the display format, then its OBS_STATUS mark. */
function Obs({
  o,
  kind,
  unit,
}: {
  o: Observation | undefined;
  kind: 'vnd' | 'pct' | 'growth' | 'index' | 'qty';
  unit?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!o || o.OBS_STATUS === 'M' || o.OBS_VALUE === '')
    return (
      <span className="st-obs" title={t('st.ind.status.M')}>
        –<span className="sr-only"> {t('st.ind.status.M')}</span>
      </span>
    );
  const n = Number(o.OBS_VALUE);
  const text =
    kind === 'vnd'
      ? formatVnd(n, lang, Math.abs(n) >= 1e11 ? 0 : 1)
      : kind === 'pct'
        ? formatPercent(n, lang)
        : kind === 'growth'
          ? `${n > 0 ? '+' : ''}${formatPercent(n, lang)}`
          : kind === 'index'
            ? formatNumber(n, lang, 2)
            : formatQuantity(n, unit ?? '', lang);
  return (
    <span className="st-obs">
      {text}
      {(o.OBS_STATUS === 'E' || o.OBS_STATUS === 'P') && (
        <abbr className="st-mark" title={t(`st.ind.status.${o.OBS_STATUS}`)}>
          ({o.OBS_STATUS})<span className="sr-only"> {t(`st.ind.status.${o.OBS_STATUS}`)}</span>
        </abbr>
      )}
    </span>
  );
}

export function IndicatorsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('st.ind.title'));
  const search = useSearch({ from: '/_app/statistics/indicators' });
  const navigate = useNavigate({ from: '/statistics/indicators' });
  const freq: Freq = search.freq ?? 'M';
  const home = useHomeArea();
  const area = search.area ?? home;
  const imputation = search.imputation !== 'false';
  const p = periodOf(freq, search.period);
  const set = (patch: Partial<IndicatorSearch>) =>
    navigate({ search: (s: IndicatorSearch) => ({ ...s, ...patch }), replace: true });
  const { options: areaOptions } = useAreaOptions();
  const products = useQuery({
    queryKey: ['stats', 'products'],
    queryFn: statisticsApi.products,
    staleTime: 600_000,
  });
  const q = useQuery({
    queryKey: ['stats', 'indicators', area, freq, p.from, p.to, imputation],
    queryFn: () =>
      statisticsApi.indicators({
        area,
        from: p.from,
        to: p.to,
        freq,
        imputation: String(imputation),
        indicator: INDICATORS.join(','),
        subAreas: 'false',
      }),
  });
  const reportMonth = p.to;
  const reporting = useQuery({
    queryKey: ['stats', 'reporting', area, reportMonth],
    queryFn: () => statisticsApi.reporting(reportMonth, area),
  });

  const obs = (q.data?.observations ?? []).filter((o) => o.TIME_PERIOD === p.label && o.REF_AREA === area);
  const find = (ind: Indicator, activity: string, product = '_T') =>
    obs.find((o) => o.INDICATOR === ind && o.ACTIVITY === activity && o.PRODUCT === product);
  const sections = VSIC_SECTIONS.filter((s) => find('GO_CONST', s.code) || find('GO_CUR', s.code));
  const productCodes = [...new Set(obs.filter((o) => o.PRODUCT !== '_T').map((o) => o.PRODUCT))];
  const product = (code: string) => products.data?.find((x) => x.code === code);
  const label = periodText(freq, p.label, lang, t);
  const rate = find('REPORTING_RATE', '_T');
  const baseYear = q.data?.baseYear ?? 2010;

  const activityRow = (code: string, name: string, strong = false) => (
    <Table.Tr key={code} data-activity={code}>
      <Table.Th scope="row" fw={strong ? 700 : 500}>
        {name}
      </Table.Th>
      <Table.Td ta="right">
        <Obs o={find('GO_CONST', code)} kind="vnd" />
      </Table.Td>
      <Table.Td ta="right">
        <Obs o={find('GO_CONST_YOY', code)} kind="growth" />
      </Table.Td>
      <Table.Td ta="right">
        <Obs o={find('GO_CUR', code)} kind="vnd" />
      </Table.Td>
      <Table.Td ta="right">
        <Obs o={find('GO_CUR_YOY', code)} kind="growth" />
      </Table.Td>
      <Table.Td ta="right">
        <Obs o={find('IIP', code)} kind="index" />
      </Table.Td>
    </Table.Tr>
  );

  return (
    <>
      <PageHeader
        title={t('st.ind.title')}
        subtitle={`${areaOptions.find((a) => a.value === area)?.label ?? area} · ${label}`}
      />
      <Stack gap="md">
        <Paper p={{ base: 'sm', sm: 'md' }}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('st.ind.freq')}
              data={(['M', 'Q', 'A', 'YTD'] as const).map((f) => ({
                value: f,
                label: t(`st.ind.freq.${f}`),
              }))}
              value={freq}
              onChange={(v) =>
                v && set({ freq: v as Freq, period: periodOf(v as Freq, search.period ?? p.value).value })
              }
              allowDeselect={false}
              w={{ base: '100%', xs: 180 }}
            />
            {(freq === 'M' || freq === 'YTD') && (
              <TextInput
                type="month"
                label={t('st.ind.month')}
                value={p.value}
                onChange={(e) =>
                  /^\d{4}-\d{2}$/.test(e.currentTarget.value) && set({ period: e.currentTarget.value })
                }
                w={{ base: '100%', xs: 180 }}
              />
            )}
            {(freq === 'Q' || freq === 'A') && (
              <NumberInput
                label={t('st.ind.year')}
                value={Number(p.value.slice(0, 4))}
                onChange={(v) =>
                  typeof v === 'number' &&
                  v >= 1990 &&
                  v <= 2100 &&
                  set({ period: freq === 'Q' ? `${v}-${p.value.slice(5)}` : String(v) })
                }
                allowDecimal={false}
                thousandSeparator={false}
                w={{ base: '100%', xs: 110 }}
              />
            )}
            {freq === 'Q' && (
              <Select
                label={t('st.ind.quarter')}
                data={['1', '2', '3', '4'].map((n) => ({
                  value: n,
                  label: ['I', 'II', 'III', 'IV'][Number(n) - 1]!,
                }))}
                value={p.value.slice(6)}
                onChange={(v) => v && set({ period: `${p.value.slice(0, 4)}-Q${v}` })}
                allowDeselect={false}
                w={{ base: '100%', xs: 100 }}
              />
            )}
            <Select
              label={t('st.ind.area')}
              data={areaOptions}
              value={area}
              onChange={(v) => v && set({ area: v })}
              searchable
              allowDeselect={false}
              w={{ base: '100%', xs: 260 }}
            />
            <Switch
              label={t('st.ind.imputation')}
              checked={imputation}
              onChange={(e) => set({ imputation: e.currentTarget.checked ? undefined : 'false' })}
              mb={8}
            />
          </Group>
        </Paper>

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Paper p="md">
            <Text size="sm" c="dimmed">
              {t('st.ind.go_const', { year: baseYear })} · {label}
            </Text>
            <Text fz={26} fw={700} data-testid="go-const-total">
              <Obs o={find('GO_CONST', '_T')} kind="vnd" />
            </Text>
            <Text size="sm">
              {t('st.ind.yoy')}: <Obs o={find('GO_CONST_YOY', '_T')} kind="growth" />
            </Text>
          </Paper>
          <Paper p="md">
            <Text size="sm" c="dimmed">
              {t('st.ind.reporting')}
            </Text>
            <Text fz={26} fw={700} data-testid="reporting-rate">
              <Obs o={rate} kind="pct" />
            </Text>
            {reporting.data && (
              <Text size="sm">
                {t('st.ind.reporting_value', {
                  rate: formatPercent(
                    reporting.data.rate === null ? null : Number(reporting.data.rate),
                    lang,
                  ),
                  received: reporting.data.received,
                  expected: reporting.data.expected,
                  period: formatPeriod(reporting.data.period, lang),
                })}
              </Text>
            )}
          </Paper>
        </SimpleGrid>

        {q.isPending ? (
          <Loader aria-label={t('app.loading')} />
        ) : q.isError ? (
          <Alert color="red" role="alert">
            {errorText(t, q.error)}
          </Alert>
        ) : (
          <>
            <Paper p={{ base: 'xs', sm: 'md' }}>
              <Title order={2} fz="lg" mb="sm" id="st-by-section">
                {t('st.ind.by_section')}
              </Title>
              <Table.ScrollContainer minWidth={720} type="native">
                <Table striped aria-labelledby="st-by-section" data-testid="by-section">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('st.ind.activity')}</Table.Th>
                      <Table.Th ta="right">{t('st.ind.go_const', { year: baseYear })}</Table.Th>
                      <Table.Th ta="right">{t('st.ind.yoy')}</Table.Th>
                      <Table.Th ta="right">{t('st.ind.go_cur')}</Table.Th>
                      <Table.Th ta="right">{t('st.ind.yoy')}</Table.Th>
                      <Table.Th ta="right">{t('st.ind.iip')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {activityRow('_T', t('st.ind.total'), true)}
                    {sections.map((s) =>
                      activityRow(s.code, `${s.code} · ${lang === 'en' ? s.nameEn : sentence(s.nameVi)}`),
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>

            <Paper p={{ base: 'xs', sm: 'md' }}>
              <Title order={2} fz="lg" mb="sm" id="st-by-product">
                {t('st.ind.by_product')}
              </Title>
              {productCodes.length === 0 ? (
                <Text c="dimmed">{t('st.ind.empty')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={640} type="native">
                  <Table striped aria-labelledby="st-by-product" data-testid="by-product">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('st.entry.product')}</Table.Th>
                        <Table.Th ta="right">{t('st.ind.qty')}</Table.Th>
                        <Table.Th ta="right">{t('st.ind.yoy')}</Table.Th>
                        <Table.Th ta="right">{t('st.ind.go_const', { year: baseYear })}</Table.Th>
                        <Table.Th ta="right">{t('st.ind.yoy')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {productCodes.map((code) => {
                        const pr = product(code);
                        return (
                          <Table.Tr key={code} data-product={code}>
                            <Table.Th scope="row" fw={500}>
                              {pr ? (lang === 'en' && pr.nameEn ? pr.nameEn : pr.nameVi) : code}
                            </Table.Th>
                            <Table.Td ta="right">
                              <Obs o={find('OUTPUT_QTY', '_T', code)} kind="qty" unit={pr?.unit} />
                            </Table.Td>
                            <Table.Td ta="right">
                              <Obs o={find('OUTPUT_QTY_YOY', '_T', code)} kind="growth" />
                            </Table.Td>
                            <Table.Td ta="right">
                              <Obs o={find('GO_CONST', '_T', code)} kind="vnd" />
                            </Table.Td>
                            <Table.Td ta="right">
                              <Obs o={find('GO_CONST_YOY', '_T', code)} kind="growth" />
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              <Text size="xs" c="dimmed" mt="sm">
                {t('st.ind.legend')}
              </Text>
            </Paper>
          </>
        )}

        <Paper p={{ base: 'xs', sm: 'md' }}>
          <Title order={2} fz="lg" mb="sm" id="st-late">
            {t('st.ind.late', {
              period: formatPeriod(reportMonth, lang),
              count: reporting.data?.late.length ?? 0,
            })}
          </Title>
          {reporting.isError ? (
            <Text c="red">{errorText(t, reporting.error)}</Text>
          ) : !reporting.data ? (
            <Loader size="sm" aria-label={t('app.loading')} />
          ) : reporting.data.late.length === 0 ? (
            <Text c="dimmed">{t('st.ind.late_none')}</Text>
          ) : (
            <Table striped aria-labelledby="st-late" className="st-cards">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={140}>{t('st.ind.tax_code')}</Table.Th>
                  <Table.Th>{t('st.entry.enterprise')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reporting.data.late.map((l) => (
                  <Table.Tr key={l.enterpriseId}>
                    <Table.Td style={{ fontFamily: 'monospace' }}>{l.taxCode}</Table.Td>
                    <Table.Td>{l.name}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
    </>
  );
}
