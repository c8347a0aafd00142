import type { Repositories } from "../ports.ts";
import { type PeerFeedback, peerFeedbackFor } from "./peer-feedback.ts";

export type PeerGate = { open: true } | { open: false; done: number; required: number; message: string };

/**
 * Whether a submission may be graded yet, as far as peer review goes. When its project says
 * `peerReview.reviewBeforeGraded`, the author must first complete min(k, tasks assigned to them) reviews of that
 * project (a late submitter with fewer tasks, or none, is never stuck); grading refuses while it is closed
 * (peer-review-gate.ts). Open for projects without peer review and unknown submissions.
 */
export async function peerGateIn(r: Repositories, submissionId: string): Promise<PeerGate> {
  return gateFor(r, await peerFeedbackFor(r, submissionId));
}

/** The gate for peer feedback already read (undefined: no such submission, or no peer review on its project). */
export async function gateFor(r: Repositories, feedback: PeerFeedback | undefined): Promise<PeerGate> {
  if (!feedback?.settings.reviewBeforeGraded) return { open: true };
  const { submission, settings } = feedback;
  const tasks = (await r.peerReviews.forReviewer(submission.enrolmentId)).filter(
    (t) => t.projectId === submission.projectId,
  );
  const done = tasks.filter((t) => t.submittedAt).length;
  const required = Math.min(settings.reviews, tasks.length);
  if (done >= required) return { open: true };
  return {
    open: false,
    done,
    required,
    message: `The learner must complete their peer reviews before being graded: ${done} of ${required} done.`,
  };
}
