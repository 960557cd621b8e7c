import { Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IssueCertificateResponse } from '../../../../shared/contracts/helpdesk-certificates.js';
import { currentLocale } from '../../../i18n/index.js';

// Printing the slip prints only the slip, not the console around it.
const PRINT_CSS = `@media print {
  body:has(.certificate-slip) * { visibility: hidden; }
  body:has(.certificate-slip) .certificate-slip,
  body:has(.certificate-slip) .certificate-slip * { visibility: visible; }
  .certificate-slip { position: absolute; inset: 0 auto auto 0; width: 100%; border: none; }
}`;

/**
 * The activation code of a just-issued certificate, shown this once, with a copy button and a
 * printable slip to hand to the customer.
 */
export function CertificateSlip({ issued }: { issued: IssueCertificateResponse }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { certificate, activationCode } = issued;
  const level = locale === 'en' ? certificate.level.nameEn : certificate.level.nameRu;
  return (
    <Stack gap="sm">
      <style>{PRINT_CSS}</style>
      <Text fw={600} role="status">
        {t('helpdeskConsole.certificates.issuedOnce')}
      </Text>
      <Group gap="xs">
        <Code fz="xl" data-testid="activation-code">
          {activationCode}
        </Code>
        <CopyButton value={activationCode}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="light" onClick={copy}>
              {copied ? t('helpdeskConsole.common.copied') : t('helpdeskConsole.common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Paper withBorder p="lg" className="certificate-slip">
        <Stack gap={6}>
          <Title order={2} size="h3">
            {t('helpdeskConsole.slip.title')}
          </Title>
          <Text>
            {t('helpdeskConsole.slip.product')}: <b>{certificate.product}</b>
          </Text>
          {certificate.customerName && (
            <Text>
              {t('helpdeskConsole.slip.customer')}: {certificate.customerName}
            </Text>
          )}
          <Text>
            {t('helpdeskConsole.slip.level')}: {level}
          </Text>
          <Text>
            {t('helpdeskConsole.slip.validity', {
              from: certificate.validFrom,
              to: certificate.validTo,
            })}
          </Text>
          <Text>
            {t('helpdeskConsole.slip.serial')}: <Code fz="lg">{certificate.serial}</Code>
          </Text>
          <Text>
            {t('helpdeskConsole.slip.code')}: <Code fz="lg">{activationCode}</Code>
          </Text>
          <Text size="sm">
            {t('helpdeskConsole.slip.how', { url: `${window.location.origin}/certificates` })}
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
        {t('helpdeskConsole.slip.print')}
      </Button>
    </Stack>
  );
}
