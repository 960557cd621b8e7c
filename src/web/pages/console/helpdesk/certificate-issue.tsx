import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueCertificateResponse } from '../../../../shared/contracts/helpdesk-certificates.js';
import { useHelpdeskSettings, useIssueCertificate } from '../../../api/helpdesk-staff.js';
import { currentLocale } from '../../../i18n/index.js';
import { CertificateSlip } from './certificate-slip.js';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function inAYear(): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() + 1);
  date.setDate(date.getDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** Issues one certificate; the activation code is shown once on success. */
export function CertificateIssue() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const settings = useHelpdeskSettings();
  const issue = useIssueCertificate();
  const [issued, setIssued] = useState<IssueCertificateResponse | null>(null);
  const [form, setForm] = useState({
    serial: '',
    product: '',
    level: '',
    validFrom: today(),
    validTo: inAYear(),
    customerName: '',
    activationCode: '',
  });
  const set = (field: keyof typeof form) => (value: string) => {
    setForm((old) => ({ ...old, [field]: value }));
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    issue.mutate(
      {
        serial: form.serial,
        product: form.product,
        level: form.level,
        validFrom: form.validFrom,
        validTo: form.validTo,
        ...(form.customerName.trim() ? { customerName: form.customerName } : {}),
        ...(form.activationCode.trim() ? { activationCode: form.activationCode } : {}),
      },
      { onSuccess: setIssued },
    );
  };

  if (issued) {
    return (
      <Stack gap="sm">
        <CertificateSlip issued={issued} />
        <Button
          variant="light"
          onClick={() => {
            setIssued(null);
            setForm((old) => ({ ...old, serial: '', activationCode: '', customerName: '' }));
          }}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('helpdeskConsole.certificates.issueAnother')}
        </Button>
      </Stack>
    );
  }
  const levels = (settings.data?.supportLevels ?? []).map((level) => ({
    value: level.code,
    label: `${locale === 'en' ? level.nameEn : level.nameRu} (${level.code})`,
  }));
  return (
    <form onSubmit={submit} aria-label={t('helpdeskConsole.certificates.issueTitle')}>
      <Stack gap="sm" maw={560}>
        <TextInput
          label={t('helpdeskConsole.certificates.serial')}
          required
          value={form.serial}
          onChange={(e) => {
            set('serial')(e.currentTarget.value);
          }}
        />
        <TextInput
          label={t('helpdeskConsole.certificates.product')}
          required
          value={form.product}
          onChange={(e) => {
            set('product')(e.currentTarget.value);
          }}
        />
        <Select
          label={t('helpdeskConsole.certificates.level')}
          required
          data={levels}
          value={form.level || null}
          onChange={(value) => {
            set('level')(value ?? '');
          }}
          nothingFoundMessage={t('helpdeskConsole.certificates.noLevels')}
        />
        <Group grow>
          <TextInput
            type="date"
            label={t('helpdeskConsole.certificates.validFrom')}
            required
            value={form.validFrom}
            onChange={(e) => {
              set('validFrom')(e.currentTarget.value);
            }}
          />
          <TextInput
            type="date"
            label={t('helpdeskConsole.certificates.validTo')}
            required
            value={form.validTo}
            onChange={(e) => {
              set('validTo')(e.currentTarget.value);
            }}
          />
        </Group>
        <TextInput
          label={t('helpdeskConsole.certificates.customerName')}
          value={form.customerName}
          onChange={(e) => {
            set('customerName')(e.currentTarget.value);
          }}
        />
        <TextInput
          label={t('helpdeskConsole.certificates.activationCode')}
          description={t('helpdeskConsole.certificates.activationCodeHint')}
          value={form.activationCode}
          onChange={(e) => {
            set('activationCode')(e.currentTarget.value);
          }}
        />
        {issue.isError && (
          <Alert color="red" role="alert">
            {issue.error.message}
          </Alert>
        )}
        <Button type="submit" loading={issue.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('helpdeskConsole.certificates.issue')}
        </Button>
      </Stack>
    </form>
  );
}
