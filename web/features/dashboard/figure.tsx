import { Alert, Badge, Drawer, Group, Loader, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatQuantity,
  formatVnd,
} from '../../../contracts/format';
import type { Lang } from '../../../contracts/messages';
import type { Figure, FigureRef } from '../../../contracts/publishing';
import { isStaff } from '../../../contracts/roles';
import { useLang } from '../../app/i18n';
import { errorText } from '../../lib/errors';
import { meQuery } from '../../lib/session';
import { statsApi } from './stats-api';

/** Display of one figure by its indicator (statistics.md §7): money scaled, growth signed, IIP as an index. */
export function figureText(
  indicator: string,
  value: string | number | null | undefined,
  lang: Lang,
  unit = '',
): string {
  if (value === null || value === undefined || value === '') return '–';
  const n = Number(value);
  if (
    indicator.startsWith('GO_') &&
    !indicator.includes('_YOY') &&
    !indicator.includes('_PLAN') &&
    !indicator.includes('_MOM')
  )
    return formatVnd(n, lang);
  if (indicator === 'IIP' || indicator === 'IIP_YOY') return formatNumber(n, lang, 2);
  if (indicator.endsWith('_YOY') || indicator.endsWith('_MOM'))
    return `${n > 0 ? '+' : ''}${formatPercent(n, lang)}`;
  if (indicator.endsWith('_PLAN') || indicator === 'REPORTING_RATE') return formatPercent(n, lang);
  if (indicator === 'OUTPUT_QTY') return formatQuantity(n, unit, lang);
  return formatNumber(n, lang, 2);
}

/** `2014-YTD-10` (a trace label) → `tháng 1–10/2014`; others as contracts/format.ts writes them. */
export function periodText(p: string, lang: Lang): string {
  const ytd = /^(\d{4})-YTD-(\d{2})$/.exec(p);
  if (ytd) {
    const m = Number(ytd[2]);
    if (m === 12) return formatPeriod(ytd[1]!, lang);
    return lang === 'vi' ? `tháng 1–${m}/${ytd[1]}` : `January–${String(m).padStart(2, '0')}/${ytd[1]}`;
  }
  return formatPeriod(p, lang);
}

export function StatusBadges({ status }: { status?: Figure['status'] | undefined }) {
  const { t } = useTranslation();
  if (status === 'E')
    return (
      <Badge size="xs" color="ochre" variant="light">
        {t('dash.imputed_short')}
      </Badge>
    );
  if (status === 'P')
    return (
      <Badge size="xs" color="gray" variant="light">
        {t('dash.provisional_short')}
      </Badge>
    );
  return null;
}

/** What makes a figure: its definition and filter for everyone; for staff, the rows, revisions, imputations. */
export function FigureDetails({
  figRef,
  value,
  areaName,
}: {
  figRef: FigureRef;
  value?: string;
  areaName?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useQuery(meQuery);
  const staff = !!me.data && isStaff(me.data.user.role);
  const trace = useQuery({
    queryKey: ['trace', figRef],
    queryFn: () => statsApi.trace(figRef),
    enabled: staff,
    staleTime: 60_000,
  });
  const defKey = `def.${figRef.indicator}`;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={3} fz="md">
          {t('fig.definition')}
        </Title>
        <Text size="sm">{t(defKey, { defaultValue: figRef.indicator })}</Text>
      </Stack>
      <Table withTableBorder variant="vertical" layout="fixed" fz="sm">
        <Table.Tbody>
          {value !== undefined && (
            <Table.Tr>
              <Table.Th w="35%">{t('fig.value')}</Table.Th>
              <Table.Td fw={700}>{value}</Table.Td>
            </Table.Tr>
          )}
          <Table.Tr>
            <Table.Th w="35%">{t('fig.indicator')}</Table.Th>
            <Table.Td>
              {t(`ind.${figRef.indicator}`, { defaultValue: figRef.indicator })}{' '}
              <code>{figRef.indicator}</code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('fig.period')}</Table.Th>
            <Table.Td>{periodText(figRef.period, lang)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('fig.area')}</Table.Th>
            <Table.Td>{areaName ?? figRef.area}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('fig.activity')}</Table.Th>
            <Table.Td>
              {!figRef.activity || figRef.activity === '_T' ? t('fig.all') : figRef.activity}
            </Table.Td>
          </Table.Tr>
          {figRef.product && figRef.product !== '_T' && (
            <Table.Tr>
              <Table.Th>{t('fig.product')}</Table.Th>
              <Table.Td>{figRef.product}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {!staff && (
        <Text size="sm" c="dimmed">
          {t('fig.public_note')}
        </Text>
      )}
      {staff && trace.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {staff && trace.isError && <Alert color="red">{errorText(t, trace.error)}</Alert>}
      {staff && trace.data && (
        <>
          <Title order={3} fz="md">
            {t('fig.rows', { count: trace.data.reports.length })}
          </Title>
          {trace.data.truncated && (
            <Text size="sm" c="dimmed">
              {t('fig.truncated')}
            </Text>
          )}
          <ScrollArea.Autosize mah={360} type="auto">
            <Table
              striped
              fz="sm"
              stickyHeader
              aria-label={t('fig.rows', { count: trace.data.reports.length })}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fig.enterprise')}</Table.Th>
                  <Table.Th>{t('fig.month')}</Table.Th>
                  <Table.Th>{t('fig.product')}</Table.Th>
                  <Table.Th ta="right">{t('fig.quantity')}</Table.Th>
                  <Table.Th>{t('fig.revisions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trace.data.reports.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      {r.enterpriseName}
                      <Text size="xs" c="dimmed">
                        {r.taxCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatPeriod(r.period, lang)}</Table.Td>
                    <Table.Td>{r.productCode}</Table.Td>
                    <Table.Td ta="right">
                      {formatNumber(r.quantity, lang, Number.isInteger(Number(r.quantity)) ? 0 : 2)}
                    </Table.Td>
                    <Table.Td>
                      {r.revisions.length === 0
                        ? '–'
                        : r.revisions.map((v) => (
                            <Text key={v.revision} size="xs">
                              {v.revision}: {v.quantityOld === null ? '–' : formatNumber(v.quantityOld, lang)}{' '}
                              → {formatNumber(v.quantityNew, lang)} ({v.via},{' '}
                              {formatDate(v.at.slice(0, 10), lang)}){v.comment ? ` — ${v.comment}` : ''}
                            </Text>
                          ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Title order={3} fz="md">
            {t('fig.imputations', { count: trace.data.imputations.length })}
          </Title>
          {trace.data.imputations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('fig.no_imputations')}
            </Text>
          ) : (
            <Table
              striped
              fz="sm"
              aria-label={t('fig.imputations', { count: trace.data.imputations.length })}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fig.enterprise')}</Table.Th>
                  <Table.Th>{t('fig.month')}</Table.Th>
                  <Table.Th>{t('fig.product')}</Table.Th>
                  <Table.Th>{t('fig.base')}</Table.Th>
                  <Table.Th ta="right">{t('fig.ratio')}</Table.Th>
                  <Table.Th ta="right">{t('fig.quantity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trace.data.imputations.map((m) => (
                  <Table.Tr key={`${m.enterpriseId}-${m.productCode}-${m.period}`}>
                    <Table.Td>{m.taxCode}</Table.Td>
                    <Table.Td>{formatPeriod(m.period, lang)}</Table.Td>
                    <Table.Td>{m.productCode}</Table.Td>
                    <Table.Td>
                      {formatPeriod(m.basePeriod, lang)}: {formatNumber(m.baseQuantity, lang)}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(m.ratio, lang, 3)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(m.quantity, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}

export interface OpenFigure {
  ref: FigureRef;
  label: string;
  value: string;
  areaName?: string;
}

export function FigureDrawer({ open, onClose }: { open: OpenFigure | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={!!open}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        <Group gap="xs">
          <Text fw={700}>{t('fig.title')}</Text>
          {open && <Text c="dimmed">— {open.label}</Text>}
        </Group>
      }
      closeButtonProps={{ 'aria-label': t('rep.cancel') }}
    >
      {open && <FigureDetails figRef={open.ref} value={open.value} areaName={open.areaName} />}
    </Drawer>
  );
}
