import { Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTERPRISE_COLUMNS } from '../../../contracts/enterprises';
import { api } from '../../lib/api';
import { ImportColumns, ImportFileRow, ImportStatus, useImportJob } from '../../ui/import-upload';
import { PageHeader, usePageTitle } from '../../ui/page';
import { BackToList } from './detail-page';

export function EnterpriseImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('imp.title'));
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const { stage, busy, run, reset } = useImportJob();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    if (await run(file, api.enterprises.import))
      void queryClient.invalidateQueries({ queryKey: ['enterprises'] });
  }

  return (
    <>
      <PageHeader before={<BackToList />} title={t('imp.title')} />
      <Stack gap="md">
        <Paper p={{ base: 'sm', sm: 'lg' }}>
          <Text size="sm" mb="sm">
            {t('imp.intro')}
          </Text>
          <ImportColumns required={ENTERPRISE_COLUMNS.required} optional={ENTERPRISE_COLUMNS.optional} />
          <form onSubmit={submit}>
            <ImportFileRow
              file={file}
              onFile={(f) => {
                setFile(f);
                reset();
              }}
              busy={busy}
              mt="lg"
            />
          </form>
        </Paper>

        <ImportStatus stage={stage} />
      </Stack>
    </>
  );
}
