import { Alert, Anchor, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketFormResponse } from '../../../shared/contracts/helpdesk-tickets.js';
import { formatCalendarDate } from './helpdesk-format.js';

/** The «без сертификата» choice of the radio group. */
export const WITHOUT_CERTIFICATE = 'none';

/** Props of CertificateChoice. */
interface CertificateChoiceProps {
  form: TicketFormResponse;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/**
 * Which certificate the ticket goes under, and what that means: with none, the person is told
 * before sending that the ticket gets the minimum priority and the general queue.
 */
export function CertificateChoice({ form, value, onChange, error }: CertificateChoiceProps) {
  const { t, i18n } = useTranslation();
  const chosen = form.certificates.find((certificate) => certificate.id === value);
  const consequence = chosen
    ? { priority: chosen.priority, department: chosen.department.name }
    : {
        priority: form.withoutCertificate.priority,
        department: form.withoutCertificate.department.name,
      };
  return (
    <Stack gap="xs">
      <Radio.Group
        name="certificateId"
        label={t('helpdesk.form.certificate')}
        description={t('helpdesk.form.certificateHint')}
        value={value}
        onChange={onChange}
        error={error}
      >
        <Stack gap="xs" mt="xs">
          {form.certificates.map((certificate) => (
            <Radio
              key={certificate.id}
              value={certificate.id}
              label={t('helpdesk.form.certificateOption', {
                product: certificate.product,
                level: certificate.supportLevel.name,
                serial: certificate.serial,
                validTo: formatCalendarDate(certificate.validTo, i18n.language),
              })}
            />
          ))}
          <Radio value={WITHOUT_CERTIFICATE} label={t('helpdesk.form.withoutCertificate')} />
        </Stack>
      </Radio.Group>
      {form.certificates.length === 0 && (
        <Text size="sm">
          {t('helpdesk.form.noCertificatesYet')}{' '}
          <Anchor component={Link} to="/certificates/register">
            {t('helpdesk.form.registerCertificate')}
          </Anchor>
        </Text>
      )}
      {chosen ? (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('helpdesk.form.withNotice', {
            priority: t(`helpdesk.priority.${consequence.priority}`),
            department: consequence.department,
          })}
        </Text>
      ) : (
        <Alert
          color="yellow"
          variant="light"
          title={t('helpdesk.form.withoutNoticeTitle')}
          aria-live="polite"
        >
          {t('helpdesk.form.withoutNotice', {
            priority: t(`helpdesk.priority.${consequence.priority}`),
            department: consequence.department,
          })}
        </Alert>
      )}
    </Stack>
  );
}
