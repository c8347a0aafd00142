import type { Project } from "../../domain/earning/course.ts";
import type { Enrolment } from "../../domain/earning/enrolment.ts";
import type { AnonymousReview } from "../../domain/earning/peer-feedback.ts";
import { anonymousReviews } from "../../domain/earning/peer-feedback.ts";
import type { ProjectGrade } from "../../domain/earning/progress.ts";
import {
  nextRevision,
  type ProjectSubmission,
  type Refusal,
  type SubmissionFile,
} from "../../domain/earning/submission.ts";
import type { Actor } from "../../domain/types.ts";
import { requireUser } from "../authorize.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { achievementNameIn, learnerProjectIn } from "./project-access.ts";

export type RevisionView = ProjectSubmission & { files: SubmissionFile[] };

export type LearnerProjectView = {
  name: string;
  project: Project;
  enrolment: Enrolment;
  /** Newest first. */
  revisions: RevisionView[];
  /** Why a new submission would be refused now, or undefined when the learner may submit. */
  closed: Refusal | undefined;
  /** The grade the award rules count for this project, if any. */
  grade: ProjectGrade | undefined;
  /** Peer reviews of each revision, anonymous ("Reviewer 1"…), by submission id. */
  peerReviews: Record<string, AnonymousReview[]>;
};

/** A learner's own project page: the brief and rubric, their revisions with feedback and grades, and whether they may submit. */
export const learnerProject = (
  deps: AppDeps,
  actor: Actor,
  achievementId: string,
  projectId: string,
): Promise<LearnerProjectView> =>
  deps.uow(async (r) => {
    const user = requireUser(actor);
    const { project, enrolment } = await learnerProjectIn(r, user.userId, achievementId, projectId);
    const revisions = await r.submissions.revisions(enrolment.id, project.id);
    const files = await r.submissions.files(revisions.map((s) => s.id));
    const next = nextRevision(project, revisions, deps.clock());
    const closed = !next.ok
      ? next.refusal
      : enrolment.status !== "active"
        ? { code: "enrolment_not_active", message: "Your enrolment on this path is not active." }
        : undefined;
    const progress = await r.enrolments.progress(enrolment.id);
    return {
      name: await achievementNameIn(r, achievementId),
      project,
      enrolment,
      revisions: revisions.map((s) => ({ ...s, files: files.filter((f) => f.submissionId === s.id) })),
      closed,
      grade: progress.projectGrades[project.id],
      peerReviews: await peerReviewsOf(r, project, revisions),
    };
  });

/** The anonymous peer reviews of each revision, one query per revision (none when the project has no peer review). */
async function peerReviewsOf(r: Repositories, project: Project, revisions: readonly ProjectSubmission[]) {
  const reviews: Record<string, AnonymousReview[]> = {};
  if (!project.peerReview) return reviews;
  for (const s of revisions)
    reviews[s.id] = anonymousReviews(project.rubric, await r.peerReviews.forSubmission(s.id));
  return reviews;
}
