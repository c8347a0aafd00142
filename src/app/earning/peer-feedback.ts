import { findAssessment, type PeerReviewSettings, type Project } from "../../domain/earning/course.ts";
import { aggregateReviews, type PeerAggregate } from "../../domain/earning/peer-aggregate.ts";
import { type AnonymousReview, anonymousReviews } from "../../domain/earning/peer-feedback.ts";
import type { PeerReview, Repositories, ReviewableSubmission } from "../ports.ts";

export type PeerFeedback = {
  submission: ReviewableSubmission;
  project: Project;
  settings: PeerReviewSettings;
  /** Every task on the submission, pending or done (for counts; never shown with identities). */
  tasks: PeerReview[];
  /** The submitted reviews, anonymous: "Reviewer 1", "Reviewer 2"… */
  reviews: AnonymousReview[];
  /** Median per criterion over the submitted reviews, and whether reviewers disagree. */
  aggregate: PeerAggregate;
};

/**
 * The peer reviews of one submission, anonymous: what its author sees on their project page (the projects'
 * learner page calls this after checking the submission is the signed-in learner's) and what the assessor's
 * summary builds on. Undefined when the submission does not exist or its project has no peer review.
 */
export async function peerFeedbackFor(
  r: Repositories,
  submissionId: string,
): Promise<PeerFeedback | undefined> {
  const submission = await r.peerReviews.findSubmission(submissionId);
  if (!submission) return undefined;
  const course = await r.courses.find(submission.achievementId);
  const found = course && findAssessment(course, submission.projectId);
  const project = found?.assessment.kind === "project" ? found.assessment : undefined;
  if (!project?.peerReview) return undefined;
  const tasks = await r.peerReviews.forSubmission(submissionId);
  const done = tasks.flatMap((t) => (t.submittedAt && t.scores ? [t.scores] : []));
  return {
    submission,
    project,
    settings: project.peerReview,
    tasks,
    reviews: anonymousReviews(project.rubric, tasks),
    aggregate: aggregateReviews(project.rubric, done, project.peerReview.disagreementPoints),
  };
}
