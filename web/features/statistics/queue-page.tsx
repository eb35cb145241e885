import {
  Button,
  Group,
  Loader,
  Modal,
  Pagination,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { IconCheck, IconEdit } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, formatPeriod } from '../../../contracts/format';
import { useLang } from '../../app/i18n';
import { errorText } from '../../lib/errors';
import { notifySuccess } from '../../ui/notify';
import { PageHeader, usePageTitle } from '../../ui/page';
import { type ReportRow, statisticsApi } from './api';
import './statistics.css';

const PAGE_SIZE = 25;

/** Reports accepted with warnings, for the statistician: accept (with a note), or open the entry to revise. */
export function ValidationQueuePage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('st.queue.title'));
  const [status, setStatus] = useState<'pending' | 'reviewed'>('pending');
  const [page, setPage] = useState(1);
  const [reviewing, setReviewing] = useState<ReportRow | null>(null);
  const products = useQuery({
    queryKey: ['stats', 'products'],
    queryFn: statisticsApi.products,
    staleTime: 600_000,
  });
  const q = useQuery({
    queryKey: ['stats', 'queue', status, page],
    queryFn: () => statisticsApi.queue({ status, page, pageSize: PAGE_SIZE }),
  });
  const name = (code: string) => products.data?.find((p) => p.code === code)?.nameVi ?? code;
  const unit = (code: string) => products.data?.find((p) => p.code === code)?.unit ?? '';

  return (
    <>
      <PageHeader title={t('st.queue.title')} subtitle={t('st.queue.subtitle')} />
      <Stack gap="md">
        <Group justify="space-between">
          <SegmentedControl
            aria-label={t('st.per.status')}
            value={status}
            onChange={(v) => {
              setStatus(v as 'pending' | 'reviewed');
              setPage(1);
            }}
            data={[
              { value: 'pending', label: t('st.queue.pending') },
              { value: 'reviewed', label: t('st.queue.reviewed') },
            ]}
          />
          {q.data && (
            <Text size="sm" c="dimmed">
              {t('st.queue.total', { count: q.data.total, formatted: formatNumber(q.data.total, lang) })}
            </Text>
          )}
        </Group>
        {q.isPending ? (
          <Loader aria-label={t('app.loading')} />
        ) : q.isError ? (
          <Text c="red">{errorText(t, q.error)}</Text>
        ) : !q.data.items.length ? (
          <Paper p="xl">
            <Text c="dimmed">{t('st.queue.empty')}</Text>
          </Paper>
        ) : (
          <Paper p={0}>
            <Table.ScrollContainer minWidth={0} type="native">
              <Table striped className="st-cards st-queue" aria-label={t('st.queue.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('st.queue.enterprise')}</Table.Th>
                    <Table.Th>{t('st.queue.product')}</Table.Th>
                    <Table.Th ta="right">{t('st.queue.quantity')}</Table.Th>
                    <Table.Th>{t('st.queue.warnings')}</Table.Th>
                    <Table.Th>{t('st.queue.comment')}</Table.Th>
                    {status === 'pending' && <Table.Th>{t('st.queue.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {r.enterpriseName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatPeriod(r.period, lang)} · {t(`st.source.${r.source}`)} ·{' '}
                          {formatDateTime(r.updatedAt, lang)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{name(r.productCode)}</Table.Td>
                      <Table.Td ta="right" className="st-obs">
                        {formatNumber(r.quantity, lang, r.quantity.includes('.') ? 2 : 0)}{' '}
                        {unit(r.productCode)}
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          {r.warnings.map((w) => (
                            <Text key={w} size="xs" c="orange.9" fw={600}>
                              {t(`st.warn.${w}`, { defaultValue: w })}
                            </Text>
                          ))}
                        </Stack>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                        {r.comment ?? '–'}
                      </Table.Td>
                      {status === 'pending' && (
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Button
                              size="xs"
                              leftSection={<IconCheck size={14} aria-hidden />}
                              aria-label={t('st.queue.accept_label', {
                                product: name(r.productCode),
                                period: formatPeriod(r.period, lang),
                                name: r.enterpriseName,
                              })}
                              onClick={() => setReviewing(r)}
                            >
                              {t('st.queue.accept')}
                            </Button>
                            <Button
                              size="xs"
                              variant="default"
                              leftSection={<IconEdit size={14} aria-hidden />}
                              aria-label={t('st.queue.revise_label', {
                                period: formatPeriod(r.period, lang),
                                name: r.enterpriseName,
                              })}
                              renderRoot={(p) => (
                                <Link
                                  to="/statistics/entry"
                                  search={{ enterprise: r.enterpriseId, period: r.period }}
                                  {...p}
                                />
                              )}
                            >
                              {t('st.queue.revise')}
                            </Button>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        {q.data && q.data.total > PAGE_SIZE && (
          <Pagination value={page} onChange={setPage} total={Math.ceil(q.data.total / PAGE_SIZE)} />
        )}
      </Stack>
      <ReviewDialog
        row={reviewing}
        productName={reviewing ? name(reviewing.productCode) : ''}
        onClose={() => setReviewing(null)}
      />
    </>
  );
}

function ReviewDialog(props: { row: ReportRow | null; productName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const review = useMutation({
    mutationFn: () => statisticsApi.review(props.row!.id, comment.trim()),
    onSuccess: () => {
      notifySuccess(t('st.queue.accepted'));
      void queryClient.invalidateQueries({ queryKey: ['stats', 'queue'] });
      setComment('');
      setTried(false);
      props.onClose();
    },
  });
  const r = props.row;
  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (comment.trim()) review.mutate();
  }
  return (
    <Modal
      opened={!!r}
      onClose={props.onClose}
      title={
        r
          ? t('st.queue.accept_label', {
              product: props.productName,
              period: formatPeriod(r.period, lang),
              name: r.enterpriseName,
            })
          : ''
      }
    >
      <form onSubmit={submit}>
        <Stack>
          {r?.comment && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
              {t('st.queue.comment')}: {r.comment}
            </Text>
          )}
          <Textarea
            label={t('st.queue.review_comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            required
            data-autofocus
            error={tried && !comment.trim() ? t('issue.required', { ns: 'msg' }) : undefined}
          />
          {review.isError && (
            <Text c="red" size="sm" role="alert">
              {errorText(t, review.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('st.per.cancel')}
            </Button>
            <Button type="submit" loading={review.isPending}>
              {t('st.queue.accept')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
