import { z } from "zod";
import { AWARD_BATCH_JOB } from "../app/awards/batches/batch-types.ts";
import { EXPIRY_REMINDER_JOB } from "../app/awards/lifecycle/expiry-reminders.ts";
import { EARNING_RECHECK_JOB } from "../app/earning/recheck-enrolments.ts";
import { STATUS_PUBLISH_JOB } from "../app/issuing/status-lists.ts";
import { MAIL_JOB } from "../app/mail/queue-mail.ts";
import {
  COMPONENT_EXPIRY_JOB,
  COMPONENT_LAPSED_JOB,
  PATHWAY_CHECK_JOB,
} from "../app/pathways/pathway-check-queue.ts";

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
  /** One chunk of a bulk award; a chunk whose worker died expires after 5 minutes and is retried. */
  [AWARD_BATCH_JOB]: {
    payload: z.object({ batchId: z.uuid() }),
    retry: { retryLimit: 20, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  },
  /** Expiry reminders, scheduled hourly (cron, UTC) by the workers through pg-boss's own scheduler. */
  [EXPIRY_REMINDER_JOB]: {
    payload: z.object({ days: z.number().int().min(1).max(365).default(30) }),
    retry: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
    cron: "7 * * * *",
  },
  /** A learner's wallet changed: award the stacked credentials of the pathways they now complete. */
  [PATHWAY_CHECK_JOB]: {
    payload: z.object({ userId: z.uuid() }),
    retry: { retryLimit: 10, retryDelay: 5, retryBackoff: true },
  },
  [COMPONENT_LAPSED_JOB]: {
    payload: z.object({ credentialId: z.string().min(1) }),
    retry: { retryLimit: 10, retryDelay: 5, retryBackoff: true },
  },
  [COMPONENT_EXPIRY_JOB]: {
    payload: z.object({}),
    retry: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
    cron: "17 * * * *",
  },
  /** A learning path's award rules changed: its active learners are checked against them. */
  [EARNING_RECHECK_JOB]: {
    payload: z.object({ achievementId: z.uuid() }),
    retry: { retryLimit: 10, retryDelay: 5, retryBackoff: true },
  },
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.output<(typeof JOBS)[N]["payload"]>;
export type JobHandlers = { [N in JobName]: (payload: JobPayload<N>) => Promise<void> };
