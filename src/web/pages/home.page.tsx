import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../api/auth.js';
import { useMyStudents } from '../api/cabinet.js';
import { QueryState } from '../components/query-state.js';
import { usePageTitle } from '../components/use-page-title.js';
import { CabinetHome } from './cabinet/cabinet-home.js';

/**
 * The start page: a greeting for the signed-in person — with the cabinet's home (the chosen
 * student's blocks) when the account sees students — and an invitation to sign in otherwise.
 */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.account ?? null;
  const students = useMyStudents({ enabled: user !== null });
  usePageTitle(t('home.title'));
  if (!session.data) return <QueryState query={session} />;

  if (!user) {
    return (
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t('home.guestTitle')}</Title>
        <Text>{t('home.guestText')}</Text>
        <Button component={Link} to="/signin">
          {t('profile.signIn')}
        </Button>
      </Stack>
    );
  }
  // A failed or slow student list must not hide the greeting: the cabinet part shows its own state.
  const seesStudents = (students.data?.students.length ?? 0) > 0;
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>{t('home.greeting', { name: user.displayName })}</Title>
      {seesStudents ? <CabinetHome /> : <Text>{t('home.signedInText')}</Text>}
      {user.staffRole !== null && (
        <>
          <Text>{t('home.staffText')}</Text>
          <Button component={Link} to="/console" variant="light">
            {t('home.toConsole')}
          </Button>
        </>
      )}
    </Stack>
  );
}
