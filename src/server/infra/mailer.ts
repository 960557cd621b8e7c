import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: { address: string; name: string | null };
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** Delivers one message to the SMTP relay; throws when the relay refuses it. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The SMTP relay from `SMTP_URL`, or null: then the outbox itself is the delivery target. */
export function createMailer(smtpUrl: string | undefined): Mailer | null {
  if (!smtpUrl) return null;
  // Bounded timeouts: a hung relay must fail the attempt (and retry) well inside the
  // outbox's delivery lease, instead of nodemailer's minutes-long defaults.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: mail.from,
        to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
    },
    close() {
      transport.close();
    },
  };
}
