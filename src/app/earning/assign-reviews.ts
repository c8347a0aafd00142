import { findAssessment } from "../../domain/earning/course.ts";
import { type PeerAssignment, planArrival } from "../../domain/earning/peer-assignment.ts";
import { audit } from "../audit.ts";
import type { AppDeps, Repositories, ReviewableSubmission } from "../ports.ts";

/** A submission that has just been recorded. */
export type ArrivedSubmission = Pick<
  ReviewableSubmission,
  "id" | "enrolmentId" | "achievementId" | "projectId"
>;

/**
 * Hands out peer-review tasks for a submission that has just arrived. The projects' submit use case calls it
 * INSIDE its transaction, right after inserting the project_submissions row (so the row is visible here), for
 * every submission, first or revised; it does nothing when the project has no peer review.
 *
 * It locks the project's assignment (two arrivals never plan on the same state), then applies planArrival
 * (domain/earning/peer-assignment.ts): the arrival is reviewed by the least-loaded other submitters, its author
 * takes earlier submissions still short of k reviews (fewest reviews, then oldest, first) and surplus pending
 * tasks of overloaded reviewers, and pending tasks on the author's replaced revision are withdrawn. Audited.
 * Returns the tasks created and withdrawn.
 */
export async function assignReviewsIn(
  deps: AppDeps,
  r: Repositories,
  submission: ArrivedSubmission,
): Promise<{ assigned: PeerAssignment[]; withdrawn: PeerAssignment[] }> {
  const course = await r.courses.find(submission.achievementId);
  const found = course && findAssessment(course, submission.projectId);
  const project = found?.assessment.kind === "project" ? found.assessment : undefined;
  if (!course || !project?.peerReview) return { assigned: [], withdrawn: [] };
  await r.peerReviews.lockProject(submission.achievementId, submission.projectId);
  const submissions = await r.peerReviews.submissionsForProject(
    submission.achievementId,
    submission.projectId,
  );
  const tasks = await r.peerReviews.forProject(submission.achievementId, submission.projectId);
  // Each author's latest revision before this arrival, in the order those revisions arrived.
  const latest = new Map<string, ReviewableSubmission>();
  for (const s of submissions) if (s.id !== submission.id) latest.set(s.enrolmentId, s);
  const live = [...latest.values()]
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
    .map((s) => ({ id: s.id, authorId: s.enrolmentId }));
  const plan = planArrival({
    k: project.peerReview.reviews,
    live,
    tasks: tasks.map((t) => ({
      submissionId: t.submissionId,
      reviewerId: t.reviewerEnrolmentId,
      done: t.submittedAt !== null,
    })),
    arrived: { id: submission.id, authorId: submission.enrolmentId },
  });
  const now = deps.clock();
  for (const t of plan.withdraw) await r.peerReviews.withdraw(t.submissionId, t.reviewerId);
  for (const t of plan.assign) {
    await r.peerReviews.insert({
      id: deps.newId(),
      submissionId: t.submissionId,
      reviewerEnrolmentId: t.reviewerId,
      assignedAt: now,
      submittedAt: null,
      scores: null,
      comment: null,
    });
  }
  if (plan.assign.length || plan.withdraw.length) {
    await audit(r, {
      action: "peer_review.assigned",
      actor: { kind: "system", reason: "submission arrived" },
      organizationId: course.organizationId,
      subject: submission.id,
      data: { projectId: submission.projectId, assigned: plan.assign, withdrawn: plan.withdraw },
      at: now,
    });
  }
  return { assigned: plan.assign, withdrawn: plan.withdraw };
}
