import { awardRequest } from "../../domain/awards/award-request.ts";
import { effectiveRules } from "../../domain/earning/course.ts";
import { earnedParts } from "../../domain/earning/learning-record.ts";
import { ruleChecklist, ruleMet } from "../../domain/earning/progress.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { awardIn, awardTargetIn } from "../awards/award-credential.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { attachHeldIn } from "../wallet/attach-awards.ts";
import { learnerKeyIn } from "../wallet/learner-did.ts";

/** The page that shows what a learner did on a path; public only when the learner makes it so. */
export const evidenceUrl = (deps: AppDeps, enrolmentId: string) =>
  `${deps.publicUrl}/evidence/${enrolmentId}`;

const EARNING_ACTOR: Actor = { kind: "system", reason: "criteria met" };

/**
 * Inside the transaction that recorded a learner's progress (a module completed, a quiz passed, a project graded, a
 * review given): when the achievement's rules are now met, awards the credential through the one award use case.
 * The enrolment row is locked first and the award's idempotency key names the enrolment, so however many events
 * arrive together, the credential is awarded exactly once. Returns the award id when this call awarded it.
 */
export async function checkCompletionIn(
  deps: AppDeps,
  r: Repositories,
  enrolmentId: string,
): Promise<string | undefined> {
  const enrolment = await r.enrolments.lock(enrolmentId);
  if (enrolment?.status !== "active") return undefined;
  const course = await r.courses.find(enrolment.achievementId);
  if (!course) return undefined;
  const progress = await r.enrolments.progress(enrolmentId);
  const rules = effectiveRules(course);
  // A path with nothing to do awards nothing: a credential must rest on something the learner did.
  if (ruleChecklist(rules, progress).length === 0 || !ruleMet(rules, progress)) return undefined;
  const [organization, user] = await Promise.all([
    r.organizations.findById(enrolment.organizationId),
    r.users.findById(enrolment.userId),
  ]);
  if (!organization || !user) return undefined;
  const target = await awardTargetIn(deps, r, organization, enrolment.achievementId);
  const recipient = user.emailVerifiedAt ? user.email : (await learnerKeyIn(deps, r, user.id)).did;
  const now = deps.clock();
  const record = await r.enrolments.record(enrolment.id);
  if (!record) return undefined;
  const earned = earnedParts({
    achievementId: String(target.published.json.id),
    course,
    record,
    evidenceUrl: evidenceUrl(deps, enrolment.id),
    completedAt: now,
  });
  const { award } = await awardIn(
    deps,
    r,
    target,
    EARNING_ACTOR,
    awardRequest.parse({ recipient, recipientName: user.name }),
    { idempotencyKey: `earned:${enrolment.id}`, notify: true, earned },
  );
  await r.enrolments.update(enrolment.id, { status: "completed", completedAt: now, awardId: award.id });
  await audit(r, {
    action: "enrolment.completed",
    actor: EARNING_ACTOR,
    organizationId: organization.id,
    subject: enrolment.id,
    data: { achievementId: enrolment.achievementId, awardId: award.id },
    at: now,
  });
  await attachHeldIn(deps, r, user.id);
  return award.id;
}
