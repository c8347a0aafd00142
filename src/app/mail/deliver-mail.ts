import { DomainError } from "../../domain/errors.ts";
import type { Actor, MailMessage } from "../../domain/types.ts";
import type { AppDeps, Mailer } from "../ports.ts";

export type MailJob = MailMessage & { idempotencyKey: string };

/**
 * The mail job's work. The outbox row, keyed by the job's idempotency key, is written first: a retried
 * job finds it and never sends twice once delivery is recorded. Without SMTP the row itself is the mail.
 */
export async function deliverMail(deps: AppDeps & { mailer: Mailer }, job: MailJob): Promise<void> {
  const { idempotencyKey, ...message } = job;
  const entry = await deps.uow(async (r) => {
    await r.outbox.insertOnce({
      id: deps.newId(),
      idempotencyKey,
      ...message,
      transport: deps.mailer.transport,
      createdAt: deps.clock(),
      deliveredAt: null,
    });
    return r.outbox.findByKey(idempotencyKey);
  });
  if (!entry || entry.deliveredAt || entry.transport === "outbox") return;
  await deps.mailer.send({ ...message, messageId: `<${entry.id}@cairn>` });
  await deps.uow((r) => r.outbox.markDelivered(entry.id, deps.clock()));
}

export const listOutbox = (deps: AppDeps, actor: Actor, limit = 100) => {
  if (actor.kind !== "user" || !actor.isPlatformAdmin) {
    throw new DomainError("forbidden", "Only platform admins can read the outbox.");
  }
  return deps.uow((r) => r.outbox.list(limit));
};
