import {
  Alert,
  Button,
  Group,
  Input,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TicketFormResponse, TicketType } from '../../../shared/contracts/helpdesk-tickets.js';
import { ApiError } from '../../api/client.js';
import { useCreateTicket, useTicketForm } from '../../api/helpdesk.js';
import { readFieldIssues } from '../../components/form-errors.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { KbSuggestions } from '../kb/kb-suggestions.js';
import { AttachmentPicker } from './attachment-picker.js';
import { CertificateChoice, WITHOUT_CERTIFICATE } from './certificate-choice.js';
import { TicketFormFields } from './ticket-form-fields.js';
import { newRequestId, useTicketAttachments } from './use-ticket-attachments.js';

type Errors = Partial<Record<'subject' | 'description' | 'certificateId', string>> & {
  fields?: Record<string, string>;
};

/** «Рады, что статья помогла»: the form ended without a ticket. */
function SolvedScreen({ onAgain }: { onAgain: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form vanished under the person's focus; put it on the news instead.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Paper maw={720} p={{ base: 'md', xs: 'lg' }} withBorder>
      <Stack gap="md" align="flex-start">
        <Title order={1} size="h2" tabIndex={-1} ref={heading}>
          {t('helpdesk.form.solvedTitle')}
        </Title>
        <Text>{t('helpdesk.form.solvedText')}</Text>
        <Group>
          <Button component={Link} to="/tickets">
            {t('helpdesk.form.solvedBack')}
          </Button>
          <Button variant="default" onClick={onAgain}>
            {t('helpdesk.form.solvedAgain')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function TicketForm({ form, onSolved }: { form: TicketFormResponse; onSolved: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTicket();
  // One key per form: a double click or a retry after a lost answer returns the same ticket.
  const [clientRequestId] = useState(newRequestId);
  const [certificateId, setCertificateId] = useState(
    form.certificates[0]?.id ?? WITHOUT_CERTIFICATE,
  );
  const [type, setType] = useState<TicketType>(form.types[0] ?? 'question');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [fieldValues, setFieldValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Errors>({});
  const { uploads, hint, accept } = useTicketAttachments(form.attachments);

  const validate = (): Errors => {
    const found: Errors = {};
    const trimmed = subject.trim();
    if (trimmed.length < 3 || trimmed.length > 200)
      found.subject = t('helpdesk.form.invalid.subject');
    if (!description.trim()) found.description = t('helpdesk.form.invalid.description');
    const fields: Record<string, string> = {};
    for (const field of form.fields) {
      if (field.required && !(fieldValues[field.key] ?? '').trim())
        fields[field.key] = t('helpdesk.form.invalid.field', { label: field.label });
    }
    if (Object.keys(fields).length > 0) found.fields = fields;
    return found;
  };

  const focusFirst = (found: Errors) => {
    const first =
      (found.certificateId && 'certificateId') ||
      (found.subject && 'subject') ||
      (found.description && 'description') ||
      (found.fields && `field-${Object.keys(found.fields)[0] ?? ''}`);
    if (first) document.getElementsByName(first)[0]?.focus();
  };

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending || uploads.uploading) return;
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    const fields = Object.fromEntries(
      Object.entries(fieldValues).filter(([, value]) => value.trim() !== ''),
    );
    create.mutate(
      {
        certificateId: certificateId === WITHOUT_CERTIFICATE ? null : certificateId,
        type,
        subject: subject.trim(),
        description: description.trim(),
        fields,
        attachmentIds: uploads.ids,
        clientRequestId,
      },
      {
        onSuccess: (ticket) => {
          void navigate(`/tickets/${String(ticket.number)}`, {
            state: { justSent: ticket.number },
          });
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          if (error.code === 'ticket_certificate_invalid') {
            const next = { certificateId: error.message };
            setErrors(next);
            focusFirst(next);
          } else if (error.code === 'validation_failed') {
            const next: Errors = {};
            for (const issue of readFieldIssues(error.details)) {
              if (issue.field === 'subject') next.subject = t('helpdesk.form.invalid.subject');
              if (issue.field === 'description')
                next.description = t('helpdesk.form.invalid.description');
            }
            setErrors(next);
            focusFirst(next);
          }
        },
      },
    );
  };

  const submitError = create.error instanceof ApiError ? create.error : null;
  const generalError =
    submitError &&
    submitError.code !== 'ticket_certificate_invalid' &&
    !(submitError.code === 'validation_failed' && (errors.subject || errors.description))
      ? submitError.message
      : null;

  return (
    <Paper maw={720} p={{ base: 'md', xs: 'lg' }} withBorder>
      <form onSubmit={handleSubmit} noValidate aria-labelledby="ticket-new-title">
        <Stack gap="md">
          <Title order={1} size="h2" id="ticket-new-title">
            {t('helpdesk.form.title')}
          </Title>
          <Text>{t('helpdesk.form.intro')}</Text>
          <CertificateChoice
            form={form}
            value={certificateId}
            onChange={setCertificateId}
            error={errors.certificateId}
          />
          {form.types.length > 1 && (
            <Radio.Group
              name="type"
              label={t('helpdesk.form.type')}
              value={type}
              onChange={(value) => {
                setType(value);
              }}
            >
              <Group gap="md" mt="xs">
                {form.types.map((value) => (
                  <Radio key={value} value={value} label={t(`helpdesk.type.${value}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
          <TextInput
            name="subject"
            label={t('helpdesk.form.subject')}
            description={t('helpdesk.form.subjectHint')}
            required
            maxLength={200}
            value={subject}
            error={errors.subject}
            onChange={(event) => {
              setSubject(event.currentTarget.value);
            }}
          />
          <Textarea
            name="description"
            label={t('helpdesk.form.description')}
            description={t('helpdesk.form.descriptionHint')}
            required
            autosize
            minRows={5}
            maxLength={20_000}
            value={description}
            error={errors.description}
            onChange={(event) => {
              setDescription(event.currentTarget.value);
            }}
          />
          {/* Debounced inside; the form ends without a ticket when an article solved it. */}
          <KbSuggestions query={`${subject} ${description}`.trim()} onSolved={onSolved} />
          <TicketFormFields
            fields={form.fields}
            values={fieldValues}
            errors={errors.fields ?? {}}
            onChange={(key, value) => {
              setFieldValues((old) => ({ ...old, [key]: value }));
            }}
          />
          <Input.Wrapper label={t('helpdesk.form.attachments')} labelElement="div">
            <AttachmentPicker uploads={uploads} hint={hint} accept={accept} />
          </Input.Wrapper>
          {generalError && (
            <Alert color="red" variant="light" role="alert">
              {generalError}
            </Alert>
          )}
          {uploads.uploading && (
            <Text size="sm" c="dimmed" role="status">
              {t('helpdesk.form.waitUploads')}
            </Text>
          )}
          {uploads.failed && !uploads.uploading && (
            <Text size="sm" c="dimmed">
              {t('helpdesk.form.removeFailed')}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={create.isPending} disabled={uploads.uploading}>
              {t('helpdesk.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** «Отправить обращение»: certificate, type, subject, description, fields, files, suggestions. */
export function TicketNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('helpdesk.form.title'));
  const form = useTicketForm();
  const [solved, setSolved] = useState(false);
  if (!form.data) return <QueryState query={form} />;
  // The form stays mounted while the «solved» screen shows, so «send anyway» keeps the text.
  return (
    <>
      {solved && (
        <SolvedScreen
          onAgain={() => {
            setSolved(false);
          }}
        />
      )}
      <div hidden={solved}>
        <TicketForm
          form={form.data}
          onSolved={() => {
            setSolved(true);
          }}
        />
      </div>
    </>
  );
}
