import type { RubricCriterion } from "./course.ts";
import type { RubricGrade } from "./enrolment.ts";

/** One submitted review as anyone but its author sees it: "Reviewer N", the levels chosen, the comment. */
export type AnonymousReview = {
  label: string;
  submittedAt: Date;
  scores: { criterionId: string; criterion: string; levelId: string; level: string; points: number }[];
  comment: string | null;
};

/**
 * Submitted reviews, numbered in the order they were submitted (so a number never changes once shown), with no
 * trace of who wrote them: the reviewer's enrolment, name and address never enter the result.
 */
export function anonymousReviews(
  rubric: readonly RubricCriterion[],
  reviews: readonly { submittedAt: Date | null; scores: RubricGrade | null; comment: string | null }[],
): AnonymousReview[] {
  return reviews
    .flatMap((r) =>
      r.submittedAt && r.scores ? [{ ...r, submittedAt: r.submittedAt, scores: r.scores }] : [],
    )
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
    .map((r, i) => ({
      label: `Reviewer ${i + 1}`,
      submittedAt: r.submittedAt,
      comment: r.comment,
      scores: rubric.flatMap((criterion) => {
        const score = r.scores[criterion.id];
        if (!score) return [];
        const level = criterion.levels.find((l) => l.id === score.levelId);
        return [
          {
            criterionId: criterion.id,
            criterion: criterion.name,
            levelId: score.levelId,
            level: level?.name ?? score.levelId,
            points: score.points,
          },
        ];
      }),
    }));
}
