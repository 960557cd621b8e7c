import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BLOCK_REASONS } from '../../shared/block-reasons.js';
import type { AccountBlockedDetails } from '../../shared/contracts/auth.js';
import { currentLocale } from '../i18n/index.js';
import { formatOrganizationDateTime } from './format.js';
import { SupportContacts } from './support-contacts.js';
import { usePageTitle } from './use-page-title.js';

/** Props of BlockedScreen. */
interface BlockedScreenProps {
  details: AccountBlockedDetails;
  /** Back to the sign-in form (forgets the blocked notice). */
  onBack: () => void;
}

/**
 * Why the person cannot sign in: every reason with what to do, when it ends, the login to
 * quote to support and how to reach support. Shown only after the right password.
 */
export function BlockedScreen({ details, onBack }: BlockedScreenProps) {
  const { t } = useTranslation();
  usePageTitle(t('blocked.title'));
  const locale = currentLocale();
  const lockedOut = details.reasons.some((reason) => reason.code === 'too_many_failed_attempts');
  return (
    <Paper maw={560} mx="auto" mt="lg" p="lg" withBorder>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('blocked.title')}
        </Title>
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {details.reasons.map((reason) => {
            const text = BLOCK_REASONS[reason.code][locale];
            return (
              <Alert
                key={reason.code}
                component="li"
                color="orange"
                variant="light"
                title={text.title}
                data-reason={reason.code}
              >
                <Stack gap={4}>
                  {reason.until && (
                    <Text size="sm" fw={500}>
                      {t('blocked.until', {
                        date: formatOrganizationDateTime(reason.until, locale),
                      })}
                    </Text>
                  )}
                  <Text size="sm">{text.advice}</Text>
                </Stack>
              </Alert>
            );
          })}
        </Stack>
        <Stack gap={4}>
          <Text fw={500}>{t('blocked.yourLogin')}</Text>
          <Group gap="xs">
            <Code fz="md">{details.login}</Code>
            <CopyButton value={details.login}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="subtle" onClick={copy}>
                  {copied ? t('blocked.copied') : t('blocked.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            {t('blocked.quoteLogin')}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('blocked.support')}
          </Title>
          <SupportContacts email={details.support.email} phone={details.support.phone} />
        </Stack>
        <Group>
          <Button variant="default" onClick={onBack}>
            {t('blocked.back')}
          </Button>
          {lockedOut && (
            <Button component={Link} to="/forgot-password" variant="light" onClick={onBack}>
              {t('signIn.forgot')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
