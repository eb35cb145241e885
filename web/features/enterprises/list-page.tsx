import {
  Badge,
  Button,
  CloseButton,
  Collapse,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconFileUpload, IconFilter, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseSummary } from '../../../contracts/enterprises';
import { formatDate, formatNumber } from '../../../contracts/format';
import { useLang } from '../../app/i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { can, useMe } from '../../lib/session';
import { columnHelper, DataTable, Pager } from '../../ui/data-table';
import { PageHeader, usePageTitle } from '../../ui/page';
import { DemoBadge } from './enterprise-bits';
import { keys, useAreaOptions, useVsicOptions } from './queries';
import type { EnterpriseSearch } from './search';

const SORTABLE = ['name', 'taxCode', 'areaCode', 'employees', 'updatedAt'] as const;
const helper = columnHelper<EnterpriseSummary>();

export function EnterpriseListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('ent.title'));
  const me = useMe();
  const search = useSearch({ from: '/_app/enterprises' });
  const navigate = useNavigate({ from: '/enterprises' });
  const [q, setQ] = useState(search.q ?? '');
  const narrow = useMediaQuery('(max-width: 48em)');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const areaOptions = useAreaOptions();
  const vsicOptions = useVsicOptions();

  const setSearch = (patch: Partial<EnterpriseSearch>, replace = false) =>
    navigate({
      search: (prev: EnterpriseSearch) => {
        const next: EnterpriseSearch = { ...prev, ...patch };
        if (!('page' in patch)) delete next.page;
        for (const k of Object.keys(next) as (keyof EnterpriseSearch)[]) {
          if (next[k] === undefined || next[k] === null || next[k] === '') delete next[k];
        }
        return next;
      },
      replace,
    });
  const pushQ = useDebouncedCallback((v: string) => setSearch({ q: v.trim() || undefined }, true), 300);

  const list = useQuery({
    queryKey: keys.list(search),
    queryFn: () => api.enterprises.list(search),
    placeholderData: keepPreviousData,
  });

  const sort = { sort: search.sort ?? 'name', dir: search.dir ?? 'asc' } as const;
  const onSort = (col: string) => {
    if (sort.sort === col) setSearch({ sort: sort.sort, dir: sort.dir === 'asc' ? 'desc' : 'asc' });
    else
      setSearch({
        sort: col as EnterpriseSearch['sort'],
        dir: col === 'employees' || col === 'updatedAt' ? 'desc' : 'asc',
      });
  };

  const columns = useMemo(
    () => [
      helper.accessor('name', {
        header: t('ent.name'),
        cell: (c) => (
          <Stack gap={2} maw={440} miw={240}>
            <Link to="/enterprises/$id" params={{ id: c.row.original.id }} className="bt-row-link">
              {c.getValue()}
            </Link>
            <Group gap={6}>
              {c.row.original.shortName && (
                <Text size="xs" c="dimmed">
                  {c.row.original.shortName}
                </Text>
              )}
              {c.row.original.isDemo && <DemoBadge size="xs" />}
            </Group>
          </Stack>
        ),
      }),
      helper.accessor('taxCode', {
        header: t('ent.taxCode'),
        cell: (c) => (
          <Text ff="monospace" fz={13}>
            {c.getValue()}
          </Text>
        ),
      }),
      helper.accessor('areaCode', {
        header: t('ent.areaCode'),
        cell: (c) => c.row.original.areaName ?? c.getValue(),
      }),
      helper.accessor('vsic', {
        header: t('ent.vsic'),
        cell: (c) => (
          <Text ff="monospace" fz={13}>
            {c.getValue()}
          </Text>
        ),
      }),
      helper.accessor('ownership', {
        header: t('ent.ownership'),
        cell: (c) => t(`ownership.${c.getValue()}`),
      }),
      helper.accessor('sizeClass', {
        header: t('ent.sizeClass'),
        cell: (c) => (c.getValue() ? t(`size.${c.getValue()}`) : '–'),
      }),
      helper.accessor('employees', {
        header: t('ent.employees'),
        cell: (c) => (
          <Text ta="right" fz={14} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {c.getValue() == null ? '–' : formatNumber(c.getValue()!, lang)}
          </Text>
        ),
      }),
      helper.accessor('updatedAt', {
        header: t('ent.updatedAt'),
        cell: (c) => formatDate(c.getValue(), lang),
      }),
    ],
    [t, lang],
  );

  const activeFilters = [search.area, search.vsic, search.ownership, search.size].filter(Boolean).length;
  const filtersActive = Boolean(search.q || search.area || search.vsic || search.ownership || search.size);
  const data = list.data?.items ?? EMPTY;

  return (
    <>
      <PageHeader
        title={t('ent.title')}
        subtitle={t('ent.subtitle')}
        actions={
          <>
            {can.importEnterprises(me.user.role) && (
              <Button
                variant="default"
                leftSection={<IconFileUpload size={16} aria-hidden />}
                renderRoot={(p) => <Link to="/enterprises/import" {...p} />}
              >
                {t('ent.import')}
              </Button>
            )}
            {can.createEnterprise(me.user.role) && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                renderRoot={(p) => <Link to="/enterprises/new" {...p} />}
              >
                {t('ent.new')}
              </Button>
            )}
          </>
        }
      />
      <Paper p="md" mb="md" component="section" aria-label={t('ent.filters')}>
        <Stack gap="sm">
          <TextInput
            label={t('ent.search')}
            placeholder={t('ent.search_placeholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            type="search"
            onChange={(e) => {
              setQ(e.currentTarget.value);
              pushQ(e.currentTarget.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setSearch({ q: q.trim() || undefined }, true);
            }}
            rightSection={
              q ? (
                <CloseButton
                  aria-label={t('ent.clear_filters')}
                  onClick={() => {
                    setQ('');
                    setSearch({ q: undefined }, true);
                  }}
                />
              ) : null
            }
          />
          {narrow && (
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              leftSection={<IconFilter size={14} aria-hidden />}
              onClick={() => setFiltersOpen((o) => !o)}
              aria-expanded={filtersOpen}
              aria-controls="bt-filters"
            >
              {t('ent.filters')}
              {activeFilters > 0 ? ` (${activeFilters})` : ''}
            </Button>
          )}
          <Collapse expanded={!narrow || filtersOpen}>
            <SimpleGrid id="bt-filters" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              <Select
                label={t('ent.filter_area')}
                placeholder={t('common.all')}
                data={areaOptions}
                value={search.area ?? null}
                onChange={(v) => setSearch({ area: v ?? undefined })}
                searchable
                clearable
              />
              <Select
                label={t('ent.filter_vsic')}
                placeholder={t('common.all')}
                data={vsicOptions}
                value={search.vsic ?? null}
                onChange={(v) => setSearch({ vsic: v ?? undefined })}
                searchable
                clearable
                comboboxProps={{ width: 360, position: 'bottom-start' }}
              />
              <Select
                label={t('ent.filter_ownership')}
                placeholder={t('common.all')}
                data={(['state', 'non_state', 'fdi'] as const).map((v) => ({
                  value: v,
                  label: t(`ownership.${v}`),
                }))}
                value={search.ownership ?? null}
                onChange={(v) => setSearch({ ownership: (v ?? undefined) as EnterpriseSearch['ownership'] })}
                clearable
              />
              <Select
                label={t('ent.filter_size')}
                placeholder={t('common.all')}
                data={(['micro', 'small', 'medium', 'large'] as const).map((v) => ({
                  value: v,
                  label: t(`size.${v}`),
                }))}
                value={search.size ?? null}
                onChange={(v) => setSearch({ size: (v ?? undefined) as EnterpriseSearch['size'] })}
                clearable
              />
            </SimpleGrid>
          </Collapse>
          {filtersActive && (
            <Group>
              <Button
                variant="subtle"
                size="xs"
                onClick={() => {
                  setQ('');
                  navigate({ search: {} });
                }}
              >
                {t('ent.clear_filters')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>

      {list.isError ? (
        <Paper p="md" role="alert">
          <Text c="red">{errorText(t, list.error)}</Text>
        </Paper>
      ) : (
        <>
          <DataTable
            caption={t('ent.title')}
            columns={columns}
            data={data}
            getRowId={(r) => r.id}
            loading={list.isFetching}
            empty={list.isPending ? t('app.loading') : t('ent.empty')}
            sortable={SORTABLE}
            sort={sort}
            onSort={onSort}
            minWidth={980}
            mobileCard={(r) => (
              <Stack gap={4}>
                <Group gap={6} wrap="nowrap" align="flex-start" justify="space-between">
                  <Link to="/enterprises/$id" params={{ id: r.id }} className="bt-row-link">
                    {r.name}
                  </Link>
                  {r.isDemo && <DemoBadge size="xs" />}
                </Group>
                <Text size="sm" c="dimmed">
                  {t('ent.taxCode')} <span style={{ fontFamily: 'monospace' }}>{r.taxCode}</span> ·{' '}
                  {r.areaName ?? r.areaCode}
                </Text>
                <Group gap={6}>
                  <Badge variant="light" color="gray" size="sm" radius="sm" tt="none" fw={500}>
                    VSIC {r.vsic}
                  </Badge>
                  <Badge variant="light" color="gray" size="sm" radius="sm" tt="none" fw={500}>
                    {t(`ownership.${r.ownership}`)}
                  </Badge>
                  {r.employees != null && (
                    <Badge variant="light" color="gray" size="sm" radius="sm" tt="none" fw={500}>
                      {formatNumber(r.employees, lang)} {t('ent.employees').toLocaleLowerCase()}
                    </Badge>
                  )}
                </Group>
              </Stack>
            )}
          />
          {list.data && list.data.total > 0 && (
            <Pager
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onPage={(page) => setSearch({ page })}
              onPageSize={(pageSize) => setSearch({ pageSize })}
            />
          )}
        </>
      )}
    </>
  );
}

const EMPTY: EnterpriseSummary[] = [];
