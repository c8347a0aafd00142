import type { Repositories } from "../ports.ts";
import { peerGateIn } from "./peer-gate.ts";
import { type PeerSummary, peerSummaryIn } from "./peer-summary.ts";

export type PeerReviewGate = {
  /** What peer review says of the submission (undefined when its project has none). */
  panel: PeerSummary | undefined;
  /** Why grading must wait, or undefined when the assessor may grade now. */
  blocked: string | undefined;
};

/**
 * What grading asks of peer review for one submission: the panel the grading screen shows (anonymous reviews, the
 * median per criterion, disagreement) and whether grading must wait because the project requires learners to
 * review before they are graded and this learner has not.
 */
export async function peerReviewGate(r: Repositories, submissionId: string): Promise<PeerReviewGate> {
  const [panel, gate] = await Promise.all([peerSummaryIn(r, submissionId), peerGateIn(r, submissionId)]);
  return { panel, blocked: gate.open ? undefined : gate.message };
}
