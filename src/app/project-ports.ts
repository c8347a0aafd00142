// The port of project submissions (revisions, their files, the assessor queue). Re-exported from ports.ts.
import type { ProjectSubmission, SubmissionFile, SubmissionStatus } from "../domain/earning/submission.ts";

/** A submission awaiting grading, as the assessor queue lists it. */
export type QueuedSubmission = ProjectSubmission & {
  achievementId: string;
  learnerName: string;
  fileCount: number;
};

export type SubmissionRepository = {
  insert(submission: ProjectSubmission): Promise<void>;
  insertFile(file: SubmissionFile): Promise<void>;
  find(id: string): Promise<ProjectSubmission | undefined>;
  /** Loads and locks the submission row for the rest of the transaction. */
  lock(id: string): Promise<ProjectSubmission | undefined>;
  /** Every revision of one learner's project, newest first. */
  revisions(enrolmentId: string, projectId: string): Promise<ProjectSubmission[]>;
  files(submissionIds: readonly string[]): Promise<SubmissionFile[]>;
  findFile(id: string): Promise<SubmissionFile | undefined>;
  update(
    id: string,
    changes: Partial<
      Pick<ProjectSubmission, "status" | "gradedAt" | "gradedBy" | "grade" | "points" | "feedback">
    >,
  ): Promise<void>;
  /** The organization's submissions awaiting grading, oldest first. */
  queue(organizationId: string, limit: number): Promise<QueuedSubmission[]>;
  /** How many of the organization's latest revisions are in each status. */
  countByStatus(organizationId: string): Promise<Record<SubmissionStatus, number>>;
};
