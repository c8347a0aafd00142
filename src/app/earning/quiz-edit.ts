import { type Course, findAssessment, type Quiz, quiz as quizSchema } from "../../domain/earning/course.ts";
import { DomainError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization, type OrganizationAccess } from "../authorize.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { saveCourseIn } from "./course-access.ts";
import { quizNotFound } from "./learner-quiz.ts";

// Shared by the quiz editor's use cases: finding an organization's quiz, and saving a changed quiz in its course.

/** The organization's course and the quiz in it, for staff allowed to write courses. */
export async function staffQuizIn(
  r: Repositories,
  actor: Actor,
  slug: string,
  achievementId: string,
  quizId: string,
): Promise<OrganizationAccess & { course: Course; quiz: Quiz; moduleTitle: string }> {
  const access = await authorizeOrganization(r, actor, slug, "courses:write");
  const course = isUuid(achievementId) ? await r.courses.lock(achievementId) : undefined;
  if (!course || course.organizationId !== access.organization.id) throw quizNotFound();
  const found = findAssessment(course, quizId);
  if (found?.assessment.kind !== "quiz") throw quizNotFound();
  return { ...access, course, quiz: found.assessment, moduleTitle: found.module.title };
}

/**
 * Applies `change` to the quiz and saves the whole course, with an audit record, in one transaction. The changed
 * quiz is validated against the course model first; nothing is saved when it does not fit.
 */
export const editQuiz = (
  deps: AppDeps,
  actor: Actor,
  target: { slug: string; achievementId: string; quizId: string },
  change: (quiz: Quiz) => Quiz,
) =>
  deps.uow(async (r) => {
    const { course, quiz } = await staffQuizIn(r, actor, target.slug, target.achievementId, target.quizId);
    const parsed = quizSchema.safeParse(change(quiz));
    if (!parsed.success) {
      throw new DomainError("validation_failed", parsed.error.issues[0]?.message ?? "The quiz is not valid.");
    }
    const modules = course.modules.map((m) => ({
      ...m,
      assessments: m.assessments.map((a) => (a.kind === "quiz" && a.id === quiz.id ? parsed.data : a)),
    }));
    await saveCourseIn(
      deps,
      r,
      actor,
      course,
      { ...course, modules },
      { action: "course.quiz_saved", data: { quizId: quiz.id, questions: parsed.data.questions.length } },
    );
    return parsed.data;
  });
