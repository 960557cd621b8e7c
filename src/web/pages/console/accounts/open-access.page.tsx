import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ZOpenAccessRequest } from '../../../../shared/contracts/staff-accounts.js';
import { ApiError } from '../../../api/client.js';
import { useOpenAccess } from '../../../api/staff-accounts.js';
import { endOfDayInOrganization } from '../../../components/date-input.js';
import { readFieldIssues } from '../../../components/form-errors.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { AccessSheetView } from './access-sheet.js';

type Field = 'displayName' | 'email' | 'phone' | 'personalCode';

/** Console → Открыть доступ: create an account (or open access for a contact) and invite. */
export function OpenAccessPage() {
  const { t } = useTranslation();
  usePageTitle(t('accounts.open'));
  const open = useOpenAccess();
  const [values, setValues] = useState<Record<Field, string>>({
    displayName: '',
    email: '',
    phone: '',
    personalCode: '',
  });
  const [until, setUntil] = useState('');
  const [grantedBy, setGrantedBy] = useState<'payment' | 'employer'>('payment');
  const [sessionLimit, setSessionLimit] = useState<number | ''>('');
  const [generateCode, setGenerateCode] = useState(false);
  const [sheet, setSheet] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const bind = (field: Field) => ({
    name: field,
    value: values[field],
    error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((old) => ({ ...old, [field]: value }));
    },
  });

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = {
      displayName: values.displayName,
      ...(values.email.trim() ? { email: values.email.trim() } : {}),
      ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
      ...(values.personalCode.trim() ? { personalCode: values.personalCode.trim() } : {}),
      generatePersonalCode: generateCode,
      ...(until
        ? { accessValidUntil: endOfDayInOrganization(until), accessGrantedBy: grantedBy }
        : {}),
      ...(sessionLimit !== '' ? { sessionLimit } : {}),
      accessSheet: sheet,
    };
    const parsed = ZOpenAccessRequest.safeParse(body);
    if (!parsed.success) {
      const found: typeof errors = {};
      for (const issue of readFieldIssues(parsed.error.issues)) {
        if (issue.field in values)
          found[issue.field as Field] ??= t(`accounts.invalid.${issue.field as Field}`);
      }
      setErrors(found);
      return;
    }
    setErrors({});
    open.mutate(body);
  };

  if (open.data) {
    const result = open.data;
    return (
      <Stack gap="md">
        <Title order={1}>{t('accounts.openedTitle')}</Title>
        <Alert color="teal" variant="light" role="status">
          {result.created
            ? t('accounts.created', { name: result.account.displayName })
            : t('accounts.reopened', { name: result.account.displayName })}
          {result.invitation &&
            ` ${t('accounts.invitationSent', { to: result.invitation.sentTo })}`}
        </Alert>
        {result.activationLink && (
          <Stack gap={4}>
            <Text fw={500}>{t('accounts.activationLink')}</Text>
            <Code block>{result.activationLink}</Code>
            <Text size="sm" c="dimmed">
              {t('accounts.linkShownOnce')}
            </Text>
          </Stack>
        )}
        {result.accessSheet && <AccessSheetView sheet={result.accessSheet} />}
        <Anchor component={Link} to={`/console/accounts/${result.account.id}`}>
          {t('accounts.toAccount')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Paper maw={620} p={{ base: 'md', xs: 'lg' }} withBorder>
      <form onSubmit={handleSubmit} noValidate aria-labelledby="open-access-title">
        <Stack gap="md">
          <Title order={1} size="h2" id="open-access-title">
            {t('accounts.open')}
          </Title>
          <Text>{t('accounts.openIntro')}</Text>
          {open.error instanceof ApiError && (
            <Alert color="red" variant="light" role="alert">
              {open.error.message}
            </Alert>
          )}
          <TextInput label={t('accounts.name')} required {...bind('displayName')} />
          <TextInput label={t('profilePage.email')} type="email" {...bind('email')} />
          <TextInput label={t('profilePage.phone')} type="tel" {...bind('phone')} />
          <TextInput
            label={t('accounts.personalCode')}
            description={t('accounts.personalCodeHint')}
            {...bind('personalCode')}
          />
          <Checkbox
            label={t('accounts.generateCode')}
            checked={generateCode}
            onChange={(event) => {
              setGenerateCode(event.currentTarget.checked);
            }}
          />
          <TextInput
            label={t('accounts.accessUntil')}
            description={t('accounts.accessUntilHint')}
            type="date"
            value={until}
            onChange={(event) => {
              setUntil(event.currentTarget.value);
            }}
          />
          {until && (
            <Select
              label={t('accounts.grantedBy')}
              value={grantedBy}
              allowDeselect={false}
              onChange={(value) => {
                setGrantedBy(value === 'employer' ? 'employer' : 'payment');
              }}
              data={[
                { value: 'payment', label: t('accounts.grantedByPayment') },
                { value: 'employer', label: t('accounts.grantedByEmployer') },
              ]}
            />
          )}
          <NumberInput
            label={t('accounts.sessionLimit')}
            description={t('accounts.sessionLimitHint')}
            min={1}
            max={100}
            allowDecimal={false}
            value={sessionLimit}
            onChange={(value) => {
              setSessionLimit(typeof value === 'number' ? value : '');
            }}
          />
          <Checkbox
            label={t('accounts.accessSheet')}
            checked={sheet}
            onChange={(event) => {
              setSheet(event.currentTarget.checked);
            }}
          />
          <Button type="submit" loading={open.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('accounts.openSubmit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
