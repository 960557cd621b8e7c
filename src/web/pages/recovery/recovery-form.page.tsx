import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { ZRecoveryRequestFields } from '../../../shared/contracts/recovery.js';
import { ApiError } from '../../api/client.js';
import { useSubmitRecovery } from '../../api/recovery.js';
import { readFieldIssues, type FieldIssue } from '../../components/form-errors.js';
import { Captcha } from '../../components/captcha.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { minutesFrom } from './recovery-phone-code.js';

type Field = 'fullName' | 'knownLogin' | 'newEmail' | 'newPhone' | 'description';
const FIELDS: Field[] = ['fullName', 'knownLogin', 'newEmail', 'newPhone', 'description'];
const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';
const ZLimits = z.looseObject({
  maxMegabytes: z.number().optional(),
  maxFiles: z.number().optional(),
  fileName: z.string().optional(),
});

/** The public account-recovery request: who you are, a new contact, documents. */
export function RecoveryFormPage() {
  const { t } = useTranslation();
  usePageTitle(t('recovery.title'));
  const navigate = useNavigate();
  const submit = useSubmitRecovery();
  const [values, setValues] = useState<Record<Field, string>>({
    fullName: '',
    knownLogin: '',
    newEmail: '',
    newPhone: '',
    description: '',
  });
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field | 'documents', string>>>({});
  const [captcha, setCaptcha] = useState<string | null>(null);
  const [captchaKey, setCaptchaKey] = useState(0);

  const bind = (field: Field) => ({
    name: field,
    value: values[field],
    error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((old) => ({ ...old, [field]: value }));
    },
  });

  const fileError = (error: ApiError): string => {
    const limits = ZLimits.safeParse(error.details);
    const details = limits.success ? limits.data : {};
    if (error.code === 'file_too_large') {
      return t('recovery.fileTooLarge', { mb: details.maxMegabytes ?? '?' });
    }
    if (error.code === 'too_many_files')
      return t('recovery.tooManyFiles', { count: details.maxFiles ?? 0 });
    return t('recovery.fileType', { name: details.fileName ?? '' });
  };

  // Our own text per field; the contract's English messages never reach the person. "Neither
  // email nor phone" is the one custom issue, reported on `newEmail`.
  const fieldErrors = (issues: FieldIssue[]) => {
    const found: typeof errors = {};
    for (const issue of issues) {
      const field = issue.field as Field;
      if (!FIELDS.includes(field)) continue;
      found[field] ??=
        field === 'newEmail' && issue.code === 'custom'
          ? t('recovery.invalid.contactRequired')
          : t(`recovery.invalid.${field}`);
    }
    return found;
  };

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZRecoveryRequestFields.safeParse({ ...values, captcha: captcha ?? undefined });
    const found = parsed.success ? {} : fieldErrors(readFieldIssues(parsed.error.issues));
    if (files.length === 0) found.documents = t('recovery.documentsRequired');
    setErrors(found);
    const first = [...FIELDS, 'documents'].find((field) => found[field as Field]);
    if (first) {
      document.getElementsByName(first)[0]?.focus();
      return;
    }
    const form = new FormData();
    for (const field of FIELDS) if (values[field].trim()) form.append(field, values[field]);
    if (captcha) form.append('captcha', captcha);
    for (const file of files) form.append('documents', file, file.name);
    submit.mutate(form, {
      onSuccess: (result) => {
        const url = new URL(result.statusUrl, window.location.origin);
        void navigate(`${url.pathname}${url.search}`, { state: { justSent: result.number } });
      },
      onError: (error) => {
        setCaptcha(null);
        setCaptchaKey((key) => key + 1);
        if (!(error instanceof ApiError)) return;
        if (['file_too_large', 'too_many_files', 'file_type_not_allowed'].includes(error.code)) {
          setErrors({ documents: fileError(error) });
        } else if (error.code === 'validation_failed') {
          const fromServer = fieldErrors(readFieldIssues(error.details));
          setErrors(fromServer);
          const first = FIELDS.find((field) => fromServer[field]);
          if (first) document.getElementsByName(first)[0]?.focus();
        }
      },
    });
  };

  const submitError = submit.error instanceof ApiError ? submit.error : null;
  const generalError = !submitError
    ? null
    : submitError.code === 'rate_limited'
      ? t('recovery.tooManyRequests', { count: minutesFrom(submitError.retryAfterSeconds) })
      : submitError.code === 'validation_failed' && Object.keys(errors).length > 0
        ? null
        : ['file_too_large', 'too_many_files', 'file_type_not_allowed'].includes(submitError.code)
          ? null
          : submitError.message;

  return (
    <Paper maw={620} mx="auto" mt="lg" p={{ base: 'md', xs: 'lg' }} withBorder>
      <form onSubmit={handleSubmit} noValidate aria-labelledby="recovery-title">
        <Stack gap="md">
          <Title order={1} size="h2" id="recovery-title">
            {t('recovery.title')}
          </Title>
          <Text>{t('recovery.intro')}</Text>
          {generalError && (
            <Alert color="red" variant="light" role="alert">
              {generalError}
            </Alert>
          )}
          <TextInput
            label={t('recovery.fullName')}
            autoComplete="name"
            required
            {...bind('fullName')}
          />
          <TextInput
            label={t('recovery.knownLogin')}
            description={t('recovery.knownLoginHint')}
            autoComplete="off"
            {...bind('knownLogin')}
          />
          <TextInput
            label={t('recovery.newEmail')}
            description={t('recovery.newEmailHint')}
            type="email"
            autoComplete="email"
            {...bind('newEmail')}
          />
          <TextInput
            label={t('recovery.newPhone')}
            description={t('recovery.newPhoneHint')}
            type="tel"
            autoComplete="tel"
            {...bind('newPhone')}
          />
          <Textarea
            label={t('recovery.description')}
            description={t('recovery.descriptionHint')}
            autosize
            minRows={3}
            required
            {...bind('description')}
          />
          <FileInput
            label={t('recovery.documents')}
            description={t('recovery.documentsHint')}
            name="documents"
            multiple
            clearable
            accept={ACCEPT}
            required
            value={files}
            error={errors.documents}
            onChange={setFiles}
            clearButtonProps={{ 'aria-label': t('recovery.clearFiles') }}
          />
          <Stack gap={4}>
            <Text size="sm">{t('captcha.explain')}</Text>
            <Captcha key={captchaKey} onChange={setCaptcha} />
          </Stack>
          <Button type="submit" loading={submit.isPending} disabled={!captcha}>
            {t('recovery.submit')}
          </Button>
          <Anchor component={Link} to="/signin" size="sm">
            {t('forgot.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
