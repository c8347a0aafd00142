import { describe, expect, it } from "vitest";
import { rubricCriterion } from "./course.ts";
import { anonymousReviews } from "./peer-feedback.ts";

const clarity = rubricCriterion.parse({
  id: "clarity",
  name: "Clarity",
  levels: [
    { id: "unclear", name: "Unclear", points: 0 },
    { id: "clear", name: "Clear", points: 2 },
  ],
});
const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute));

describe("anonymous reviews", () => {
  it("numbers submitted reviews in the order they were submitted and leaves pending ones out", () => {
    const reviews = anonymousReviews(
      [clarity],
      [
        { submittedAt: at(9), scores: { clarity: { levelId: "clear", points: 2 } }, comment: "Later" },
        { submittedAt: null, scores: null, comment: null },
        { submittedAt: at(3), scores: { clarity: { levelId: "unclear", points: 0 } }, comment: null },
      ],
    );
    expect(reviews.map((r) => [r.label, r.comment, r.scores[0]?.level])).toEqual([
      ["Reviewer 1", null, "Unclear"],
      ["Reviewer 2", "Later", "Clear"],
    ]);
    expect(Object.keys(reviews[0] ?? {}).sort()).toEqual(["comment", "label", "scores", "submittedAt"]);
  });
});
