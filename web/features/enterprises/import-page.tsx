import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult, JobProgress } from '../../../contracts/common';
import { ENTERPRISE_COLUMNS } from '../../../contracts/enterprises';
import type { Issue } from '../../../contracts/errors';
import { formatNumber } from '../../../contracts/format';
import { useLang } from '../../app/i18n';
import { ApiError, api } from '../../lib/api';
import { errorText, issueText } from '../../lib/errors';
import { PageHeader, usePageTitle } from '../../ui/page';
import { BackToList } from './detail-page';

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'processing'; job: JobProgress | null }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'failed'; message: string; issues: Issue[] };

function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `imp_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function EnterpriseImportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('imp.title'));
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const poll = useRef<number | null>(null);

  const stopPolling = () => {
    if (poll.current !== null) window.clearInterval(poll.current);
    poll.current = null;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    const jobId = newJobId();
    setStage({ kind: 'uploading', sent: 0, total: file.size });
    let uploaded = false;
    // Once the bytes are sent, the server parses, validates and writes: ask how far it got.
    poll.current = window.setInterval(async () => {
      if (!uploaded) return;
      try {
        const job = await api.jobs.get(jobId);
        setStage((s) =>
          s.kind === 'processing' || s.kind === 'uploading' ? { kind: 'processing', job } : s,
        );
      } catch {
        // not started yet, or already gone: the upload's own answer will tell
      }
    }, 250);
    try {
      const result = await api.enterprises.import(file, jobId, (sent, total) => {
        if (sent >= total) {
          uploaded = true;
          setStage({ kind: 'processing', job: null });
        } else setStage({ kind: 'uploading', sent, total });
      });
      stopPolling();
      setStage({ kind: 'done', result });
      void queryClient.invalidateQueries({ queryKey: ['enterprises'] });
    } catch (err) {
      stopPolling();
      setStage({
        kind: 'failed',
        message: errorText(t, err),
        issues: err instanceof ApiError ? err.issues : [],
      });
    }
  }

  const busy = stage.kind === 'uploading' || stage.kind === 'processing';

  return (
    <>
      <PageHeader before={<BackToList />} title={t('imp.title')} />
      <Stack gap="md">
        <Paper p={{ base: 'sm', sm: 'lg' }}>
          <Text size="sm" mb="sm">
            {t('imp.intro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <div>
              <Text size="xs" fw={600} c="dimmed" mb={4}>
                {t('imp.required_columns')}
              </Text>
              <Group gap={4}>
                {ENTERPRISE_COLUMNS.required.map((c) => (
                  <Code key={c}>{c}</Code>
                ))}
              </Group>
            </div>
            <div>
              <Text size="xs" fw={600} c="dimmed" mb={4}>
                {t('imp.optional_columns')}
              </Text>
              <Group gap={4}>
                {ENTERPRISE_COLUMNS.optional.map((c) => (
                  <Code key={c}>{c}</Code>
                ))}
              </Group>
            </div>
          </SimpleGrid>
          <form onSubmit={submit}>
            <Group align="flex-end" mt="lg" gap="sm">
              <FileInput
                label={t('imp.file')}
                placeholder={t('imp.file_placeholder')}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={(f) => {
                  setFile(f);
                  setStage({ kind: 'idle' });
                }}
                leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                clearable
                disabled={busy}
                style={{ flex: '1 1 280px' }}
              />
              <Button
                type="submit"
                disabled={!file}
                loading={busy}
                leftSection={<IconUpload size={16} aria-hidden />}
              >
                {t('imp.submit')}
              </Button>
            </Group>
          </form>
        </Paper>

        <div aria-live="polite">
          {stage.kind === 'uploading' && (
            <Paper p="md">
              <Text size="sm" mb={6}>
                {t('imp.uploading')} — {Math.round((100 * stage.sent) / Math.max(1, stage.total))}%
              </Text>
              <Progress
                value={(100 * stage.sent) / Math.max(1, stage.total)}
                aria-label={t('imp.uploading')}
                animated
              />
            </Paper>
          )}
          {stage.kind === 'processing' && (
            <Paper p="md">
              <Text size="sm" mb={6}>
                {t(`imp.phase.${stage.job?.phase ?? 'parsing'}`)}
                {stage.job &&
                  stage.job.total > 0 &&
                  ` — ${formatNumber(stage.job.done, lang)}/${formatNumber(stage.job.total, lang)}`}
              </Text>
              <Progress
                value={stage.job && stage.job.total > 0 ? (100 * stage.job.done) / stage.job.total : 100}
                striped
                animated
                aria-label={t(`imp.phase.${stage.job?.phase ?? 'parsing'}`)}
              />
            </Paper>
          )}
          {stage.kind === 'done' && (
            <Alert
              color="green"
              icon={<IconCircleCheck aria-hidden />}
              title={t('imp.done', { rows: stage.result.rows })}
            >
              <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs">
                {(['rows', 'inserted', 'updated', 'unchanged'] as const).map((k) => (
                  <div key={k}>
                    <Text size="xs" c="dimmed">
                      {t(`imp.${k}`)}
                    </Text>
                    <Text fw={700} fz="xl">
                      {formatNumber(stage.result[k], lang)}
                    </Text>
                  </div>
                ))}
              </SimpleGrid>
            </Alert>
          )}
        </div>
        {stage.kind === 'failed' && (
          <Stack gap="sm">
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {stage.message}
            </Alert>
            {stage.issues.length > 0 && (
              <Paper p={{ base: 'sm', sm: 'lg' }}>
                <Title order={2} fz="lg" mb="sm">
                  {t('imp.errors')} ({formatNumber(stage.issues.length, lang)})
                </Title>
                <Table.ScrollContainer minWidth={0} type="native" mah={520}>
                  <Table striped stickyHeader className="bt-stack bt-stack-errors">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={70}>{t('imp.row')}</Table.Th>
                        <Table.Th w={160}>{t('imp.column')}</Table.Th>
                        <Table.Th w={160}>{t('imp.value')}</Table.Th>
                        <Table.Th>{t('imp.reason')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {stage.issues.map((i, n) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: issues are a fixed list; a row can repeat a column
                        <Table.Tr key={`${i.row}:${i.column}:${n}`}>
                          <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                            <span className="bt-phone-only">{t('imp.row')} </span>
                            {i.row ?? '–'}
                          </Table.Td>
                          <Table.Td>{i.column ? <Code>{i.column}</Code> : '–'}</Table.Td>
                          <Table.Td style={{ overflowWrap: 'anywhere' }}>
                            {i.params?.value === undefined || i.params.value === ''
                              ? '–'
                              : String(i.params.value)}
                          </Table.Td>
                          <Table.Td>{issueText(t, i)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
          </Stack>
        )}
      </Stack>
    </>
  );
}
