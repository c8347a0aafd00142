import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rubricCriterion } from "./course.ts";
import { aggregateReviews, median, nearestLevel } from "./peer-aggregate.ts";

const clarity = rubricCriterion.parse({
  id: "clarity",
  name: "Clarity",
  levels: [
    { id: "poor", name: "Poor", points: 0 },
    { id: "fair", name: "Fair", points: 2 },
    { id: "good", name: "Good", points: 4 },
  ],
});
const depth = rubricCriterion.parse({
  id: "depth",
  name: "Depth",
  levels: [
    { id: "shallow", name: "Shallow", points: 1 },
    { id: "deep", name: "Deep", points: 5 },
  ],
});
const review = (c: [string, number], d: [string, number]) => ({
  clarity: { levelId: c[0], points: c[1] },
  depth: { levelId: d[0], points: d[1] },
});

describe("aggregating peer reviews", () => {
  it("takes the median per criterion, the mean of the middle two for an even count", () => {
    expect(median([4, 0, 2])).toBe(2);
    expect(median([4, 0, 2, 2])).toBe(2);
    expect(median([5, 1])).toBe(3);
    expect(median([7])).toBe(7);
  });

  it("reports the level nearest the median, the lower one on a tie", () => {
    expect(nearestLevel(clarity, 3)?.id).toBe("fair");
    expect(nearestLevel(clarity, 3.5)?.id).toBe("good");
    expect(nearestLevel(depth, 3)?.id).toBe("shallow");
  });

  it("flags a submission when reviewers are more than the threshold apart on any criterion", () => {
    const reviews = [review(["good", 4], ["deep", 5]), review(["good", 4], ["shallow", 1])];
    const calm = aggregateReviews([clarity, depth], reviews, 4);
    expect(calm.flagged).toBe(false);
    expect(calm.criteria.map((c) => [c.criterionId, c.median, c.levelId])).toEqual([
      ["clarity", 4, "good"],
      ["depth", 3, "shallow"],
    ]);
    const flagged = aggregateReviews([clarity, depth], reviews, 3);
    expect(flagged.flagged).toBe(true);
    expect(flagged.criteria.find((c) => c.disagrees)?.criterionId).toBe("depth");
  });

  it("reports nothing for a criterion no review scored", () => {
    const result = aggregateReviews([clarity], [], 1);
    expect(result).toEqual({
      reviews: 0,
      flagged: false,
      criteria: [expect.objectContaining({ criterionId: "clarity", median: undefined, disagrees: false })],
    });
  });

  it("keeps the median within [min, max] and independent of the reviews' order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 15 }), (values) => {
        const m = median(values);
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
        expect(median([...values].reverse())).toBe(m);
        expect(median([...values].sort((a, b) => b - a))).toBe(m);
      }),
    );
  });

  it("aggregates the same whatever order the reviews arrive in", () => {
    const level = fc.constantFrom(...clarity.levels.map((l) => [l.id, l.points] as [string, number]));
    const deep = fc.constantFrom(...depth.levels.map((l) => [l.id, l.points] as [string, number]));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(level, deep), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 5 }),
        (pairs, threshold) => {
          const reviews = pairs.map(([c, d]) => review(c, d));
          const shuffled = [...reviews].reverse();
          expect(aggregateReviews([clarity, depth], shuffled, threshold)).toEqual(
            aggregateReviews([clarity, depth], reviews, threshold),
          );
        },
      ),
    );
  });
});
