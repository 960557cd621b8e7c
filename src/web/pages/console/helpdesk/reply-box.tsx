import {
  Alert,
  Button,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMessageRequest } from '../../../../shared/contracts/helpdesk-staff.js';
import { useCannedResponses, useStaffMessage } from '../../../api/helpdesk-staff.js';

type Action = NonNullable<StaffMessageRequest['action']>;
const ACTIONS: Action[] = ['reply', 'propose_solution', 'request_info', 'resolve'];

/** Props of ReplyBox. */
interface ReplyBoxProps {
  number: number;
  /** A closed or merged ticket takes internal notes only. */
  closed: boolean;
}

/**
 * Where staff write: a reply to the customer (with a status action) or an internal note, with
 * canned responses inserted at the cursor.
 */
export function ReplyBox({ number, closed }: ReplyBoxProps) {
  const { t } = useTranslation();
  const canned = useCannedResponses();
  const send = useStaffMessage(number);
  const [mode, setMode] = useState<'reply' | 'note'>(closed ? 'note' : 'reply');
  const [body, setBody] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const internal = mode === 'note';

  const insertCanned = (id: string | null) => {
    const response = canned.data?.responses.find((item) => item.id === id);
    if (!response) return;
    const field = textarea.current;
    const start = field?.selectionStart ?? body.length;
    const end = field?.selectionEnd ?? body.length;
    const next = body.slice(0, start) + response.body + body.slice(end);
    setBody(next);
    requestAnimationFrame(() => {
      field?.focus();
      const caret = start + response.body.length;
      field?.setSelectionRange(caret, caret);
    });
  };

  const submit = (action: Action) => {
    setDone(null);
    send.mutate(
      { body, internal, action },
      {
        onSuccess: () => {
          setBody('');
          setDone(
            internal
              ? t('helpdeskConsole.reply.noteSaved')
              : t(`helpdeskConsole.reply.sent.${action}`),
          );
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reply-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="reply-heading">
          {t('helpdeskConsole.reply.title')}
        </Title>
        <SegmentedControl
          aria-label={t('helpdeskConsole.reply.mode')}
          value={mode}
          onChange={(value) => {
            setMode(value === 'note' ? 'note' : 'reply');
          }}
          data={[
            { value: 'reply', label: t('helpdeskConsole.reply.toCustomer'), disabled: closed },
            { value: 'note', label: t('helpdeskConsole.reply.internalNote') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        {internal && (
          <Alert color="yellow" variant="light">
            {t('helpdeskConsole.ticket.internalNote')}
          </Alert>
        )}
        {closed && <Text size="sm">{t('helpdeskConsole.reply.closedHint')}</Text>}
        <Select
          label={t('helpdeskConsole.reply.canned')}
          placeholder={
            canned.data?.responses.length === 0
              ? t('helpdeskConsole.reply.noCanned')
              : t('helpdeskConsole.reply.cannedPlaceholder')
          }
          data={(canned.data?.responses ?? []).map((item) => ({
            value: item.id,
            label: item.title,
          }))}
          value={null}
          onChange={insertCanned}
          searchable
          clearable
          disabled={!canned.data || canned.data.responses.length === 0}
        />
        <Textarea
          ref={textarea}
          label={internal ? t('helpdeskConsole.reply.noteText') : t('helpdeskConsole.reply.text')}
          autosize
          minRows={5}
          maxRows={16}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
          }}
        />
        {send.isError && (
          <Alert color="red" role="alert">
            {send.error.message}
          </Alert>
        )}
        {done && (
          <Text role="status" c="teal.8">
            {done}
          </Text>
        )}
        {internal ? (
          <Button
            color="yellow.8"
            onClick={() => {
              submit('reply');
            }}
            disabled={body.trim() === ''}
            loading={send.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('helpdeskConsole.reply.addNote')}
          </Button>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            {ACTIONS.map((action) => (
              <Stack key={action} gap={4}>
                <Button
                  variant={action === 'reply' ? 'filled' : 'light'}
                  onClick={() => {
                    submit(action);
                  }}
                  disabled={body.trim() === ''}
                  loading={send.isPending && send.variables.action === action}
                  aria-describedby={`action-hint-${action}`}
                >
                  {t(`helpdeskConsole.reply.actions.${action}`)}
                </Button>
                <Text size="xs" c="dimmed" id={`action-hint-${action}`}>
                  {t(`helpdeskConsole.reply.hints.${action}`)}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
