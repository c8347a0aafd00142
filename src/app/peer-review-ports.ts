// The port of peer review: review tasks over project submissions. Re-exported from ports.ts.
import type { RubricGrade } from "../domain/earning/enrolment.ts";

/** A review task: assigned when submissions arrive, completed with a level per rubric criterion. */
export type PeerReview = {
  id: string;
  submissionId: string;
  reviewerEnrolmentId: string;
  assignedAt: Date;
  submittedAt: Date | null;
  scores: RubricGrade | null;
  comment: string | null;
};

/** A project submission as peer review reads it (the author is only an enrolment id, never a person). */
export type ReviewableSubmission = {
  id: string;
  enrolmentId: string;
  achievementId: string;
  organizationId: string;
  projectId: string;
  revision: number;
  text: string;
  links: string[];
  status: string;
  submittedAt: Date;
};

export type PeerReviewRepository = {
  /** Every submission (all revisions) of a project on one path, oldest first. */
  submissionsForProject(achievementId: string, projectId: string): Promise<ReviewableSubmission[]>;
  findSubmission(id: string): Promise<ReviewableSubmission | undefined>;
  /** The ids, names, types and sizes of a submission's files (no uploader, no storage key). */
  filesOf(submissionId: string): Promise<{ id: string; name: string; mediaType: string; size: number }[]>;
  /** Serializes assignment for one project until the transaction ends (two arrivals never plan on stale state). */
  lockProject(achievementId: string, projectId: string): Promise<void>;
  /** Every task on the project's submissions, in the order they were assigned. */
  forProject(achievementId: string, projectId: string): Promise<PeerReview[]>;
  forSubmission(submissionId: string): Promise<PeerReview[]>;
  /** A reviewer's tasks, each with the project it belongs to, newest first. */
  forReviewer(reviewerEnrolmentId: string): Promise<(PeerReview & { projectId: string })[]>;
  insert(review: PeerReview): Promise<void>;
  /** Deletes a task that is still pending; a completed review is never deleted. */
  withdraw(submissionId: string, reviewerEnrolmentId: string): Promise<void>;
  /** Loads and locks the task for the rest of the transaction. */
  lock(id: string): Promise<PeerReview | undefined>;
  /** Records the review if still pending; false when it was already submitted. */
  complete(
    id: string,
    review: { scores: RubricGrade; comment: string | null; submittedAt: Date },
  ): Promise<boolean>;
};
