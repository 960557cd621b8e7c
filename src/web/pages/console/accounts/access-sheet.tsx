import { Button, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccessSheet } from '../../../../shared/contracts/staff-accounts.js';
import { formatOrganizationDateTime } from '../../../components/format.js';
import { currentLocale } from '../../../i18n/index.js';

/**
 * The printable access sheet for in-person handover: the login and a one-time activation
 * code (never a password). Only the sheet is printed (see `.print-only` in styles.css).
 */
export function AccessSheetView({ sheet }: { sheet: AccessSheet }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap="sm">
      <Paper p="lg" withBorder className="access-sheet">
        <Stack gap="sm">
          <Title order={2}>{sheet.organizationName}</Title>
          <Text>{t('accessSheet.for', { name: sheet.displayName })}</Text>
          {sheet.personalCode ? (
            <Text>
              {t('accessSheet.personalCode')}:{' '}
              <Code fz="lg" data-testid="sheet-personal-code">
                {sheet.personalCode}
              </Code>
            </Text>
          ) : null}
          {sheet.login !== sheet.personalCode && (
            <Text>
              {t('accessSheet.login')}: <Code fz="lg">{sheet.login}</Code>
            </Text>
          )}
          <Text>
            {t('accessSheet.code')}:{' '}
            <Code fz="lg" data-testid="sheet-activation-code">
              {sheet.activationCode}
            </Code>
          </Text>
          <Text>{t('accessSheet.how', { url: sheet.activationUrl })}</Text>
          <Text size="sm">
            {t('accessSheet.expires', {
              date: formatOrganizationDateTime(sheet.expiresAt, locale),
            })}
          </Text>
        </Stack>
      </Paper>
      <Button
        variant="default"
        onClick={() => {
          window.print();
        }}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('accessSheet.print')}
      </Button>
    </Stack>
  );
}
