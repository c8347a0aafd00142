import nodemailer from "nodemailer";
import type { Mailer } from "../app/ports.ts";

/** SMTP delivery through nodemailer; a failure throws so the mail job is retried with backoff. */
export function smtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    transport: "smtp",
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close: () => transport.close(),
  };
}

/** No SMTP configured: the outbox row written by the mail job is the delivery; admins read it at /admin/outbox. */
export const outboxMailer = (): Mailer & { close(): void } => ({
  transport: "outbox",
  async send() {},
  close() {},
});
