import { Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PRODUCT_COLUMNS,
  REPORT_COLUMNS,
  TARGET_COLUMNS,
  WEIGHT_COLUMNS,
} from '../../../contracts/statistics';
import { ImportColumns, ImportFileRow, ImportStatus, useImportJob } from '../../ui/import-upload';
import { PageHeader, usePageTitle } from '../../ui/page';
import { IMPORT_KINDS, type ImportKind, type StatImportResult, statisticsApi } from './api';

const COLUMNS: Record<ImportKind, { required: readonly string[]; optional: readonly string[] }> = {
  reports: REPORT_COLUMNS,
  products: PRODUCT_COLUMNS,
  weights: WEIGHT_COLUMNS,
  targets: TARGET_COLUMNS,
};

/** reports / products / weights / targets (.csv or .xlsx), all or nothing, with progress and every error. */
export function StatisticsImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('st.imp.title'));
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('reports');
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const { stage, busy, run, reset } = useImportJob<StatImportResult>();
  const cols = COLUMNS[kind];
  const narrow = useMediaQuery('(max-width: 48em)');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    if (await run(file, statisticsApi.import(kind, reason.trim() || undefined)))
      void queryClient.invalidateQueries({ queryKey: ['stats'] });
  }

  return (
    <>
      <PageHeader title={t('st.imp.title')} />
      <Stack gap="md">
        <Paper p={{ base: 'sm', sm: 'lg' }}>
          <form onSubmit={submit}>
            <Stack gap="md">
              <div>
                <Text size="sm" fw={500} mb={4} id="st-imp-kind">
                  {t('st.imp.kind')}
                </Text>
                <SegmentedControl
                  aria-labelledby="st-imp-kind"
                  value={kind}
                  onChange={(v) => {
                    setKind(v as ImportKind);
                    reset();
                  }}
                  data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`st.imp.kind.${k}`) }))}
                  orientation={narrow ? 'vertical' : 'horizontal'}
                  fullWidth
                  disabled={busy}
                />
              </div>
              <Text size="sm">{t('st.imp.intro')}</Text>
              <ImportColumns required={cols.required} optional={cols.optional} />
              {kind === 'reports' && (
                <TextInput
                  label={t('st.imp.reason')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  maxLength={1000}
                  disabled={busy}
                />
              )}
              <ImportFileRow
                file={file}
                onFile={(f) => {
                  setFile(f);
                  reset();
                }}
                busy={busy}
              />
            </Stack>
          </form>
        </Paper>
        <ImportStatus
          stage={stage}
          extra={kind === 'reports' ? [{ key: 'warnings', label: t('st.imp.warnings') }] : undefined}
        />
      </Stack>
    </>
  );
}
