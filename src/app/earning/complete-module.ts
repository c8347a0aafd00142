import { DomainError } from "../../domain/errors.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps } from "../ports.ts";
import { checkCompletionIn } from "./check-completion.ts";
import { publishedCourseIn, requireAdmitted } from "./learner-course.ts";

/**
 * The learner marks a module complete. In the same transaction the award rules are checked, so completing the last
 * thing the rules ask for awards the credential, exactly once however often the form is posted.
 */
export const completeModule = (deps: AppDeps, userId: string, achievementId: string, moduleId: string) =>
  deps.uow(async (r) => {
    const { organization, course } = await publishedCourseIn(r, achievementId);
    const found = await r.enrolments.findFor(achievementId, userId);
    // The lock orders concurrent posts of the same learner; check-completion takes it again in this transaction.
    const enrolment = requireAdmitted(found && (await r.enrolments.lock(found.id)), organization);
    const module = course.modules.find((m) => m.id === moduleId);
    if (!module) throw new DomainError("module_not_found", "This course has no such module.");
    const now = deps.clock();
    const recorded = await r.enrolments.completeModule(enrolment.id, module.id, now);
    if (recorded) {
      await audit(r, {
        action: "enrolment.module_completed",
        actor: userActor(userId),
        organizationId: organization.id,
        subject: enrolment.id,
        data: { achievementId, moduleId },
        at: now,
      });
    }
    const awardId = await checkCompletionIn(deps, r, enrolment.id);
    return { recorded, awardId, title: module.title };
  });
