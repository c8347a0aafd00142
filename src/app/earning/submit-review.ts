import { z } from "zod";
import { findAssessment } from "../../domain/earning/course.ts";
import type { RubricGrade } from "../../domain/earning/enrolment.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { requireUser } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";
import { checkCompletionIn } from "./check-completion.ts";

const comment = z.string().trim().max(5000, "Keep the comment under 5,000 characters.");
/** The form field holding the level chosen for a rubric criterion. */
export const levelField = (criterionId: string) => `level-${criterionId}`;

const notYours = () => new DomainError("review_not_found", "There is no such review task for you.");

/**
 * A learner submits a review they were assigned: a level for every rubric criterion (level ids of that rubric
 * only) and an optional comment. Only the assigned reviewer, only once: anything else is refused and nothing
 * changes. Reviews given count toward "reviews" rules, so completion is checked in the same transaction.
 */
export function submitReview(
  deps: AppDeps,
  actor: Actor,
  input: { achievementId: string; reviewId: string; values: Record<string, string | string[]> },
) {
  const user = requireUser(actor);
  return deps.uow(async (r) => {
    const enrolment = await r.enrolments.findFor(input.achievementId, user.userId);
    const review = await r.peerReviews.lock(input.reviewId);
    if (!enrolment || !review || review.reviewerEnrolmentId !== enrolment.id) throw notYours();
    if (enrolment.status !== "active" && enrolment.status !== "completed") throw notYours();
    if (review.submittedAt) {
      throw new DomainError(
        "review_already_submitted",
        "You already submitted this review; it cannot be changed.",
      );
    }
    const submission = await r.peerReviews.findSubmission(review.submissionId);
    const course = await r.courses.find(input.achievementId);
    const found = submission && course && findAssessment(course, submission.projectId);
    if (!submission || found?.assessment.kind !== "project") throw notYours();
    const project = found.assessment;

    const scores: RubricGrade = {};
    const fields: Record<string, string> = {};
    for (const criterion of project.rubric) {
      const chosen = input.values[levelField(criterion.id)];
      const level = criterion.levels.find((l) => typeof chosen === "string" && l.id === chosen);
      if (level) scores[criterion.id] = { levelId: level.id, points: level.points };
      else fields[levelField(criterion.id)] = `Choose a level for “${criterion.name}”.`;
    }
    const text = comment.safeParse(typeof input.values.comment === "string" ? input.values.comment : "");
    if (!text.success) fields.comment = text.error.issues[0]?.message ?? "Check the comment.";
    if (Object.keys(fields).length || !text.success) {
      throw new DomainError("validation_failed", "Some fields need attention.", fields);
    }
    const now = deps.clock();
    const recorded = await r.peerReviews.complete(review.id, {
      scores,
      comment: text.data || null,
      submittedAt: now,
    });
    if (!recorded) {
      throw new DomainError(
        "review_already_submitted",
        "You already submitted this review; it cannot be changed.",
      );
    }
    await audit(r, {
      action: "peer_review.submitted",
      actor,
      organizationId: enrolment.organizationId,
      subject: review.id,
      data: { submissionId: submission.id, projectId: project.id },
      at: now,
    });
    await checkCompletionIn(deps, r, enrolment.id);
    return { reviewId: review.id };
  });
}
