import type { PeerReviewSettings } from "../../domain/earning/course.ts";
import type { PeerAggregate } from "../../domain/earning/peer-aggregate.ts";
import type { AnonymousReview } from "../../domain/earning/peer-feedback.ts";
import type { Repositories } from "../ports.ts";
import { type PeerFeedback, peerFeedbackFor } from "./peer-feedback.ts";

export type PeerSummary = {
  settings: PeerReviewSettings;
  /** Tasks assigned on this submission, and how many are submitted / still pending. */
  assigned: number;
  submitted: number;
  pending: number;
  /** The submitted reviews, anonymous ("Reviewer 1"…), with the level and points chosen per criterion. */
  reviews: AnonymousReview[];
  /** Per criterion: median points, the level nearest it, min and max, and whether reviewers disagree there. */
  criteria: PeerAggregate["criteria"];
  /** True when, on any criterion, reviewers are more than `settings.disagreementPoints` apart. */
  flagged: boolean;
};

/**
 * What the assessor's grading screen shows of peer review for one submission: the anonymous reviews, the median
 * per criterion (even count: mean of the two middle values; the level reported is the one nearest the median) and
 * the disagreement flag. Undefined when the project has no peer review. The caller has already checked that the
 * actor may grade in the submission's organization ("assessments:grade").
 */
export async function peerSummaryIn(r: Repositories, submissionId: string): Promise<PeerSummary | undefined> {
  const feedback = await peerFeedbackFor(r, submissionId);
  return feedback && summaryOf(feedback);
}

/** The summary of peer feedback already read. */
export function summaryOf(feedback: PeerFeedback): PeerSummary {
  const submitted = feedback.tasks.filter((t) => t.submittedAt).length;
  return {
    settings: feedback.settings,
    assigned: feedback.tasks.length,
    submitted,
    pending: feedback.tasks.length - submitted,
    reviews: feedback.reviews,
    criteria: feedback.aggregate.criteria,
    flagged: feedback.aggregate.flagged,
  };
}
