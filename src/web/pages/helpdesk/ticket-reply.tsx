import { Alert, Button, Group, Stack, Textarea, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TicketDetail } from '../../../shared/contracts/helpdesk-tickets.js';
import { useReplyToTicket, useTicketForm } from '../../api/helpdesk.js';
import { AttachmentPicker } from './attachment-picker.js';
import { useTicketAttachments } from './use-ticket-attachments.js';

/** Props of TicketReply. */
interface TicketReplyProps {
  ticket: TicketDetail;
  /** Told once the reply went (a status line near the box). */
  onSent: (text: string) => void;
}

/**
 * The reply box with attachments. On a ticket closed past its reopen window, the same box
 * starts a new ticket linked to this one, and says so before sending.
 */
export function TicketReply({ ticket, onSent }: TicketReplyProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reply = useReplyToTicket(ticket.number);
  // The form endpoint carries the organization's attachment limits.
  const limits = useTicketForm().data?.attachments;
  const { uploads, hint, accept } = useTicketAttachments(limits);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const startsNewTicket = ticket.status === 'closed' && !ticket.reopen.allowed;

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reply.isPending || uploads.uploading) return;
    if (!body.trim()) {
      setError(t('helpdesk.ticket.replyEmpty'));
      document.getElementsByName('reply')[0]?.focus();
      return;
    }
    setError(null);
    reply.mutate(
      { body: body.trim(), attachmentIds: uploads.ids },
      {
        onSuccess: (result) => {
          setBody('');
          uploads.clear();
          if (result.createdNewTicket) {
            void navigate(`/tickets/${String(result.number)}`, {
              state: {
                notice: t('helpdesk.ticket.newTicketCreated', {
                  number: result.number,
                  old: ticket.number,
                }),
              },
            });
          } else {
            onSent(t('helpdesk.ticket.replySent'));
          }
        },
      },
    );
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="reply-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="reply-heading">
          {t('helpdesk.ticket.reply')}
        </Title>
        <Textarea
          name="reply"
          label={
            startsNewTicket
              ? t('helpdesk.ticket.replyNewTicketLabel')
              : t('helpdesk.ticket.replyLabel')
          }
          autosize
          minRows={4}
          maxLength={20_000}
          value={body}
          error={error}
          onChange={(event) => {
            setBody(event.currentTarget.value);
          }}
        />
        <AttachmentPicker uploads={uploads} hint={hint} accept={accept} />
        {reply.error && (
          <Alert color="red" variant="light" role="alert">
            {reply.error.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={reply.isPending} disabled={uploads.uploading}>
            {startsNewTicket ? t('helpdesk.ticket.sendNewTicket') : t('helpdesk.ticket.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
