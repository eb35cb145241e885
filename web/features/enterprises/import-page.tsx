import { Code, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTERPRISE_COLUMNS } from '../../../contracts/enterprises';
import { api } from '../../lib/api';
import { ImportFileRow, ImportStatus, useImportJob } from '../../ui/import-upload';
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
