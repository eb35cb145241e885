import { Alert, Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconMapOff } from '@tabler/icons-react';
import { type ErrorComponentProps, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center py={60}>
      <Stack align="center" gap="sm" maw={460} ta="center">
        <IconMapOff size={48} stroke={1.4} aria-hidden color="var(--mantine-color-navy-6)" />
        <Title order={1} fz={24}>
          {t('common.not_found_title')}
        </Title>
        <Text c="dimmed">{t('common.not_found_text')}</Text>
        <Button renderRoot={(p) => <Link to="/" {...p} />} variant="light">
          {t('common.to_home')}
        </Button>
      </Stack>
    </Center>
  );
}

export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('common.error_title')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorText(t, error)}</Text>
        <Button size="xs" variant="white" color="red" onClick={reset}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
