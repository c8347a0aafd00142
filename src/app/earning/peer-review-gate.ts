import type { Project } from "../../domain/earning/course.ts";
import type { ProjectSubmission } from "../../domain/earning/submission.ts";
import type { AppDeps, Repositories } from "../ports.ts";

/**
 * THE SEAM FOR PEER REVIEW. Grading asks this one function what peer review says about a submission: the panel the
 * grading screen shows (reviews received, medians per criterion, disagreement) and whether grading must wait
 * (the project requires learners to review before they are graded and this learner has not). Peer review (issue 5,
 * item 5) fills it in; until a project enables peer review there is nothing to show and nothing to wait for.
 */
export type PeerPanel = {
  /** Completed reviews of this submission, and how many the project asks for (k). */
  received: number;
  expected: number;
  /** Median points per rubric criterion over the completed reviews. */
  medians: Record<string, number>;
  /** Reviewers disagree beyond the project's threshold: an assessor should look closely. */
  flagged: boolean;
  /** Free-text lines to show the assessor (reviewers' comments, anonymised). */
  notes: string[];
};

export type PeerReviewGate = {
  panel: PeerPanel | undefined;
  /** Why grading must wait, or undefined when the assessor may grade now. */
  blocked: string | undefined;
};

export async function peerReviewGate(
  _deps: AppDeps,
  _r: Repositories,
  _input: { project: Project; submission: ProjectSubmission },
): Promise<PeerReviewGate> {
  // No reviews are recorded yet (peer review fills this in), so there is no panel and grading never waits.
  return { panel: undefined, blocked: undefined };
}
