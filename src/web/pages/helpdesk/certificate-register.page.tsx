import { Alert, Button, Group, Paper, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  normalizeCertificateKey,
  type RegisterCertificateResponse,
} from '../../../shared/contracts/helpdesk-certificates.js';
import { useRegisterCertificate } from '../../api/certificates.js';
import { ApiError } from '../../api/client.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { formatCalendarDate } from './helpdesk-format.js';
import { levelName } from './certificates.page.js';

const KNOWN_ERRORS = ['certificate_not_found', 'certificate_expired', 'certificate_taken'];

/** «Будет проверен как: KB20260001» when the pasted text differs from what is compared. */
function NormalizedHint({ raw }: { raw: string }) {
  const { t } = useTranslation();
  const normalized = normalizeCertificateKey(raw);
  if (!normalized || normalized === raw.trim()) return null;
  return (
    <Text size="xs" c="dimmed" aria-live="polite">
      {t('helpdesk.register.normalized', { value: normalized })}
    </Text>
  );
}

function Done({ result }: { result: RegisterCertificateResponse }) {
  const { t, i18n } = useTranslation();
  const { certificate } = result;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={2} size="h3" tabIndex={-1} ref={heading}>
        {result.alreadyRegistered
          ? t('helpdesk.register.alreadyTitle')
          : t('helpdesk.register.doneTitle')}
      </Title>
      <Text>
        {t('helpdesk.register.doneText', {
          product: certificate.product,
          level: levelName(certificate, i18n.language),
          validTo: formatCalendarDate(certificate.validTo, i18n.language),
        })}
      </Text>
      <Group>
        <Button component={Link} to="/certificates">
          {t('helpdesk.register.toList')}
        </Button>
        <Button component={Link} to="/tickets/new" variant="default">
          {t('helpdesk.register.fileTicket')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The short wizard: serial number → activation code → a clear result or reason. */
export function CertificateRegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('helpdesk.register.title'));
  const register = useRegisterCertificate();
  const [step, setStep] = useState(0);
  const [serial, setSerial] = useState('');
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const serialInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  // Each step starts with its field focused, so a keyboard user goes straight on.
  useEffect(() => {
    if (step === 0) serialInput.current?.focus();
    if (step === 1) codeInput.current?.focus();
  }, [step]);

  const nextStep = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!normalizeCertificateKey(serial)) {
      setMissing(true);
      serialInput.current?.focus();
      return;
    }
    setMissing(false);
    register.reset();
    setStep(1);
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (register.isPending) return;
    if (!normalizeCertificateKey(code)) {
      setMissing(true);
      codeInput.current?.focus();
      return;
    }
    setMissing(false);
    register.mutate(
      { serial: normalizeCertificateKey(serial), activationCode: normalizeCertificateKey(code) },
      {
        onSuccess: () => {
          setStep(2);
        },
        onError: () => codeInput.current?.focus(),
      },
    );
  };

  const error = register.error instanceof ApiError ? register.error : null;
  const reason = !error
    ? null
    : KNOWN_ERRORS.includes(error.code)
      ? t(`helpdesk.register.errors.${error.code as 'certificate_not_found'}`)
      : error.code === 'certificate_attempts_exceeded' || error.code === 'rate_limited'
        ? error.retryAfterSeconds
          ? t('helpdesk.register.errors.too_many_attempts', {
              minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)),
            })
          : t('helpdesk.register.errors.too_many_attempts_later')
        : error.message;

  return (
    <Paper maw={620} p={{ base: 'md', xs: 'lg' }} withBorder>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('helpdesk.register.title')}
        </Title>
        <Stepper active={step} size="sm" aria-label={t('helpdesk.register.steps')}>
          <Stepper.Step label={t('helpdesk.register.stepSerial')}>
            <form onSubmit={nextStep} noValidate>
              <Stack gap="sm" mt="md">
                <TextInput
                  ref={serialInput}
                  name="serial"
                  label={t('helpdesk.register.serial')}
                  description={t('helpdesk.register.serialHint')}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={100}
                  required
                  value={serial}
                  error={missing && step === 0 ? t('helpdesk.register.required') : undefined}
                  onChange={(event) => {
                    setSerial(event.currentTarget.value);
                  }}
                />
                <NormalizedHint raw={serial} />
                <Group>
                  <Button type="submit">{t('helpdesk.register.next')}</Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>
          <Stepper.Step label={t('helpdesk.register.stepCode')}>
            <form onSubmit={submit} noValidate>
              <Stack gap="sm" mt="md">
                <Text size="sm">
                  {t('helpdesk.register.serial')}: <b>{normalizeCertificateKey(serial)}</b>
                </Text>
                <TextInput
                  ref={codeInput}
                  name="activationCode"
                  label={t('helpdesk.register.code')}
                  description={t('helpdesk.register.codeHint')}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={100}
                  required
                  value={code}
                  error={missing && step === 1 ? t('helpdesk.register.required') : undefined}
                  onChange={(event) => {
                    setCode(event.currentTarget.value);
                  }}
                />
                <NormalizedHint raw={code} />
                {reason && (
                  <Alert color="red" variant="light" role="alert">
                    {reason}
                  </Alert>
                )}
                <Group>
                  <Button
                    variant="default"
                    onClick={() => {
                      register.reset();
                      setStep(0);
                    }}
                  >
                    {t('helpdesk.register.back')}
                  </Button>
                  <Button type="submit" loading={register.isPending}>
                    {t('helpdesk.register.submit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>
          <Stepper.Completed>
            {register.data && (
              <Stack mt="md">
                <Done result={register.data} />
              </Stack>
            )}
          </Stepper.Completed>
        </Stepper>
      </Stack>
    </Paper>
  );
}
