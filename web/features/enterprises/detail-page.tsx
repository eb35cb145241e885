import { Alert, Anchor, Button, Group, Loader, Paper, SimpleGrid, Tabs, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconEdit,
  IconHistory,
  IconInfoCircle,
  IconPackage,
  IconTablePlus,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseDto } from '../../../contracts/enterprises';
import { formatDate, formatDateTime, formatNumber, formatVnd } from '../../../contracts/format';
import { useLang } from '../../app/i18n';
import type { EnterpriseTab } from '../../app/router';
import { ApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { can, useMe } from '../../lib/session';
import { PageHeader, usePageTitle } from '../../ui/page';
import { canEnterReports } from '../statistics/api';
import { DemoBadge, StatusBadge } from './enterprise-bits';
import { HistoryPanel } from './history';
import { ProductsPanel } from './products';
import { enterpriseQuery, vsicLabel } from './queries';

export function BackToList() {
  const { t } = useTranslation();
  return (
    <Anchor renderRoot={(p) => <Link to="/enterprises" {...p} />} size="sm" w="fit-content">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {t('ent.back_to_list')}
      </Group>
    </Anchor>
  );
}

export function EnterpriseNotFound({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 403);
  usePageTitle(t('common.not_found_title'));
  return (
    <>
      <PageHeader
        before={<BackToList />}
        title={missing ? t('common.not_found_title') : t('common.error_title')}
      />
      <Alert color={missing ? 'gray' : 'red'} icon={<IconAlertTriangle aria-hidden />} role="alert">
        {missing ? t('ent.not_found') : errorText(t, error)}
      </Alert>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper p={{ base: 'sm', sm: 'lg' }} component="section" aria-label={title}>
      <Title order={2} fz="lg" mb="md">
        {title}
      </Title>
      <dl className="bt-dl">{children}</dl>
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children === null || children === undefined || children === '' ? '–' : children}</dd>
    </>
  );
}

function Info({ e }: { e: EnterpriseDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Section title={t('ent.section_identity')}>
        <Field label={t('ent.taxCode')}>
          <Text ff="monospace" span>
            {e.taxCode}
          </Text>
        </Field>
        <Field label={t('ent.name')}>{e.name}</Field>
        <Field label={t('ent.shortName')}>{e.shortName}</Field>
        <Field label={t('ent.nameEn')}>{e.nameEn}</Field>
        <Field label={t('ent.foundedOn')}>{e.foundedOn && formatDate(e.foundedOn, lang)}</Field>
        <Field label={t('ent.representative')}>{e.representative}</Field>
        <Field label={t('ent.charterCapitalVnd')}>
          {e.charterCapitalVnd && formatVnd(e.charterCapitalVnd, lang)}
        </Field>
      </Section>
      <Section title={t('ent.section_activity')}>
        <Field label={t('ent.vsic')}>{vsicLabel(e.vsic, lang)}</Field>
        <Field label={t('ent.ownership')}>{t(`ownership.${e.ownership}`)}</Field>
        <Field label={t('ent.sizeClass')}>{e.sizeClass && t(`size.${e.sizeClass}`)}</Field>
        <Field label={t('ent.employees')}>{e.employees != null && formatNumber(e.employees, lang)}</Field>
        <Field label={t('ent.status')}>
          <StatusBadge status={e.status} />
        </Field>
        <Field label={t('ent.reportsMonthly')}>{t(e.reportsMonthly ? 'common.yes' : 'common.no')}</Field>
      </Section>
      <Section title={t('ent.section_contact')}>
        <Field label={t('ent.areaCode')}>
          {e.areaName ?? e.areaCode}{' '}
          <Text span c="dimmed" size="sm">
            ({e.areaCode})
          </Text>
        </Field>
        <Field label={t('ent.address')}>{e.address}</Field>
        <Field label={t('ent.phone')}>{e.phone && <Anchor href={`tel:${e.phone}`}>{e.phone}</Anchor>}</Field>
        <Field label={t('ent.email')}>
          {e.email && <Anchor href={`mailto:${e.email}`}>{e.email}</Anchor>}
        </Field>
        <Field label={t('ent.website')}>{e.website}</Field>
      </Section>
      <Section title={t('ent.notes')}>
        <Field label={t('ent.notes')}>{e.notes}</Field>
        <Field label={t('ent.createdAt')}>{formatDateTime(e.createdAt, lang)}</Field>
        <Field label={t('ent.updatedAt')}>{formatDateTime(e.updatedAt, lang)}</Field>
        <Field label={t('ent.version')}>{e.version}</Field>
      </Section>
    </SimpleGrid>
  );
}

export function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/_app/enterprises/$id' });
  const { tab = 'info' } = useSearch({ from: '/_app/enterprises/$id' });
  const navigate = useNavigate({ from: '/enterprises/$id' });
  const me = useMe();
  const q = useQuery(enterpriseQuery(id));
  usePageTitle(q.data?.name);

  if (q.isPending) return <Loader aria-label={t('app.loading')} />;
  if (q.isError) return <EnterpriseNotFound error={q.error} />;
  const e = q.data;
  const editable = can.editEnterprise(me.user.role);

  return (
    <>
      <PageHeader
        before={<BackToList />}
        title={e.name}
        subtitle={
          <Group gap="xs" mt={4}>
            {e.isDemo && <DemoBadge size="md" />}
            <StatusBadge status={e.status} />
            <Text size="sm" c="dimmed">
              {t('ent.taxCode')} <span style={{ fontFamily: 'monospace' }}>{e.taxCode}</span> ·{' '}
              {e.areaName ?? e.areaCode}
            </Text>
          </Group>
        }
        actions={
          <>
            {canEnterReports(me.user.role) && e.reportsMonthly && (
              <Button
                variant="light"
                leftSection={<IconTablePlus size={16} aria-hidden />}
                renderRoot={(p) => <Link to="/statistics/entry" search={{ enterprise: id }} {...p} />}
              >
                {t('st.entry.open')}
              </Button>
            )}
            {editable && (
              <Button
                leftSection={<IconEdit size={16} aria-hidden />}
                renderRoot={(p) => <Link to="/enterprises/$id/edit" params={{ id }} {...p} />}
              >
                {t('ent.edit')}
              </Button>
            )}
          </>
        }
      />
      {e.isDemo && (
        <Alert color="ochre" variant="light" icon={<IconInfoCircle aria-hidden />} mb="md" py="xs">
          {t('ent.demo_hint')}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(v) =>
          navigate({ search: v && v !== 'info' ? { tab: v as EnterpriseTab } : {}, replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="info" leftSection={<IconInfoCircle size={16} aria-hidden />}>
            {t('ent.tab_info')}
          </Tabs.Tab>
          <Tabs.Tab value="products" leftSection={<IconPackage size={16} aria-hidden />}>
            {t('ent.tab_products')} ({e.products.length})
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
            {t('ent.tab_history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="info">
          <Info e={e} />
        </Tabs.Panel>
        <Tabs.Panel value="products">
          <ProductsPanel enterprise={e} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryPanel id={e.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
