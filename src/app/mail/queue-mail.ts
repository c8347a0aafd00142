import type { MailMessage } from "../../domain/types.ts";
import type { Repositories } from "../ports.ts";

export const MAIL_JOB = "mail.send";

/** Queues a message inside the caller's transaction; the key makes the delivery exactly-once. */
export async function queueMail(
  r: Repositories,
  idempotencyKey: string,
  message: MailMessage,
): Promise<void> {
  await r.jobs.send(MAIL_JOB, { idempotencyKey, ...message });
}
