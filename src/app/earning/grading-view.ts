import type { Project } from "../../domain/earning/course.ts";
import {
  latestRevision,
  type ProjectSubmission,
  type SubmissionFile,
} from "../../domain/earning/submission.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization, type OrganizationAccess } from "../authorize.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { type PeerReviewGate, peerReviewGate } from "./peer-review-gate.ts";
import { achievementNameIn, projectIn } from "./project-access.ts";

const noSubmission = () => new DomainError("submission_not_found", "There is no such submission.");

/** The organization's submission with its project; other organizations' submissions are "not found". */
export async function gradableIn(
  r: Repositories,
  actor: Actor,
  slug: string,
  submissionId: string,
  lock = false,
) {
  const access = await authorizeOrganization(r, actor, slug, "assessments:grade");
  const submission = await (lock ? r.submissions.lock(submissionId) : r.submissions.find(submissionId));
  if (!submission || submission.organizationId !== access.organization.id) throw noSubmission();
  const enrolment = await r.enrolments.find(submission.enrolmentId);
  if (!enrolment) throw noSubmission();
  const course = await r.courses.find(enrolment.achievementId);
  const project = projectIn(course, submission.projectId);
  const revisions = await r.submissions.revisions(enrolment.id, submission.projectId);
  return { access, submission, enrolment, project, revisions };
}

export type GradingView = OrganizationAccess & {
  submission: ProjectSubmission;
  files: SubmissionFile[];
  project: Project;
  achievementId: string;
  achievementName: string;
  learnerName: string;
  /** Earlier revisions of the same project, newest first, with their feedback. */
  earlier: ProjectSubmission[];
  /** Whether this is the latest revision and awaits grading: only then can it be graded or returned. */
  gradable: boolean;
  peer: PeerReviewGate;
};

/** The grading screen: the submission, its files, the rubric, earlier revisions and what peer review says. */
export const gradingView = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  submissionId: string,
): Promise<GradingView> =>
  deps.uow(async (r) => {
    const { access, submission, enrolment, project, revisions } = await gradableIn(
      r,
      actor,
      slug,
      submissionId,
    );
    const learner = await r.users.findById(enrolment.userId);
    return {
      ...access,
      submission,
      files: await r.submissions.files([submission.id]),
      project,
      achievementId: enrolment.achievementId,
      achievementName: await achievementNameIn(r, enrolment.achievementId),
      learnerName: learner?.name ?? "",
      earlier: revisions.filter((s) => s.revision < submission.revision),
      gradable: submission.status === "submitted" && latestRevision(revisions)?.id === submission.id,
      peer: await peerReviewGate(r, submission.id),
    };
  });
