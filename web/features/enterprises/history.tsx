import { Alert, Badge, Group, Loader, Paper, Table, Text, Timeline } from '@mantine/core';
import { IconEdit, IconFileUpload, IconPackage, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../contracts/enterprises';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatQuantity,
  formatVnd,
} from '../../../contracts/format';
import type { Lang } from '../../../contracts/messages';
import { useLang } from '../../app/i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { keys } from './queries';

const ENUMS: Record<string, string> = { ownership: 'ownership', sizeClass: 'size', status: 'status' };
const HIDDEN = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'searchText']);

export function fieldLabel(t: TFunction, field: string): string {
  const key = field === 'products' ? 'ent.products_field' : `ent.${field}`;
  return t(key, { defaultValue: field });
}

/** A stored value as a reader would say it: enums translated, money and dates in vi-VN form. */
export function formatValue(t: TFunction, lang: Lang, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  const en = ENUMS[field];
  if (en && typeof v === 'string') return t(`${en}.${v}`, { defaultValue: v });
  if (field === 'charterCapitalVnd') return formatVnd(String(v), lang);
  if (field === 'employees' && typeof v === 'number') return formatNumber(v, lang);
  if (field === 'foundedOn' && typeof v === 'string') return formatDate(v, lang);
  if (Array.isArray(v)) return v.length ? v.map((x) => formatValue(t, lang, 'product', x)).join('; ') : '–';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.name !== 'string') return JSON.stringify(v);
    const cap = o.capacityPerYear
      ? formatQuantity(String(o.capacityPerYear), String(o.unit ?? ''), lang)
      : null;
    return cap ? `${o.name} (${cap})` : o.name;
  }
  return String(v);
}

const ICONS: Record<string, typeof IconEdit> = {
  'enterprise.created': IconPlus,
  'enterprise.updated': IconEdit,
  'enterprise.imported': IconFileUpload,
};

function changedFields(e: HistoryEntry): string[] {
  const fields = e.changed.length ? e.changed : Object.keys(e.after ?? e.before ?? {});
  return fields.filter((f) => !HIDDEN.has(f));
}

export function HistoryPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const history = useQuery({ queryKey: keys.history(id), queryFn: () => api.enterprises.history(id) });
  if (history.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (history.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(t, history.error)}
      </Alert>
    );
  if (!history.data.length) return <Text c="dimmed">{t('ent.history_empty')}</Text>;
  return (
    <Paper p={{ base: 'sm', sm: 'lg' }}>
      <Timeline
        bulletSize={28}
        lineWidth={2}
        active={history.data.length}
        role="list"
        aria-label={t('ent.tab_history')}
      >
        {history.data.map((e) => {
          const Icon = e.action.includes('product') ? IconPackage : (ICONS[e.action] ?? IconEdit);
          const fields = changedFields(e);
          const isCreate = !e.before;
          return (
            <Timeline.Item
              key={e.id}
              role="listitem"
              bullet={<Icon size={15} aria-hidden />}
              title={
                <Group gap="xs" component="h3" m={0} fz="md" fw={600}>
                  {t(`action.${e.action}`, { defaultValue: e.action })}
                  <Badge variant="light" color="gray" size="sm" radius="sm" fw={500} tt="none">
                    {e.actorName ?? t('ent.history_system')}
                  </Badge>
                </Group>
              }
            >
              <Text size="sm" c="dimmed" mb="xs">
                <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
              </Text>
              {isCreate ? (
                <Text size="sm">{t('ent.history_created_fields', { count: fields.length })}</Text>
              ) : (
                <Table.ScrollContainer minWidth={0} type="native">
                  <Table
                    className="bt-stack"
                    withTableBorder
                    withColumnBorders={false}
                    fz="sm"
                    verticalSpacing={6}
                    highlightOnHover={false}
                  >
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w="28%">{t('ent.history_field')}</Table.Th>
                        <Table.Th>{t('ent.history_before')}</Table.Th>
                        <Table.Th w={24} aria-hidden />
                        <Table.Th>{t('ent.history_after')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {fields.map((f) => (
                        <Table.Tr key={f}>
                          <Table.Td>{fieldLabel(t, f)}</Table.Td>
                          <Table.Td className="bt-before">{formatValue(t, lang, f, e.before?.[f])}</Table.Td>
                          <Table.Td aria-hidden c="dimmed">
                            →
                          </Table.Td>
                          <Table.Td className="bt-after">{formatValue(t, lang, f, e.after?.[f])}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}
