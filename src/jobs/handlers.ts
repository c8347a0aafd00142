import { runBatchChunk } from "../app/awards/batches/run-batch.ts";
import { sendExpiryReminders } from "../app/awards/lifecycle/expiry-reminders.ts";
import { recheckEnrolments } from "../app/earning/recheck-enrolments.ts";
import { publishStatusListJob } from "../app/issuing/status-lists.ts";
import { deliverMail } from "../app/mail/deliver-mail.ts";
import { awardCompletedPathways } from "../app/pathways/award-pathways.ts";
import { applyLapsePolicies, sweepExpiredComponents } from "../app/pathways/lapse-policy.ts";
import type { AppDeps, Mailer } from "../app/ports.ts";
import type { JobHandlers } from "./definitions.ts";

/** What each job does: a use case, given the job's validated payload. */
export const jobHandlers = (deps: AppDeps, mailer: Mailer): JobHandlers => ({
  "mail.send": (payload) => deliverMail({ ...deps, mailer }, payload),
  "status.publish": (payload) => publishStatusListJob(deps, payload.statusListId),
  "awards.batch": async (payload) => {
    await runBatchChunk(deps, payload.batchId);
  },
  "awards.expiry-reminders": async (payload) => {
    await sendExpiryReminders(deps, { days: payload.days });
  },
  "pathways.check": async (payload) => {
    await awardCompletedPathways(deps, payload.userId);
  },
  "pathways.component-lapsed": async (payload) => {
    await applyLapsePolicies(deps, payload.credentialId);
  },
  "pathways.expiry-sweep": () => sweepExpiredComponents(deps),
  "earning.recheck": async (payload) => {
    await recheckEnrolments(deps, payload.achievementId);
  },
});
