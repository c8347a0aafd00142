import type { RubricCriterion } from "./course.ts";
import type { RubricGrade } from "./enrolment.ts";

/**
 * Aggregating peer reviews. Per rubric criterion the score is the median of the reviewers' points: one careless or
 * hostile reviewer cannot drag it the way they would drag a mean. With an even count the median is the mean of the
 * two middle values; the level reported is the rubric level whose points are nearest the median (on a tie, the
 * lower one: a peer score never overstates). Reviewers disagree when, on any criterion, the highest and lowest
 * points are more than the project's `disagreementPoints` apart; such a submission is flagged for an assessor.
 */

/** The median of a non-empty list; order-independent. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** The criterion's level whose points are nearest `points`; on a tie the lower-scoring one. */
export function nearestLevel(criterion: RubricCriterion, points: number) {
  let best = criterion.levels[0];
  for (const level of criterion.levels) {
    if (!best) break;
    const [d, dBest] = [Math.abs(level.points - points), Math.abs(best.points - points)];
    if (d < dBest || (d === dBest && level.points < best.points)) best = level;
  }
  return best;
}

export type CriterionSummary = {
  criterionId: string;
  name: string;
  /** Undefined when no review scored this criterion. */
  median: number | undefined;
  levelId: string | undefined;
  levelName: string | undefined;
  min: number | undefined;
  max: number | undefined;
  disagrees: boolean;
};
export type PeerAggregate = { criteria: CriterionSummary[]; flagged: boolean; reviews: number };

/** Medians per criterion and the disagreement flag, over the submitted reviews' scores. */
export function aggregateReviews(
  rubric: readonly RubricCriterion[],
  reviews: readonly RubricGrade[],
  disagreementPoints: number,
): PeerAggregate {
  const criteria = rubric.map((criterion): CriterionSummary => {
    const points = reviews.flatMap((r) => {
      const score = r[criterion.id];
      return score ? [score.points] : [];
    });
    if (points.length === 0) {
      return {
        criterionId: criterion.id,
        name: criterion.name,
        median: undefined,
        levelId: undefined,
        levelName: undefined,
        min: undefined,
        max: undefined,
        disagrees: false,
      };
    }
    const m = median(points);
    const level = nearestLevel(criterion, m);
    const [min, max] = [Math.min(...points), Math.max(...points)];
    return {
      criterionId: criterion.id,
      name: criterion.name,
      median: m,
      levelId: level?.id,
      levelName: level?.name,
      min,
      max,
      disagrees: max - min > disagreementPoints,
    };
  });
  return { criteria, flagged: criteria.some((c) => c.disagrees), reviews: reviews.length };
}
