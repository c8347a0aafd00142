import type { AppDeps, Repositories } from "../ports.ts";
import { checkCompletionIn } from "./check-completion.ts";

export const EARNING_RECHECK_JOB = "earning.recheck";

/** Asks the workers to check every active learner of a path against its award rules (queued with the change). */
export const queueEnrolmentRecheck = (r: Repositories, achievementId: string) =>
  r.jobs.send(EARNING_RECHECK_JOB, { achievementId });

/**
 * After a path's award rules changed: checks each active enrolment in its own transaction, so learners who already
 * meet the new rules are awarded now, not at their next step. Exactly once still holds: each check locks the
 * enrolment and awards under its idempotency key. Returns how many were awarded.
 */
export async function recheckEnrolments(deps: AppDeps, achievementId: string): Promise<number> {
  const active = await deps.uow((r) => r.enrolments.listForAchievement(achievementId, "active"));
  let awarded = 0;
  for (const enrolment of active) {
    if (await deps.uow((r) => checkCompletionIn(deps, r, enrolment.id))) awarded += 1;
  }
  return awarded;
}
