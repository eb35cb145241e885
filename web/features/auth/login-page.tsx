import {
  Alert,
  Box,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../app/i18n';
import { LanguageSwitch } from '../../app/layout';
import { api, setCsrfToken } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { demoDataQuery, useHomePlace } from '../../lib/session';
import { usePageTitle } from '../../ui/page';

export function LoginPage() {
  const { t } = useTranslation();
  const place = useHomePlace(useLang());
  const demoData = useQuery(demoDataQuery);
  usePageTitle(t('login.title'));
  const search = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await api.auth.login(email, password);
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(['me'], me);
      await navigate({ to: search.redirect ?? '/' });
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  }

  return (
    <Box className="bt-login-bg" px="md" py={{ base: 'lg', sm: 60 }}>
      <Group justify="flex-end" maw={440} mx="auto" mb="md">
        <LanguageSwitch onDark />
      </Group>
      <Stack maw={440} mx="auto" gap="lg" component="main" id="main">
        <Group gap="sm" wrap="nowrap">
          <span className="bt-brand-mark" aria-hidden style={{ width: 48, height: 48, fontSize: 20 }}>
            BT
          </span>
          <div>
            <Text c="white" fw={700} fz={26} lh={1.15}>
              {t('app.name')}
            </Text>
            <Text c="rgba(255,255,255,0.8)" fz={14}>
              {t('app.org', { place })} · {t('app.tagline')}
            </Text>
          </div>
        </Group>
        <Paper p={{ base: 'lg', sm: 32 }} shadow="lg" withBorder={false} radius="lg">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <div>
                <Title order={1} fz={24}>
                  {t('login.title')}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {t('login.subtitle')}
                </Text>
              </div>
              {error && (
                <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" variant="light">
                  {error}
                </Alert>
              )}
              <TextInput
                label={t('login.email')}
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                size="md"
              />
              <PasswordInput
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                size="md"
              />
              <Button type="submit" size="md" loading={busy} fullWidth>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        {demoData.data?.present && (
          <Text c="rgba(255,255,255,0.8)" size="sm" ta="center">
            {t('login.demo')}
          </Text>
        )}
      </Stack>
    </Box>
  );
}
