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
  const transport = nodemailer.createTransport(smtpUrl);
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
