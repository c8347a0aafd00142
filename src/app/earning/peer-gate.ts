import { findAssessment } from "../../domain/earning/course.ts";
import type { Repositories } from "../ports.ts";

export type PeerGate = { open: true } | { open: false; done: number; required: number; message: string };

/**
 * Whether a submission may be graded yet, as far as peer review goes. When its project says
 * `peerReview.reviewBeforeGraded`, the author must first complete min(k, tasks assigned to them) reviews of that
 * project (a late submitter with fewer tasks, or none, is never stuck); grading refuses while it is closed
 * (peer-review-gate.ts). Open for projects without peer review and unknown submissions.
 */
export async function peerGateIn(r: Repositories, submissionId: string): Promise<PeerGate> {
  const submission = await r.peerReviews.findSubmission(submissionId);
  if (!submission) return { open: true };
  const course = await r.courses.find(submission.achievementId);
  const found = course && findAssessment(course, submission.projectId);
  const settings = found?.assessment.kind === "project" ? found.assessment.peerReview : undefined;
  if (!settings?.reviewBeforeGraded) return { open: true };
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
