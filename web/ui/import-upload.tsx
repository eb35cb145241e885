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
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult, JobProgress } from '../../contracts/common';
import type { Issue } from '../../contracts/errors';
import { formatNumber } from '../../contracts/format';
import { useLang } from '../app/i18n';
import { ApiError, api } from '../lib/api';
import { errorText, issueText } from '../lib/errors';

/**
 * An all-or-nothing file import with progress (architecture: runTracked + jobId): the bytes sent, then the
 * server's phases polled from /api/jobs/:id, then the result or every bad row, column and reason.
 */
export type ImportStage<R extends ImportResult = ImportResult> =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'processing'; job: JobProgress | null }
  | { kind: 'done'; result: R }
  | { kind: 'failed'; message: string; issues: Issue[] };

export type Uploader<R> = (
  file: File,
  jobId: string,
  onProgress: (sent: number, total: number) => void,
) => Promise<R>;

export function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `imp_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function useImportJob<R extends ImportResult>() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<ImportStage<R>>({ kind: 'idle' });
  const poll = useRef<number | null>(null);
  const stopPolling = () => {
    if (poll.current !== null) window.clearInterval(poll.current);
    poll.current = null;
  };
  // Leaving the page mid-import stops asking the server about the job.
  useEffect(
    () => () => {
      if (poll.current !== null) window.clearInterval(poll.current);
    },
    [],
  );

  async function run(file: File, upload: Uploader<R>): Promise<R | null> {
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
      const result = await upload(file, jobId, (sent, total) => {
        if (sent >= total) {
          uploaded = true;
          setStage({ kind: 'processing', job: null });
        } else setStage({ kind: 'uploading', sent, total });
      });
      stopPolling();
      setStage({ kind: 'done', result });
      return result;
    } catch (err) {
      stopPolling();
      setStage({
        kind: 'failed',
        message: errorText(t, err),
        issues: err instanceof ApiError ? err.issues : [],
      });
      return null;
    }
  }

  const busy = stage.kind === 'uploading' || stage.kind === 'processing';
  return { stage, busy, run, reset: () => setStage({ kind: 'idle' }) };
}

/** Progress (announced politely), the result counts, or the error list. */
export function ImportStatus<R extends ImportResult>(props: {
  stage: ImportStage<R>;
  /** Extra counts of the result to show after rows/inserted/updated/unchanged, with their labels. */
  extra?: { key: keyof R & string; label: string }[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { stage } = props;
  return (
    <>
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
            <SimpleGrid cols={{ base: 2, sm: 4 + (props.extra?.length ?? 0) }} mt="xs">
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
              {props.extra?.map((x) => (
                <div key={x.key}>
                  <Text size="xs" c="dimmed">
                    {x.label}
                  </Text>
                  <Text fw={700} fz="xl">
                    {formatNumber(Number(stage.result[x.key] ?? 0), lang)}
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
          {stage.issues.length > 0 && <ImportIssues issues={stage.issues} />}
        </Stack>
      )}
    </>
  );
}

export function ImportIssues({ issues }: { issues: Issue[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Paper p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} fz="lg" mb="sm">
        {t('imp.errors')} ({formatNumber(issues.length, lang)})
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
            {issues.map((i, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues are a fixed list; a row can repeat a column
              <Table.Tr key={`${i.row}:${i.column}:${n}`}>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                  <span className="bt-phone-only">{t('imp.row')} </span>
                  {i.row ?? '–'}
                </Table.Td>
                <Table.Td>{i.column ? <Code>{i.column}</Code> : '–'}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {i.params?.value === undefined || i.params.value === '' ? '–' : String(i.params.value)}
                </Table.Td>
                <Table.Td>{issueText(t, i)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The CSV/XLSX picker and the submit button of every import form; choosing another file clears the result. */
/** The columns an import file must and may have, as code chips. */
export function ImportColumns({
  required,
  optional,
}: {
  required: readonly string[];
  optional: readonly string[];
}) {
  const { t } = useTranslation();
  const list = (cols: readonly string[]) => (cols.length ? cols.map((c) => <Code key={c}>{c}</Code>) : '–');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      {(
        [
          ['imp.required_columns', required],
          ['imp.optional_columns', optional],
        ] as const
      ).map(([label, cols]) => (
        <div key={label}>
          <Text size="xs" fw={600} c="dimmed" mb={4}>
            {t(label)}
          </Text>
          <Group gap={4}>{list(cols)}</Group>
        </div>
      ))}
    </SimpleGrid>
  );
}

export function ImportFileRow(props: {
  file: File | null;
  onFile: (f: File | null) => void;
  busy: boolean;
  mt?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="sm" mt={props.mt}>
      <FileInput
        label={t('imp.file')}
        placeholder={t('imp.file_placeholder')}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={props.file}
        onChange={props.onFile}
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        clearable
        disabled={props.busy}
        style={{ flex: '1 1 280px' }}
      />
      <Button
        type="submit"
        disabled={!props.file}
        loading={props.busy}
        leftSection={<IconUpload size={16} aria-hidden />}
      >
        {t('imp.submit')}
      </Button>
    </Group>
  );
}
