import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPeriod } from '../../../contracts/format';
import { useLang } from '../../app/i18n';
import { errorText } from '../../lib/errors';
import { useHomeArea, useMe } from '../../lib/session';
import { PageHeader, usePageTitle } from '../../ui/page';
import { useAreaOptions } from '../dashboard/areas';
import { statsApi, useDefaultYear } from '../dashboard/stats-api';
import '../dashboard/publishing.css';

const EDITORS = ['admin', 'officer', 'statistician'];

/** Reports: generate a draft for a year or quarter and an area; the list of drafts and issued reports. */
export function ReportsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('rep.title'));
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { options } = useAreaOptions();
  const defaultYear = useDefaultYear();
  const [year, setYear] = useState(String(defaultYear));
  const [quarter, setQuarter] = useState('0');
  const home = useHomeArea();
  const [area, setArea] = useState(me.user.areaCode ?? home);
  const [reportLang, setReportLang] = useState<'vi' | 'en'>('vi');
  const list = useQuery({ queryKey: ['reports'], queryFn: () => statsApi.reports.list() });
  const create = useMutation({
    mutationFn: () =>
      statsApi.reports.create({
        period: quarter === '0' ? year : `${year}-Q${quarter}`,
        areaCode: area,
        lang: reportLang,
      }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['reports'] });
      await navigate({ to: '/reports/$id', params: { id: r.id } });
    },
  });
  const years = Array.from({ length: 8 }, (_, i) => String(2010 + i));
  const canEdit = EDITORS.includes(me.user.role);
  const areaName = (code: string) => options.find((o) => o.value === code)?.label ?? code;

  return (
    <>
      <PageHeader title={t('rep.title')} subtitle={t('rep.subtitle')} />
      <Stack gap="lg">
        {canEdit && (
          <Paper withBorder radius="md" p="md">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label={t('rep.year')}
                data={years}
                value={year}
                onChange={(v) => v && setYear(v)}
                w={110}
                allowDeselect={false}
              />
              <Select
                label={t('rep.quarter')}
                data={[
                  { value: '0', label: t('rep.whole_year') },
                  ...[1, 2, 3, 4].map((q) => ({
                    value: String(q),
                    label: formatPeriod(`${year}-Q${q}`, lang),
                  })),
                ]}
                value={quarter}
                onChange={(v) => v && setQuarter(v)}
                w={160}
                allowDeselect={false}
              />
              <Select
                label={t('dash.area')}
                data={options}
                value={area}
                onChange={(v) => v && setArea(v)}
                w={240}
                searchable
                allowDeselect={false}
              />
              <Select
                label={t('rep.lang')}
                data={[
                  { value: 'vi', label: t('lang.vi') },
                  { value: 'en', label: t('lang.en') },
                ]}
                value={reportLang}
                onChange={(v) => setReportLang(v === 'en' ? 'en' : 'vi')}
                w={150}
                allowDeselect={false}
              />
              <Button
                leftSection={<IconFileText size={16} />}
                loading={create.isPending}
                onClick={() => create.mutate()}
              >
                {t('rep.generate')}
              </Button>
            </Group>
            {create.isError && (
              <Alert color="red" mt="sm">
                {errorText(t, create.error)}
              </Alert>
            )}
          </Paper>
        )}
        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="md" mb="sm">
            {t('rep.list')}
          </Title>
          {list.isError && <Alert color="red">{errorText(t, list.error)}</Alert>}
          {list.data && list.data.length === 0 && <Text c="dimmed">{t('rep.none')}</Text>}
          {list.data && list.data.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover aria-label={t('rep.list')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('rep.title')}</Table.Th>
                    <Table.Th>{t('fig.period')}</Table.Th>
                    <Table.Th>{t('fig.area')}</Table.Th>
                    <Table.Th>{t('rep.number')}</Table.Th>
                    <Table.Th>{t('rep.version')}</Table.Th>
                    <Table.Th>{t('rep.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Stack gap={2}>
                          <Link to="/reports/$id" params={{ id: r.id }} className="bt-link">
                            {r.title}
                          </Link>
                          <Group gap={4}>
                            <Badge size="xs" variant="light" color={r.status === 'issued' ? 'teal' : 'gray'}>
                              {t(`rep.status.${r.status}`)}
                            </Badge>
                            <Badge size="xs" variant="outline">
                              {r.lang.toUpperCase()}
                            </Badge>
                          </Group>
                        </Stack>
                      </Table.Td>
                      <Table.Td>{formatPeriod(r.period, lang)}</Table.Td>
                      <Table.Td>{areaName(r.areaCode)}</Table.Td>
                      <Table.Td>{r.number ?? '–'}</Table.Td>
                      <Table.Td>{r.version}</Table.Td>
                      <Table.Td>{formatDateTime(r.updatedAt, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>
    </>
  );
}
