import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingFactory2,
  IconBulb,
  IconCalendarStats,
  IconChartBar,
  IconChevronDown,
  IconFileText,
  IconFileUpload,
  IconKey,
  IconLayoutDashboard,
  IconListCheck,
  IconLogout,
  IconShieldLock,
  IconTable,
  IconTablePlus,
  IconUserCircle,
  IconUsers,
  IconWorld,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaff } from '../../contracts/roles';
import { tx as extText } from '../features/extension/strings';
import { canEnterReports, canSeeStatistics, isStatistician } from '../features/statistics/api';
import { api, setCsrfToken } from '../lib/api';
import { can, demoDataQuery, useHomePlace, useMe } from '../lib/session';
import { setLang, useLang } from './i18n';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts.at(-2)?.[0] ?? '') + (parts.at(-1)?.[0] ?? '')).toUpperCase();
}

export function LanguageSwitch({ onDark = false }: { onDark?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.label')}
      value={lang}
      onChange={(v) => setLang(v === 'en' ? 'en' : 'vi')}
      data={[
        { value: 'vi', label: <span title={t('lang.vi')}>VI</span> },
        { value: 'en', label: <span title={t('lang.en')}>EN</span> },
      ]}
      styles={
        onDark
          ? {
              root: { background: 'rgba(255,255,255,0.12)' },
              label: { color: 'rgba(255,255,255,0.85)' },
            }
          : undefined
      }
      color={onDark ? 'ochre' : undefined}
    />
  );
}

function NavItem(props: {
  to: string;
  label: string;
  icon: ReactNode;
  active: boolean;
  onClick: () => void;
}) {
  return (
    <NavLink
      // The router's own "active" marking is prefix-based (/enterprises is active on /enterprises/import);
      // the layout decides which entry is current.
      renderRoot={(p) => (
        <Link to={props.to} activeProps={{ className: '' }} activeOptions={{ exact: true }} {...p} />
      )}
      label={props.label}
      leftSection={props.icon}
      active={props.active}
      onClick={props.onClick}
      variant="light"
      style={{ borderRadius: 8 }}
    />
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const role = me.user.role;
  const navLang = useLang();
  const place = useHomePlace(navLang);
  // Said on every page only while the registry holds the demo's records.
  const { data: demoData } = useQuery(demoDataQuery);

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the phone navbar whenever the page changes
  useEffect(() => {
    close();
  }, [pathname, close]);

  async function signOut() {
    try {
      await api.auth.logout();
    } finally {
      // Leave the signed-in layout first: it must not render again without a session.
      await navigate({ to: '/login' });
      setCsrfToken(null);
      queryClient.setQueryData(['me'], null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    }
  }

  const onEnterprises = pathname.startsWith('/enterprises') && pathname !== '/enterprises/import';

  return (
    <>
      <a href="#main" className="bt-skip">
        {t('app.skip')}
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header className="bt-header" withBorder={false}>
          <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                color="white"
                aria-label={opened ? t('nav.close') : t('nav.open')}
                aria-expanded={opened}
                aria-controls="bt-navbar"
              />
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none', minWidth: 0 }}>
                <Group gap={10} wrap="nowrap">
                  <span className="bt-brand-mark" aria-hidden>
                    BT
                  </span>
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text fw={700} fz={17} lh={1.2} c="white">
                      {t('app.name')}
                    </Text>
                    <Text fz={12} lh={1.2} c="rgba(255,255,255,0.75)" truncate visibleFrom="xs">
                      {t('app.org', { place })}
                    </Text>
                  </Stack>
                </Group>
              </Link>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch onDark />
              <Menu position="bottom-end" width={240} shadow="md">
                <Menu.Target>
                  <UnstyledButton
                    aria-label={t('account.menu', { name: me.user.name })}
                    style={{ color: 'white', borderRadius: 8, padding: '4px 6px' }}
                  >
                    <Group gap={8} wrap="nowrap">
                      <Avatar size={32} radius="xl" color="ochre" variant="filled" aria-hidden>
                        {initials(me.user.name)}
                      </Avatar>
                      <Box visibleFrom="md" style={{ lineHeight: 1.15 }}>
                        <Text fz={14} fw={600} c="white">
                          {me.user.name}
                        </Text>
                        <Text fz={12} c="rgba(255,255,255,0.75)">
                          {t(`role.${role}`)}
                        </Text>
                      </Box>
                      <IconChevronDown size={16} aria-hidden />
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{me.user.email}</Menu.Label>
                  <Menu.Item
                    leftSection={<IconKey size={16} aria-hidden />}
                    renderRoot={(p) => <Link to="/account" hash="password" {...p} />}
                  >
                    {t('account.change_password')}
                  </Menu.Item>
                  <Menu.Item
                    leftSection={<IconShieldLock size={16} aria-hidden />}
                    renderRoot={(p) => <Link to="/account" hash="sessions" {...p} />}
                  >
                    {t('account.sessions')}
                  </Menu.Item>
                  <Menu.Divider />
                  <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut}>
                    {t('account.sign_out')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar id="bt-navbar" p="sm" aria-label={t('nav.main')} component="nav">
          <AppShell.Section grow component={ScrollArea}>
            <Stack gap={4}>
              {isStaff(role) && (
                <>
                  <Text size="xs" c="dimmed" fw={600} px="sm" pt="xs" pb={4} className="bt-nav-section">
                    {t('nav.statistics')}
                  </Text>
                  <NavItem
                    to="/dashboard"
                    label={t('nav.dashboard')}
                    icon={<IconLayoutDashboard size={18} aria-hidden />}
                    active={pathname === '/dashboard'}
                    onClick={close}
                  />
                  <NavItem
                    to="/explorer"
                    label={t('nav.explorer')}
                    icon={<IconChartBar size={18} aria-hidden />}
                    active={pathname === '/explorer'}
                    onClick={close}
                  />
                  <NavItem
                    to="/reports"
                    label={t('nav.reports')}
                    icon={<IconFileText size={18} aria-hidden />}
                    active={pathname.startsWith('/reports')}
                    onClick={close}
                  />
                </>
              )}
              {(canSeeStatistics(role) || role === 'enterprise') && (
                <>
                  <Text size="xs" c="dimmed" fw={600} px="sm" pt="xs" pb={4} className="bt-nav-section">
                    {t('nav.stats')}
                  </Text>
                  {canEnterReports(role) && (
                    <NavItem
                      to="/statistics/entry"
                      label={t('nav.stats.entry')}
                      icon={<IconTablePlus size={18} aria-hidden />}
                      active={pathname === '/statistics/entry'}
                      onClick={close}
                    />
                  )}
                  {isStatistician(role) && (
                    <>
                      <NavItem
                        to="/statistics/import"
                        label={t('nav.stats.import')}
                        icon={<IconFileUpload size={18} aria-hidden />}
                        active={pathname === '/statistics/import'}
                        onClick={close}
                      />
                      <NavItem
                        to="/statistics/queue"
                        label={t('nav.stats.queue')}
                        icon={<IconListCheck size={18} aria-hidden />}
                        active={pathname === '/statistics/queue'}
                        onClick={close}
                      />
                    </>
                  )}
                  {canSeeStatistics(role) && (
                    <>
                      <NavItem
                        to="/statistics/periods"
                        label={t('nav.stats.periods')}
                        icon={<IconCalendarStats size={18} aria-hidden />}
                        active={pathname === '/statistics/periods'}
                        onClick={close}
                      />
                      <NavItem
                        to="/statistics/indicators"
                        label={t('nav.stats.indicators')}
                        icon={<IconTable size={18} aria-hidden />}
                        active={pathname === '/statistics/indicators'}
                        onClick={close}
                      />
                    </>
                  )}
                </>
              )}
              <NavItem
                to="/open"
                label={t('nav.open_data')}
                icon={<IconWorld size={18} aria-hidden />}
                active={false}
                onClick={close}
              />
              {can.readEnterprises(role) && (
                <>
                  <Text size="xs" c="dimmed" fw={600} px="sm" pt="xs" pb={4} className="bt-nav-section">
                    {t('nav.enterprises')}
                  </Text>
                  <NavItem
                    to="/enterprises"
                    label={t('nav.enterprises.list')}
                    icon={<IconBuildingFactory2 size={18} aria-hidden />}
                    active={onEnterprises}
                    onClick={close}
                  />
                  {can.importEnterprises(role) && (
                    <NavItem
                      to="/enterprises/import"
                      label={t('nav.enterprises.import')}
                      icon={<IconFileUpload size={18} aria-hidden />}
                      active={pathname === '/enterprises/import'}
                      onClick={close}
                    />
                  )}
                </>
              )}
              {role !== 'bank' && (
                <>
                  <Text size="xs" c="dimmed" fw={600} px="sm" pt="md" pb={4} className="bt-nav-section">
                    {extText(navLang, 'title')}
                  </Text>
                  {role === 'enterprise' ? (
                    <NavItem
                      to="/extension/portal"
                      label={extText(navLang, 'portal')}
                      icon={<IconBulb size={18} aria-hidden />}
                      active={pathname.startsWith('/extension')}
                      onClick={close}
                    />
                  ) : (
                    <>
                      <NavItem
                        to="/extension"
                        label={extText(navLang, 'schemes')}
                        icon={<IconBulb size={18} aria-hidden />}
                        active={pathname === '/extension' || pathname.startsWith('/extension/schemes')}
                        onClick={close}
                      />
                      <NavItem
                        to="/extension/plans"
                        label={extText(navLang, 'plans')}
                        icon={<IconBulb size={18} aria-hidden />}
                        active={pathname === '/extension/plans'}
                        onClick={close}
                      />
                    </>
                  )}
                </>
              )}
              {can.manageUsers(role) && (
                <>
                  <Text size="xs" c="dimmed" fw={600} px="sm" pt="md" pb={4} className="bt-nav-section">
                    {t('nav.users')}
                  </Text>
                  <NavItem
                    to="/users"
                    label={t('nav.users')}
                    icon={<IconUsers size={18} aria-hidden />}
                    active={pathname.startsWith('/users')}
                    onClick={close}
                  />
                </>
              )}
              <Text size="xs" c="dimmed" fw={600} px="sm" pt="md" pb={4} className="bt-nav-section">
                {t('nav.account')}
              </Text>
              <NavItem
                to="/account"
                label={t('account.title')}
                icon={<IconUserCircle size={18} aria-hidden />}
                active={pathname === '/account'}
                onClick={close}
              />
            </Stack>
          </AppShell.Section>
          {demoData?.present && (
            <AppShell.Section>
              <Text size="xs" c="dimmed" px="sm" py="xs">
                {t('app.demo_footer')}
              </Text>
            </AppShell.Section>
          )}
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1}>
          <Box maw={1280} mx="auto">
            <Outlet />
          </Box>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
