import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/auth.js';
import { useMyStudents } from '../../api/cabinet.js';

/** A navigation entry of the cabinet (the shape of the main navigation's items). */
export interface CabinetNavItem {
  to: string;
  label: string;
}

/**
 * The cabinet's entries of the main navigation, only for an account that sees students:
 * everyone else (staff, help-desk customers) keeps the navigation they had.
 */
export function useCabinetNavItems(): CabinetNavItem[] {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = Boolean(session.data?.account);
  const students = useMyStudents({ enabled: signedIn });
  if (!signedIn || !students.data || students.data.students.length === 0) return [];
  return [
    { to: '/cabinet/schedule', label: t('cabinet.nav.schedule') },
    { to: '/cabinet/visits', label: t('cabinet.nav.visits') },
    { to: '/cabinet/subscriptions', label: t('cabinet.nav.subscriptions') },
    { to: '/cabinet/balance', label: t('cabinet.nav.balance') },
  ];
}
