import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../api/auth.js';
import { QueryState } from '../components/query-state.js';
import { usePageTitle } from '../components/use-page-title.js';

/** The start page: a greeting for the signed-in person, an invitation to sign in otherwise. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  usePageTitle(t('home.title'));
  if (!session.data) return <QueryState query={session} />;

  const { account: user } = session.data;
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
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>{t('home.greeting', { name: user.displayName })}</Title>
      <Text>{t('home.signedInText')}</Text>
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
