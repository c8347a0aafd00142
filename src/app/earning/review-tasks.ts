import { findAssessment } from "../../domain/earning/course.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import { requireUser } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";

export type ReviewTaskItem = {
  id: string;
  projectTitle: string;
  assignedAt: Date;
  submittedAt: Date | null;
};

/** The signed-in learner's review tasks on one path, pending first, then done; nothing about the authors. */
export function reviewTasks(deps: AppDeps, actor: Actor, achievementId: string) {
  const user = requireUser(actor);
  return deps.uow(async (r) => {
    const enrolment = await r.enrolments.findFor(achievementId, user.userId);
    const course = await r.courses.find(achievementId);
    if (!enrolment || !course || enrolment.status === "pending" || enrolment.status === "declined") {
      throw new DomainError("enrolment_not_found", "You are not enrolled on this path.");
    }
    const tasks = await r.peerReviews.forReviewer(enrolment.id);
    const items = tasks.map(
      (t): ReviewTaskItem => ({
        id: t.id,
        projectTitle: (() => {
          const found = findAssessment(course, t.projectId);
          return found?.assessment.title ?? "Project";
        })(),
        assignedAt: t.assignedAt,
        submittedAt: t.submittedAt,
      }),
    );
    return {
      pending: items.filter((t) => !t.submittedAt).reverse(),
      done: items.filter((t) => t.submittedAt),
    };
  });
}
