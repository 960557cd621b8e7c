import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/auth.js';
import { QueryState } from './query-state.js';
import { usePageTitle } from './use-page-title.js';

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('errors.forbiddenTitle'));
  return (
    <Stack gap="sm">
      <Title order={1}>{t('errors.forbiddenTitle')}</Title>
      <Text>{t('errors.forbiddenText')}</Text>
    </Stack>
  );
}

/** Props of RequireAuth. */
interface RequireAuthProps {
  /** Also require a staff role (the console). */
  staff?: boolean;
}

/**
 * Guards nested routes: guests go to /signin?next=<where they were>, signed-in
 * customers get "no access" on staff pages. The server enforces the same rules;
 * this only spares people a page full of errors.
 */
export function RequireAuth({ staff = false }: RequireAuthProps) {
  const session = useSession();
  const location = useLocation();
  if (!session.data) return <QueryState query={session} />;
  const { account } = session.data;
  if (!account) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  if (staff && account.staffRole === null) return <Forbidden />;
  return <Outlet />;
}
