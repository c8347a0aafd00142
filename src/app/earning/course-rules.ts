import { effectiveRules } from "../../domain/earning/course.ts";
import { formFromRules, type RuleForm, rulesFromForm } from "../../domain/earning/rule-form.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { saveCourseIn } from "./course-access.ts";
import { queueEnrolmentRecheck } from "./recheck-enrolments.ts";

async function courseOf(r: Repositories, actor: Actor, slug: string, achievementId: string) {
  const { organization, membership } = await authorizeOrganization(r, actor, slug, "courses:write");
  const course = await r.courses.lock(achievementId);
  if (!course || course.organizationId !== organization.id) {
    throw new DomainError("course_not_found", "This micro-credential has no learning path yet.");
  }
  return { organization, membership, course };
}

/** The award rules of a path as the rules form shows them; the default (everything) when the issuer set none. */
export const getCourseRules = (deps: AppDeps, actor: Actor, slug: string, achievementId: string) =>
  deps.uow(async (r) => {
    const found = await courseOf(r, actor, slug, achievementId);
    return {
      ...found,
      isDefault: !found.course.rules,
      form: formFromRules(found.course, effectiveRules(found.course)),
    };
  });

/**
 * Sets the award rules from the form, or (`form` undefined) returns to the default rules, and queues (in the same
 * transaction) a check of every active learner against them: whoever already meets looser rules is awarded.
 */
export const setCourseRules = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  achievementId: string,
  form: RuleForm | undefined,
) =>
  deps.uow(async (r) => {
    const { course } = await courseOf(r, actor, slug, achievementId);
    const rules = form ? rulesFromForm(course, form) : undefined;
    await saveCourseIn(
      deps,
      r,
      actor,
      course,
      { ...course, rules },
      {
        action: "course.rules_set",
        data: { rules: rules ?? "default" },
      },
    );
    await queueEnrolmentRecheck(r, achievementId);
  });
