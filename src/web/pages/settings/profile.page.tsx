import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPersonalCode } from '../../../shared/login.js';
import { useSetAccountLocale } from '../../api/account.js';
import { useSession } from '../../api/auth.js';
import { formatOrganizationDateTime } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { changeLocale, currentLocale } from '../../i18n/index.js';
import { ContactChange } from './contact-change.js';

function Row({ label, value, action }: { label: string; value: string; action?: React.ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
      <Stack gap={0} miw={0}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text style={{ overflowWrap: 'anywhere' }}>{value}</Text>
      </Stack>
      {action}
    </Group>
  );
}

/** Settings → Профиль: contacts (changed without losing anything), personal code, language. */
export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.profile'));
  const session = useSession();
  const setLocale = useSetAccountLocale();
  const [editing, setEditing] = useState<'email' | 'phone' | null>(null);
  if (!session.data?.account) return <QueryState query={session} />;
  const { account } = session.data;
  const locale = currentLocale();

  const editButton = (kind: 'email' | 'phone') =>
    editing === kind ? null : (
      <Button
        size="xs"
        variant="default"
        onClick={() => {
          setEditing(kind);
        }}
      >
        {kind === 'email' ? t('profilePage.changeEmail') : t('profilePage.changePhone')}
      </Button>
    );

  return (
    <Paper maw={620} p={{ base: 'md', xs: 'lg' }} withBorder>
      <Stack gap="md">
        <Title order={2}>{account.displayName}</Title>
        <Row
          label={t('profilePage.email')}
          value={account.email ?? '—'}
          action={editButton('email')}
        />
        {editing === 'email' && (
          <ContactChange
            kind="email"
            onDone={() => {
              setEditing(null);
            }}
          />
        )}
        <Row
          label={t('profilePage.phone')}
          value={account.phone ?? '—'}
          action={editButton('phone')}
        />
        {editing === 'phone' && (
          <ContactChange
            kind="phone"
            onDone={() => {
              setEditing(null);
            }}
          />
        )}
        {account.personalCode && (
          <Row
            label={t('profilePage.personalCode')}
            value={formatPersonalCode(account.personalCode)}
          />
        )}
        {account.accessValidUntil && (
          <Row
            label={t('profilePage.accessUntil')}
            value={formatOrganizationDateTime(account.accessValidUntil, locale)}
          />
        )}
        <Stack gap={4}>
          <Text size="sm" c="dimmed" id="profile-language">
            {t('profilePage.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="profile-language"
            value={account.locale}
            data={[
              { value: 'ru', label: t('language.ru') },
              { value: 'en', label: t('language.en') },
            ]}
            onChange={(value) => {
              const next = value;
              setLocale.mutate(next, { onSuccess: () => void changeLocale(next) });
            }}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
      </Stack>
    </Paper>
  );
}
