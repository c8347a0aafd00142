import { z } from "zod";
import { STATUS_PUBLISH_JOB } from "../app/issuing/status-lists.ts";
import { MAIL_JOB } from "../app/mail/queue-mail.ts";

/** Every job: its queue name, payload schema (validated when the worker picks it up) and retry policy. */
export const JOBS = {
  [MAIL_JOB]: {
    payload: z.object({
      idempotencyKey: z.string().min(1),
      to: z.string().email(),
      subject: z.string().min(1),
      text: z.string(),
      html: z.string().optional(),
    }),
    retry: { retryLimit: 8, retryDelay: 5, retryBackoff: true },
  },
  [STATUS_PUBLISH_JOB]: {
    payload: z.object({ statusListId: z.uuid() }),
    retry: { retryLimit: 10, retryDelay: 2, retryBackoff: true },
  },
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.output<(typeof JOBS)[N]["payload"]>;
export type JobHandlers = { [N in JobName]: (payload: JobPayload<N>) => Promise<void> };
