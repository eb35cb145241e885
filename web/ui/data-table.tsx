import {
  Center,
  Group,
  Loader,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import {
  type ColumnDef,
  createColumnHelper,
  type RowData,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Rows arrive sorted and paged by the server: the table only lays them out. */
export const features = tableFeatures({});
export const columnHelper = <T extends RowData>() => createColumnHelper<typeof features, T>();
// biome-ignore lint/suspicious/noExplicitAny: each column has its own value type, as in columnHelper.columns
export type Columns<T extends RowData> = ColumnDef<typeof features, T, any>[];

export interface SortState {
  sort: string;
  dir: 'asc' | 'desc';
}

export function DataTable<T extends RowData>(props: {
  caption: string;
  columns: Columns<T>;
  data: T[];
  getRowId: (row: T) => string;
  loading?: boolean;
  empty: ReactNode;
  sortable?: readonly string[];
  sort?: SortState;
  onSort?: (column: string) => void;
  /** A compact card per row for phone widths, instead of a table that scrolls sideways. */
  mobileCard?: (row: T) => ReactNode;
  minWidth?: number;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const table = useTable({ features, columns: props.columns, data: props.data, getRowId: props.getRowId });

  if (!props.data.length) {
    return (
      <Paper p="xl">
        <Center>{props.loading ? <Loader size="sm" /> : <Text c="dimmed">{props.empty}</Text>}</Center>
      </Paper>
    );
  }

  if (narrow && props.mobileCard) {
    return (
      <Stack gap="xs" aria-label={props.caption} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {props.data.map((row) => (
          <Paper component="li" key={props.getRowId(row)} p="sm">
            {props.mobileCard!(row)}
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Paper style={{ overflow: 'hidden', opacity: props.loading ? 0.6 : 1 }}>
      <Table.ScrollContainer minWidth={props.minWidth ?? 720} type="native">
        <Table striped={false} stickyHeader>
          <VisuallyHidden component="caption">{props.caption}</VisuallyHidden>
          <Table.Thead bg="gray.0">
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const id = header.column.id;
                  const sortable = props.sortable?.includes(id) && props.onSort;
                  const active = props.sort?.sort === id;
                  const dir = active ? props.sort?.dir : undefined;
                  const label = <table.FlexRender header={header} />;
                  return (
                    <Table.Th
                      key={header.id}
                      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                      style={{ whiteSpace: 'nowrap', fontSize: 13 }}
                    >
                      {sortable ? (
                        <UnstyledButton onClick={() => props.onSort!(id)} fz={13} fw={700}>
                          <Group gap={4} wrap="nowrap">
                            {label}
                            {active ? (
                              dir === 'asc' ? (
                                <IconArrowUp size={14} aria-hidden />
                              ) : (
                                <IconArrowDown size={14} aria-hidden />
                              )
                            ) : (
                              <IconArrowsSort size={14} aria-hidden opacity={0.4} />
                            )}
                            <VisuallyHidden>
                              {active ? t(dir === 'asc' ? 'common.sorted_asc' : 'common.sorted_desc') : ''}
                            </VisuallyHidden>
                          </Group>
                        </UnstyledButton>
                      ) : (
                        label
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {table.getRowModel().rows.map((row) => (
              <Table.Tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <Table.Td key={cell.id} fz={14}>
                    <table.FlexRender cell={cell} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

export function Pager(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.results', { count: props.total })} · {t('common.page_of', { page: props.page, pages })}
      </Text>
      <Group gap="sm">
        <Select
          aria-label={t('common.page_size')}
          size="xs"
          w={84}
          value={String(props.pageSize)}
          onChange={(v) => v && props.onPageSize(Number(v))}
          data={['10', '20', '50', '100']}
          allowDeselect={false}
        />
        <Pagination
          total={pages}
          value={props.page}
          onChange={props.onPage}
          size="sm"
          siblings={1}
          boundaries={1}
          aria-label={t('common.pagination')}
        />
      </Group>
    </Group>
  );
}
