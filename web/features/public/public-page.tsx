import {
  Alert,
  Anchor,
  Box,
  Button,
  Container,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconDownload, IconLogin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPeriod } from '../../../contracts/format';
import type { FigureRef } from '../../../contracts/publishing';
import { useLang } from '../../app/i18n';
import { LanguageSwitch } from '../../app/layout';
import { errorText } from '../../lib/errors';
import { usePageTitle } from '../../ui/page';
import { useAreaOptions } from '../dashboard/areas';
import { DashboardView } from '../dashboard/dashboard-view';
import { FigureDetails, FigureDrawer, type OpenFigure } from '../dashboard/figure';
import { statsApi } from '../dashboard/stats-api';
import { DocumentView } from '../reports/document-view';
import '../dashboard/publishing.css';
import { useHomeArea, useHomePlace } from '../../lib/session';

const FORMATS = ['sdmx-csv', 'csv', 'json', 'xlsx'] as const;

/** The frame of public pages: no login, the brand, the language, a way in for staff. */
function PublicFrame(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const place = useHomePlace(useLang());
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Box component="header" className="bt-header" py="sm">
        <Container size={1280}>
          <Group justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/open" underline="never" c="white">
              <Group gap={10} wrap="nowrap">
                <span className="bt-brand-mark" aria-hidden>
                  BT
                </span>
                <Stack gap={0}>
                  <Text fw={700} fz={17} lh={1.2} c="white">
                    {t('app.name')}
                  </Text>
                  <Text fz={12} lh={1.2} c="rgba(255,255,255,0.75)" visibleFrom="xs">
                    {t('app.org', { place })}
                  </Text>
                </Stack>
              </Group>
            </Anchor>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch onDark />
              <Button
                component={Link}
                to="/login"
                size="xs"
                variant="white"
                leftSection={<IconLogin size={14} />}
              >
                <Text span size="xs" visibleFrom="xs">
                  {t('pub.sign_in')}
                </Text>
              </Button>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size={1280} py="lg" component="main" id="main">
        {props.children}
      </Container>
    </Box>
  );
}

const route = getRouteApi('/open');

/** Open data: the dashboard on published months, downloads of a published period, issued reports. */
export function PublicPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const place = useHomePlace(lang);
  usePageTitle(t('pub.title', { place }));
  const search = route.useSearch();
  const navigate = useNavigate();
  const { options } = useAreaOptions();
  const periods = useQuery({ queryKey: ['public-periods'], queryFn: statsApi.public.periods });
  const reports = useQuery({ queryKey: ['public-reports'], queryFn: statsApi.public.reports });
  const choices = useMemo(() => {
    const list = [...(periods.data ?? [])];
    // Years first, then quarters, then months; newest first within each.
    const rank = (p: string) => (p.length === 4 ? 0 : p.includes('Q') ? 1 : 2);
    list.sort((a, b) => rank(a.period) - rank(b.period) || b.period.localeCompare(a.period));
    return list;
  }, [periods.data]);
  const [dl, setDl] = useState<string | null>(null);
  const period = dl ?? choices[0]?.period ?? null;
  const home = useHomeArea();
  const area = search.area ?? home;

  return (
    <PublicFrame>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 22, sm: 26 }}>
            {t('pub.title', { place })}
          </Title>
          <Text c="dimmed" size="sm">
            {t('pub.subtitle', { place })}
          </Text>
        </Stack>

        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="md" mb="sm">
            {period ? t('pub.downloads', { period: formatPeriod(period, lang) }) : t('pub.period')}
          </Title>
          {periods.isError && <Alert color="red">{errorText(t, periods.error)}</Alert>}
          <Group align="flex-end" gap="sm">
            <Select
              label={t('pub.period')}
              data={choices.map((p) => ({ value: p.period, label: formatPeriod(p.period, lang) }))}
              value={period}
              onChange={setDl}
              searchable
              allowDeselect={false}
              w={{ base: '100%', xs: 220 }}
            />
            {period &&
              FORMATS.map((f) => (
                <Button
                  key={f}
                  component="a"
                  href={`/api/public/data/${period}/${f}?area=${encodeURIComponent(area)}`}
                  download
                  variant="light"
                  leftSection={<IconDownload size={16} />}
                >
                  {t(`pub.format.${f}`)}
                </Button>
              ))}
          </Group>
          {period && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('pub.published_at', {
                time: formatDateTime(choices.find((c) => c.period === period)?.publishedAt ?? null, lang),
              })}{' '}
              · {t('pub.licence', { place })}
            </Text>
          )}
        </Paper>

        <Title order={2} fz="lg">
          {t('pub.indicators')}
        </Title>
        {periods.data?.length === 0 ? (
          <Text c="dimmed">{t('pub.nothing_published')}</Text>
        ) : (
          <DashboardView
            area={area}
            period={search.period}
            areaOptions={options}
            onChange={(next) =>
              void navigate({
                to: '/open',
                search: (s: Record<string, unknown>) => ({ ...s, ...next }),
                replace: true,
              })
            }
          />
        )}

        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="md" mb="sm">
            {t('pub.reports')}
          </Title>
          {reports.data?.length === 0 && <Text c="dimmed">{t('pub.no_reports')}</Text>}
          <Stack gap="xs">
            {(reports.data ?? []).map((r) => (
              <Group key={r.id} justify="space-between" wrap="wrap">
                <Link to="/open/reports/$id" params={{ id: r.id }} className="bt-link">
                  {r.number ? `${r.number} — ` : ''}
                  {r.title}
                </Link>
                <Group gap="xs">
                  {(['pdf', 'docx'] as const).map((f) => (
                    <Button
                      key={f}
                      size="compact-sm"
                      variant="subtle"
                      component="a"
                      href={`/api/public/reports/${r.id}/download?format=${f}`}
                      download
                      leftSection={<IconDownload size={14} />}
                    >
                      {f.toUpperCase()}
                    </Button>
                  ))}
                </Group>
              </Group>
            ))}
          </Stack>
        </Paper>
      </Stack>
    </PublicFrame>
  );
}

const reportRoute = getRouteApi('/open/reports/$id');

export function PublicReportPage() {
  const { t } = useTranslation();
  const { id } = reportRoute.useParams();
  const q = useQuery({ queryKey: ['public-report', id], queryFn: () => statsApi.public.report(id) });
  usePageTitle(q.data?.title ?? t('pub.reports'));
  const [figure, setFigure] = useState<OpenFigure | null>(null);
  return (
    <PublicFrame>
      <Stack gap="md">
        <Anchor component={Link} to="/open" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('pub.back')}
          </Group>
        </Anchor>
        {q.isError && <Alert color="red">{errorText(t, q.error)}</Alert>}
        {!q.data ? <Skeleton height={600} /> : <DocumentView doc={q.data.document} onFigure={setFigure} />}
      </Stack>
      <FigureDrawer open={figure} onClose={() => setFigure(null)} />
    </PublicFrame>
  );
}

const figureRoute = getRouteApi('/figure');

/** The page behind a number's link in a downloaded report: definition and filter; rows for staff. */
export function FigurePage() {
  const { t } = useTranslation();
  usePageTitle(t('fig.title'));
  const s = figureRoute.useSearch() as Partial<Record<string, string>>;
  const ref: FigureRef | null =
    s.indicator && s.period && s.area
      ? {
          indicator: s.indicator,
          period: s.period,
          area: s.area,
          ...(s.activity ? { activity: s.activity } : {}),
          ...(s.product ? { product: s.product } : {}),
        }
      : null;
  return (
    <PublicFrame>
      <Stack gap="md" maw={960}>
        <Title order={1} fz={24}>
          {t('fig.title')}
        </Title>
        {ref ? <FigureDetails figRef={ref} /> : <Alert color="red">{t('ex.empty')}</Alert>}
      </Stack>
    </PublicFrame>
  );
}
