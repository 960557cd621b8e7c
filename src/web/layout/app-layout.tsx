import { Alert, AppShell, Burger, CloseButton, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useSignOut } from '../api/auth.js';
import { clearAuthNotice, useAuthNotice } from '../auth/auth-notice.js';
import { BlockedScreen } from '../components/blocked-screen.js';
import { LanguageMenu } from './language-menu.js';
import { MainNav } from './main-nav.js';
import { OfflineNotice } from './offline-notice.js';
import { ProfileMenu } from './profile-menu.js';

/** The page frame: header (burger, brand, language, profile), navigation and main area. */
export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);

  const user = session.data?.account ?? null;
  const notice = useAuthNotice();

  // Blocked, whether told at sign-in or by a session that was open when the block began.
  const leaveBlockedScreen = () => {
    clearAuthNotice();
    if (session.isError) {
      // The blocked session keeps its cookie; signing out drops it so the form works again.
      signOut.mutate(undefined, { onSettled: () => void navigate('/signin') });
    } else {
      void navigate('/signin');
    }
  };

  // After a client-side navigation: close the mobile menu and move focus to the new
  // content, so keyboard and screen-reader users are not left on the old link.
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    nav.close();
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname, nav]);

  const handleSignOut = () => {
    signOut.mutate(undefined, {
      onSuccess: () => {
        void navigate('/signin');
      },
    });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={navOpened}
              aria-controls="main-navigation"
            />
            <Text component={Link} to="/" className="brand" size="lg" truncate>
              {session.data?.organization.name ?? t('app.name')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageMenu />
            {session.data && (
              <ProfileMenu user={user} onSignOut={handleSignOut} signingOut={signOut.isPending} />
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        id="main-navigation"
        component="nav"
        aria-label={t('nav.label')}
        p="sm"
        className="app-navbar"
        data-opened={navOpened || undefined}
      >
        <MainNav showConsole={user?.staffRole != null} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} ref={mainRef}>
        <OfflineNotice />
        {signOut.isError && (
          <Alert color="red" variant="light" mb="md" role="alert" withCloseButton={false}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm">
                {t('profile.signOutFailed', { message: signOut.error.message })}
              </Text>
              <CloseButton
                aria-label={t('app.close')}
                onClick={() => {
                  signOut.reset();
                }}
              />
            </Group>
          </Alert>
        )}
        {notice?.kind === 'account_blocked' ? (
          <BlockedScreen details={notice.details} onBack={leaveBlockedScreen} />
        ) : (
          <Outlet />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
