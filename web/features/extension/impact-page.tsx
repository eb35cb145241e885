import { Alert, Anchor, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatVnd } from '../../../contracts/format';
import { useLang } from '../../app/i18n';
import { errorText } from '../../lib/errors';
import { PageHeader, usePageTitle } from '../../ui/page';
import { ext, useExtensionSession } from './api';
import { SchemeStatus, Section } from './bits';
import { ExportButtons } from './exports';
import { points, reasonText, signedPct } from './output';
import { tx } from './strings';

const W = {
  vi: {
    title: 'Hiệu quả chương trình khuyến công',
    perVnd: 'Sản lượng tăng thêm / đồng hỗ trợ',
    perVndHelp: (n: number) =>
      `Tổng sản lượng (giá so sánh) vượt xu hướng của DN cùng ngành chưa được hỗ trợ, chia cho vốn hỗ trợ được duyệt; tính trên ${n} đề án có đủ số liệu.`,
    jobsPerBillion: 'Việc làm / tỷ đồng hỗ trợ',
    entGrowth: 'Tăng trưởng DN',
    peerGrowth: 'Tăng trưởng DN cùng ngành',
    diff: 'Chênh lệch',
    why: 'Ghi chú',
    notCompared: 'Chưa so sánh được',
  },
  en: {
    title: 'Industrial extension programme impact',
    perVnd: 'Extra output per VND of support',
    perVndHelp: (n: number) =>
      `Output (constant prices) above the trend of unsupported same-class enterprises, divided by the approved support; over the ${n} schemes with enough data.`,
    jobsPerBillion: 'Jobs per VND billion of support',
    entGrowth: 'Enterprise growth',
    peerGrowth: 'Same-class growth',
    diff: 'Difference',
    why: 'Notes',
    notCompared: 'Not comparable',
  },
};

/** The programme page: money, jobs, capacity and output against peers, per year, with every scheme's row. */
export function ImpactPage() {
  const lang = useLang();
  const { t } = useTranslation();
  useExtensionSession();
  const w = W[lang];
  usePageTitle(w.title);
  const [year, setYear] = useState<string | null>('2014');
  const q = useQuery({
    queryKey: ['ext', 'impact', year],
    queryFn: () => ext.impact(year ? Number(year) : undefined),
  });
  const years = Array.from({ length: 13 }, (_, i) => String(2014 + i));
  const d = q.data;
  const jobsPerBillion =
    d && Number(d.approvedVnd) > 0 ? (d.jobsCreated / Number(d.approvedVnd)) * 1e9 : null;
  return (
    <>
      <PageHeader
        title={w.title}
        before={
          <Anchor renderRoot={(p) => <Link to="/extension" {...p} />} size="sm">
            ← {tx(lang, 'schemes')}
          </Anchor>
        }
        actions={<ExportButtons lists={['schemes', 'outcomes']} year={year ? Number(year) : undefined} />}
      />
      <Stack>
        <Group>
          <Select
            label={tx(lang, 'year')}
            data={years}
            value={year}
            onChange={setYear}
            clearable
            placeholder={tx(lang, 'all')}
            w={140}
          />
        </Group>
        {q.isPending && <Loader />}
        {q.error && <Alert color="red">{errorText(t, q.error)}</Alert>}
        {d && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
              <Stat label={tx(lang, 'schemes')} value={String(d.schemes)} />
              <Stat label={tx(lang, 'approved')} value={formatVnd(d.approvedVnd, lang, 2)} />
              <Stat label={tx(lang, 'disbursed')} value={formatVnd(d.disbursedVnd, lang, 2)} />
              <Stat label={tx(lang, 'jobs')} value={String(d.jobsCreated)} />
              <Stat
                label={w.jobsPerBillion}
                value={jobsPerBillion === null ? '–' : formatNumber(jobsPerBillion, lang, 1)}
              />
              <Stat
                label={w.perVnd}
                value={
                  d.output.extraOutputPerSupportVnd === null
                    ? '–'
                    : `${formatNumber(d.output.extraOutputPerSupportVnd, lang, 2)} đ`
                }
                help={w.perVndHelp(d.output.compared)}
              />
            </SimpleGrid>
            <Section title={tx(lang, 'schemes')}>
              <Table.ScrollContainer minWidth={1150}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{tx(lang, 'code')}</Table.Th>
                      <Table.Th>{tx(lang, 'enterprise')}</Table.Th>
                      <Table.Th>{tx(lang, 'status')}</Table.Th>
                      <Table.Th ta="right">{tx(lang, 'approved')}</Table.Th>
                      <Table.Th ta="right">{tx(lang, 'multiplier')}</Table.Th>
                      <Table.Th ta="right">{tx(lang, 'jobs')}</Table.Th>
                      <Table.Th ta="right">{w.entGrowth}</Table.Th>
                      <Table.Th ta="right">{w.peerGrowth}</Table.Th>
                      <Table.Th ta="right">{w.diff}</Table.Th>
                      <Table.Th>{w.why}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.rows.map((r) => (
                      <Table.Tr key={r.schemeId}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Anchor
                            renderRoot={(p) => (
                              <Link to="/extension/schemes/$id" params={{ id: r.schemeId }} {...p} />
                            )}
                          >
                            {r.code}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{r.enterpriseName}</Table.Td>
                        <Table.Td>
                          <SchemeStatus status={r.status} lang={lang} />
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {r.approvedAmountVnd ? formatVnd(r.approvedAmountVnd, lang, 0) : '–'}
                        </Table.Td>
                        <Table.Td ta="right">
                          {r.capacityMultiplier === null
                            ? '–'
                            : `×${formatNumber(r.capacityMultiplier, lang, 2)}`}
                        </Table.Td>
                        <Table.Td ta="right">{r.jobsCreated ?? '–'}</Table.Td>
                        <Table.Td ta="right">{signedPct(r.output.enterpriseGrowthPct, lang)}</Table.Td>
                        <Table.Td ta="right">{signedPct(r.output.peersGrowthPct, lang)}</Table.Td>
                        <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                          {points(r.output.growthDifferencePct, lang)}
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">
                            {r.output.reasons.map((x) => reasonText(x, lang)).join(' ')}
                            {r.flags.length > 0 &&
                              ` ${t(`extension.flag.${r.flags[0]!.code}`, { ns: 'msg', ...r.flags[0]!.params })}`}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Section>
          </>
        )}
      </Stack>
    </>
  );
}

function Stat({ label, value, help }: { label: string; value: string; help?: string }) {
  return (
    <Paper p="sm" withBorder>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg">
        {value}
      </Text>
      {help && (
        <Text size="xs" c="dimmed">
          {help}
        </Text>
      )}
    </Paper>
  );
}
