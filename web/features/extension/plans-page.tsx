import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../contracts/format';
import { useLang } from '../../app/i18n';
import { errorText } from '../../lib/errors';
import { PageHeader, usePageTitle } from '../../ui/page';
import { ext, useExtensionSession } from './api';
import { SchemeStatus, Section, vnd } from './bits';
import { ExportButtons } from './exports';
import { CallForm, PlanForm, RubricForm } from './manage';
import { SOURCE, tx } from './strings';

const CALL_STATUS: Record<'vi' | 'en', Record<string, string>> = {
  vi: { draft: 'Nháp', open: 'Đang mở', closed: 'Đã đóng' },
  en: { draft: 'Draft', open: 'Open', closed: 'Closed' },
};

/** Yearly plans with budget lines and what is committed/disbursed/settled; calls and their ranking. */
export function PlansPage() {
  const lang = useLang();
  const { t } = useTranslation();
  const me = useExtensionSession();
  const office = ['admin', 'extension_officer'].includes(me.user.role);
  usePageTitle(tx(lang, 'plans'));
  const plans = useQuery({ queryKey: ['ext', 'plans'], queryFn: ext.plans });
  const calls = useQuery({ queryKey: ['ext', 'calls'], queryFn: () => ext.calls() });
  const rules = useQuery({ queryKey: ['ext', 'rules'], queryFn: ext.rules, staleTime: 600_000 });
  const groupName = (code: string) => {
    const g = rules.data?.activityGroups.find((x) => x.code === code);
    return g ? (lang === 'en' ? g.nameEn : g.name) : code;
  };
  const [callId, setCallId] = useState<string | null>(null);
  const ranking = useQuery({
    queryKey: ['ext', 'ranking', callId],
    queryFn: () => ext.ranking(callId!),
    enabled: !!callId,
  });
  return (
    <>
      <PageHeader title={tx(lang, 'plans')} actions={<ExportButtons lists={['plans', 'calls']} />} />
      <Stack>
        {plans.error && <Alert color="red">{errorText(t, plans.error)}</Alert>}
        {plans.isPending && <Loader />}
        {plans.data?.map((p) => (
          <Section key={p.id} title={`${p.year} · ${p.title}`}>
            <Table.ScrollContainer minWidth={700}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{tx(lang, 'source')}</Table.Th>
                    <Table.Th>{lang === 'vi' ? 'Nhóm hoạt động' : 'Activity group'}</Table.Th>
                    <Table.Th ta="right">{tx(lang, 'budget')}</Table.Th>
                    <Table.Th ta="right">{tx(lang, 'committed')}</Table.Th>
                    <Table.Th ta="right">{tx(lang, 'disbursed')}</Table.Th>
                    <Table.Th ta="right">{tx(lang, 'settled')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.budgets.map((b) => (
                    <Table.Tr key={`${b.fundingSource}-${b.activityGroupCode}`}>
                      <Table.Td>{SOURCE[lang][b.fundingSource]}</Table.Td>
                      <Table.Td>{groupName(b.activityGroupCode)}</Table.Td>
                      <Table.Td ta="right">{vnd(b.amountVnd, lang)}</Table.Td>
                      <Table.Td ta="right">{vnd(b.committedVnd, lang)}</Table.Td>
                      <Table.Td ta="right">{vnd(b.disbursedVnd, lang)}</Table.Td>
                      <Table.Td ta="right">{vnd(b.settledVnd, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr fw={700}>
                    <Table.Td colSpan={2}>Σ</Table.Td>
                    <Table.Td ta="right">{vnd(p.totals.budgetVnd, lang)}</Table.Td>
                    <Table.Td ta="right">{vnd(p.totals.committedVnd, lang)}</Table.Td>
                    <Table.Td ta="right">{vnd(p.totals.disbursedVnd, lang)}</Table.Td>
                    <Table.Td ta="right">{vnd(p.totals.settledVnd, lang)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Section>
        ))}
        <Section title={lang === 'vi' ? 'Các đợt xét chọn' : 'Calls'}>
          {calls.data?.map((c) => (
            <Stack key={c.id} gap={2} mb="sm">
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{c.title}</Text>
                <Badge variant="light" tt="none">
                  {CALL_STATUS[lang][c.status] ?? c.status}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {SOURCE[lang][c.fundingSource]} · {formatDate(c.opensOn, lang)} –{' '}
                {formatDate(c.closesOn, lang)} · {c.applications} {lang === 'vi' ? 'hồ sơ' : 'applications'}
              </Text>
              <Button size="xs" variant="light" w="fit-content" onClick={() => setCallId(c.id)}>
                {tx(lang, 'ranking')}
              </Button>
            </Stack>
          ))}
        </Section>
        {callId && (
          <Section title={tx(lang, 'ranking')}>
            {ranking.error && <Alert color="red">{errorText(t, ranking.error)}</Alert>}
            <Table.ScrollContainer minWidth={700}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>{tx(lang, 'name')}</Table.Th>
                    <Table.Th>{tx(lang, 'status')}</Table.Th>
                    <Table.Th ta="right">{tx(lang, 'score')}</Table.Th>
                    <Table.Th>Điểm theo tiêu chí / by criterion</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ranking.data?.map((r) => (
                    <Table.Tr key={r.schemeId}>
                      <Table.Td>{r.rank}</Table.Td>
                      <Table.Td>
                        <Anchor
                          renderRoot={(p) => (
                            <Link to="/extension/schemes/$id" params={{ id: r.schemeId }} {...p} />
                          )}
                        >
                          {r.code}
                        </Anchor>{' '}
                        {r.enterpriseName}
                      </Table.Td>
                      <Table.Td>
                        <SchemeStatus status={r.status} lang={lang} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <b>{r.total}</b> ({r.members})
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">
                          {r.criteria
                            .map(
                              (c) =>
                                `${c.label}: ${c.meanScore ?? '–'}/${c.maxScore} ×${c.weight} → ${c.contribution}`,
                            )
                            .join(' · ')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Section>
        )}
        {office && (
          <>
            <PlanForm />
            <CallForm />
            <RubricForm />
          </>
        )}
      </Stack>
    </>
  );
}
