import { Alert, Anchor, Button, Group, Loader, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCHEME_STATUSES } from '../../../contracts/extension';
import { useLang } from '../../app/i18n';
import { errorText } from '../../lib/errors';
import { PageHeader, usePageTitle } from '../../ui/page';
import { ext, useExtensionSession } from './api';
import { SchemeStatus, Section, vnd } from './bits';
import { ExportButtons } from './exports';
import { SchemeForm } from './manage';
import { KIND, SOURCE, STATUS, tx } from './strings';

/** The schemes list with filters, the programme's impact, and exports (staff; an enterprise sees its own). */
export function SchemesPage() {
  const lang = useLang();
  const { t } = useTranslation();
  const me = useExtensionSession();
  usePageTitle(tx(lang, 'schemes'));
  const [year, setYear] = useState<string | null>('2014');
  const [status, setStatus] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const q = {
    year: year ? Number(year) : undefined,
    status: status ?? undefined,
    fundingSource: source ?? undefined,
  };
  const list = useQuery({ queryKey: ['ext', 'schemes', q], queryFn: () => ext.schemes(q) });
  const staff = me.user.role !== 'enterprise';
  const impact = useQuery({
    queryKey: ['ext', 'impact', year],
    queryFn: () => ext.impact(year ? Number(year) : undefined),
    enabled: staff,
  });
  const years = Array.from({ length: 13 }, (_, i) => String(2014 + i));
  return (
    <>
      <PageHeader
        title={tx(lang, 'schemes')}
        actions={
          staff && (
            <Group gap="xs">
              <Button component={Link} to="/extension/impact" size="xs">
                {tx(lang, 'impactPage')}
              </Button>
              <ExportButtons lists={['schemes', 'outcomes']} year={year ? Number(year) : undefined} />
            </Group>
          )
        }
      />
      <Stack>
        {staff && impact.data && (
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            <Stat label={tx(lang, 'schemes')} value={String(impact.data.schemes)} />
            <Stat label={tx(lang, 'approved')} value={vnd(impact.data.approvedVnd, lang)} />
            <Stat label={tx(lang, 'disbursed')} value={vnd(impact.data.disbursedVnd, lang)} />
            <Stat label={tx(lang, 'jobs')} value={String(impact.data.jobsCreated)} />
            <Stat label={tx(lang, 'perJob')} value={vnd(impact.data.supportPerJobVnd, lang)} />
          </SimpleGrid>
        )}
        <Group>
          <Select label={tx(lang, 'year')} data={years} value={year} onChange={setYear} clearable w={120} />
          <Select
            label={tx(lang, 'status')}
            data={SCHEME_STATUSES.map((s) => ({ value: s, label: STATUS[lang][s] ?? s }))}
            value={status}
            onChange={setStatus}
            clearable
            placeholder={tx(lang, 'all')}
            w={220}
          />
          <Select
            label={tx(lang, 'source')}
            data={['national', 'local'].map((s) => ({ value: s, label: SOURCE[lang][s] ?? s }))}
            value={source}
            onChange={setSource}
            clearable
            placeholder={tx(lang, 'all')}
            w={220}
          />
        </Group>
        <Section title={tx(lang, 'schemes')}>
          {list.isPending && <Loader />}
          {list.error && <Alert color="red">{errorText(t, list.error)}</Alert>}
          {list.data && list.data.length === 0 && <Text c="dimmed">{tx(lang, 'none')}</Text>}
          {list.data && list.data.length > 0 && (
            <Table.ScrollContainer minWidth={1000}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{tx(lang, 'code')}</Table.Th>
                    <Table.Th>{tx(lang, 'name')}</Table.Th>
                    <Table.Th>{tx(lang, 'enterprise')}</Table.Th>
                    <Table.Th>{tx(lang, 'supportKind')}</Table.Th>
                    <Table.Th>{tx(lang, 'source')}</Table.Th>
                    <Table.Th>{tx(lang, 'status')}</Table.Th>
                    <Table.Th ta="right">{tx(lang, 'approved')}</Table.Th>
                    <Table.Th ta="right">{tx(lang, 'disbursed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Anchor
                          renderRoot={(p) => (
                            <Link to="/extension/schemes/$id" params={{ id: s.id }} {...p} />
                          )}
                        >
                          {s.code}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{s.title}</Table.Td>
                      <Table.Td>{s.enterpriseName}</Table.Td>
                      <Table.Td>{KIND[lang][s.supportKind] ?? s.supportKind}</Table.Td>
                      <Table.Td>{SOURCE[lang][s.fundingSource]}</Table.Td>
                      <Table.Td>
                        <SchemeStatus status={s.status} lang={lang} />
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {vnd(s.approvedAmountVnd, lang)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {vnd(s.disbursedVnd, lang)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Section>
        {['admin', 'extension_officer'].includes(me.user.role) && <SchemeForm />}
      </Stack>
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </Stack>
  );
}
