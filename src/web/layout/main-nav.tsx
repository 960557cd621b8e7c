import { Divider, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, useLocation } from 'react-router';
import { useCabinetNavItems } from '../pages/cabinet/cabinet-nav.js';

interface NavItem {
  to: string;
  label: string;
  /** Active only on this exact path (not on nested ones). */
  end?: boolean;
}

/** Props of MainNav. */
interface MainNavProps {
  /** Shows the staff console section. */
  showConsole: boolean;
}

function NavItems({ items }: { items: NavItem[] }) {
  const { pathname } = useLocation();
  return (
    <>
      {items.map((item) => {
        const active = matchPath({ path: item.to, end: item.end ?? false }, pathname) !== null;
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={active}
            aria-current={active ? 'page' : undefined}
            variant="light"
          />
        );
      })}
    </>
  );
}

/** The portal's navigation; the console section appears only for staff. */
export function MainNav({ showConsole }: MainNavProps) {
  const { t } = useTranslation();
  const portal: NavItem[] = [
    { to: '/', label: t('nav.home'), end: true },
    // Schedule, visits, subscriptions, balance: only for an account that sees students.
    ...useCabinetNavItems(),
    { to: '/payments', label: t('nav.payments') },
    { to: '/tickets', label: t('nav.tickets') },
    { to: '/certificates', label: t('nav.certificates') },
    { to: '/kb', label: t('nav.kb') },
  ];
  const staff: NavItem[] = [
    { to: '/console', label: t('nav.consoleOverview'), end: true },
    { to: '/console/students', label: t('nav.classesStudents') },
    { to: '/console/groups', label: t('nav.classesGroups') },
    { to: '/console/schedule', label: t('nav.classesSchedule') },
    { to: '/console/attendance', label: t('nav.classesAttendance') },
    { to: '/console/subscriptions', label: t('nav.classesSubscriptionSales') },
    { to: '/console/debts', label: t('nav.classesDebts') },
    { to: '/console/payments', label: t('nav.payments') },
    { to: '/console/subscription-types', label: t('nav.classesSubscriptionTypes') },
    { to: '/console/tickets', label: t('nav.helpdeskQueue') },
    { to: '/console/certificates', label: t('nav.helpdeskCertificates') },
    { to: '/console/kb', label: t('nav.kbArticles') },
    { to: '/console/helpdesk-settings', label: t('nav.helpdeskSettings') },
    { to: '/console/calendar', label: t('nav.calendar') },
    { to: '/console/outbox', label: t('nav.outbox') },
    { to: '/console/sms', label: t('nav.sms') },
    { to: '/console/notifications', label: t('nav.notifications') },
    { to: '/console/accounts', label: t('nav.accounts') },
    { to: '/console/recovery', label: t('nav.recovery') },
    { to: '/console/settings', label: t('nav.orgSettings') },
    { to: '/console/jobs', label: t('nav.jobs') },
  ];
  return (
    <Stack gap={4}>
      <NavItems items={portal} />
      {showConsole && (
        <>
          <Divider my="sm" />
          <Text
            component="h2"
            id="console-nav-heading"
            size="xs"
            fw={700}
            tt="uppercase"
            c="dimmed"
            px="sm"
            mb={4}
          >
            {t('nav.console')}
          </Text>
          <Stack gap={4} role="group" aria-labelledby="console-nav-heading">
            <NavItems items={staff} />
          </Stack>
        </>
      )}
    </Stack>
  );
}
