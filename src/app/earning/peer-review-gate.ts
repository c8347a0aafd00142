import type { Repositories } from "../ports.ts";
import { peerFeedbackFor } from "./peer-feedback.ts";
import { gateFor } from "./peer-gate.ts";
import { type PeerSummary, summaryOf } from "./peer-summary.ts";

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
  const feedback = await peerFeedbackFor(r, submissionId);
  const gate = await gateFor(r, feedback);
  return { panel: feedback && summaryOf(feedback), blocked: gate.open ? undefined : gate.message };
}
