import { latestRevision } from "../../domain/earning/submission.ts";
import type { Actor, User } from "../../domain/types.ts";
import { userActor } from "../audit.ts";
import { setEvidenceVisibility } from "../earning/evidence.ts";
import { gradeSubmission } from "../earning/grade-submission.ts";
import { levelField, submitReview } from "../earning/submit-review.ts";
import type { DemoLearnerPlan } from "./demo-earning-cohort.ts";
import type { StoryClock } from "./demo-earning-course.ts";

type Levels = Record<"fit" | "access" | "story", "beginning" | "developing" | "proficient">;
type PeerView = { levels: Levels; comment: string };

/**
 * What peers make of each author's dashboard: the first review submitted on it, then the second. Priya's two
 * reviewers put accessibility at opposite ends of the scale, which flags her submission for the assessor.
 */
const PEER_VIEWS: Record<string, readonly PeerView[]> = {
  "lena@learner.test": [
    {
      levels: { fit: "proficient", access: "proficient", story: "proficient" },
      comment:
        "The sorted bars answer the first question at a glance, and the labels make the legend unnecessary.",
    },
    {
      levels: { fit: "proficient", access: "proficient", story: "developing" },
      comment: "Very readable. The rationale could say why growth is shown as lines.",
    },
  ],
  "priya@learner.test": [
    {
      levels: { fit: "proficient", access: "proficient", story: "developing" },
      comment: "The heat map shows the seasons well and the table is easy to scan.",
    },
    {
      levels: { fit: "developing", access: "beginning", story: "developing" },
      comment:
        "The heat map's red–green scale cannot be read by colour-blind users, and it has no text alternative.",
    },
  ],
  "noah@learner.test": [
    {
      levels: { fit: "beginning", access: "developing", story: "beginning" },
      comment: "Twelve pies make it hard to see which branch grew.",
    },
  ],
  "luis@learner.test": [
    {
      levels: { fit: "proficient", access: "developing", story: "developing" },
      comment: "Small multiples work well; the grey lines are a little faint.",
    },
    {
      levels: { fit: "developing", access: "developing", story: "proficient" },
      comment: "Good reasoning in the text; one chart compares months that are not in the brief.",
    },
  ],
};

/**
 * The learner completes the review tasks their stage calls for (all of them, or those on some learners' work),
 * through the reviewer's use case; tasks already submitted (a re-run) are left alone.
 */
export async function reviewDemoWork(
  at: StoryClock,
  achievementId: string,
  user: User,
  enrolmentId: string,
  plan: DemoLearnerPlan,
  authorOf: (enrolmentId: string) => string | undefined,
) {
  const deps = at(0);
  const tasks = await deps.uow((r) => r.peerReviews.forReviewer(enrolmentId));
  for (const [i, task] of [...tasks].reverse().entries()) {
    if (task.submittedAt) continue;
    const submission = await deps.uow((r) => r.peerReviews.findSubmission(task.submissionId));
    const author = submission && authorOf(submission.enrolmentId);
    if (!author || (plan.reviews !== "all" && !plan.reviews.includes(author))) continue;
    const earlier = await deps.uow((r) => r.peerReviews.forSubmission(task.submissionId));
    const views = PEER_VIEWS[author] ?? [];
    const view = views[earlier.filter((t) => t.submittedAt).length] ?? views.at(-1);
    if (!view) continue;
    const values: Record<string, string> = { comment: view.comment };
    for (const [criterion, level] of Object.entries(view.levels)) values[levelField(criterion)] = level;
    await submitReview(at(plan.reviewDaysAgo ?? 0, 10 + 20 * i), userActor(user.id), {
      achievementId,
      reviewId: task.id,
      values,
    });
  }
}

/** The assessor grades or returns the learner's latest revision, if it still awaits that decision. */
export async function assessDemoWork(
  at: StoryClock,
  slug: string,
  assessor: Actor,
  enrolmentId: string,
  plan: DemoLearnerPlan,
) {
  if (!plan.assessor) return;
  const revisions = await at(0).uow((r) => r.submissions.revisions(enrolmentId, "dashboard"));
  const latest = latestRevision(revisions);
  if (latest?.status !== "submitted") return;
  await gradeSubmission(at(plan.assessor.daysAgo), assessor, slug, latest.id, plan.assessor.decision);
}

/** The learner makes the evidence page behind their credential public, once. */
export async function publishDemoEvidence(at: StoryClock, user: User, enrolmentId: string) {
  const enrolment = await at(0).uow((r) => r.enrolments.find(enrolmentId));
  if (!enrolment || enrolment.evidencePublic || enrolment.status !== "completed") return;
  await setEvidenceVisibility(at(1), user.id, enrolmentId, true);
}
