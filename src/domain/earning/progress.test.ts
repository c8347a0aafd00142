import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Rule } from "./course.ts";
import { NO_PROGRESS, type ProgressEvent, ruleChecklist, ruleMet, withEvent } from "./progress.ts";

const IDS = ["a", "b", "c"] as const;
const id = fc.constantFrom(...IDS);

const event: fc.Arbitrary<ProgressEvent> = fc.oneof(
  fc.record({ kind: fc.constant("module" as const), moduleId: id }),
  fc.record({ kind: fc.constant("quiz" as const), quizId: id, percent: fc.integer({ min: 0, max: 100 }) }),
  fc.record({
    kind: fc.constant("graded" as const),
    projectId: id,
    grade: fc.record({
      revision: fc.integer({ min: 1, max: 3 }),
      points: fc.integer({ min: 0, max: 10 }),
      byCriterion: fc.record({ x: fc.integer({ min: 0, max: 5 }) }),
    }),
  }),
  fc.record({ kind: fc.constant("review" as const), projectId: id }),
);

const leaf: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({ kind: fc.constant("module" as const), moduleId: id }),
  fc.record({ kind: fc.constant("quiz" as const), quizId: id, minPercent: fc.integer({ min: 0, max: 100 }) }),
  fc.record({
    kind: fc.constant("rubric" as const),
    projectId: id,
    minPoints: fc.integer({ min: 0, max: 10 }),
    criterionId: fc.constantFrom(undefined, "x"),
  }),
  fc.record({
    kind: fc.constant("reviews" as const),
    projectId: fc.constantFrom(undefined, ...IDS),
    min: fc.integer({ min: 1, max: 4 }),
  }),
);
const rule: fc.Arbitrary<Rule> = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { maxDepth: 3, depthIdentifier: "rule" },
    leaf,
    fc.record({
      kind: fc.constantFrom("all" as const, "any" as const),
      rules: fc.array(tie("rule"), { minLength: 1, maxLength: 4 }),
    }),
  ),
})).rule;

const fold = (events: readonly ProgressEvent[]) => events.reduce(withEvent, NO_PROGRESS);

describe("rules over a learning path", () => {
  it("evaluates a rule tree the same whatever the order of events", () => {
    fc.assert(
      fc.property(
        rule,
        fc
          .array(event, { maxLength: 25 })
          .chain((events) =>
            fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
          ),
        (tree, [events, shuffled]) => {
          expect(ruleMet(tree, fold(shuffled))).toBe(ruleMet(tree, fold(events)));
          expect(fold(shuffled)).toEqual(fold(events));
        },
      ),
    );
  });

  it("never takes back a met rule when more events arrive", () => {
    fc.assert(
      fc.property(
        rule,
        fc.array(event, { maxLength: 15 }),
        fc.array(event, { maxLength: 10 }),
        (tree, before, after) => {
          const progress = fold(before);
          fc.pre(ruleMet(tree, progress));
          // Regrading a later revision lower can lower a rubric score; every other event only adds.
          fc.pre(after.every((e) => e.kind !== "graded"));
          expect(ruleMet(tree, after.reduce(withEvent, progress))).toBe(true);
        },
      ),
    );
  });

  it("meets 'all' exactly when every leaf of a flat list is met, and 'any' when one is", () => {
    fc.assert(
      fc.property(
        fc.array(leaf, { minLength: 1, maxLength: 5 }),
        fc.array(event, { maxLength: 20 }),
        (leaves, events) => {
          const progress = fold(events);
          const checklist = ruleChecklist({ kind: "all", rules: leaves }, progress);
          expect(ruleMet({ kind: "all", rules: leaves }, progress)).toBe(checklist.every((c) => c.met));
          expect(ruleMet({ kind: "any", rules: leaves }, progress)).toBe(checklist.some((c) => c.met));
        },
      ),
    );
  });

  it("folds two grades of one revision with the same total the same either way (a counterexample fast-check found)", () => {
    const one = {
      kind: "graded" as const,
      projectId: "c",
      grade: { revision: 2, points: 9, byCriterion: { x: 1 } },
    };
    const other = { ...one, grade: { ...one.grade, byCriterion: { x: 0 } } };
    expect(fold([one, other])).toEqual(fold([other, one]));
  });

  it("reads examples as a registrar would", () => {
    const progress = fold([
      { kind: "module", moduleId: "a" },
      { kind: "quiz", quizId: "a", percent: 60 },
      { kind: "quiz", quizId: "a", percent: 85 },
      { kind: "quiz", quizId: "a", percent: 40 },
      { kind: "graded", projectId: "p", grade: { revision: 1, points: 3, byCriterion: { x: 1 } } },
      { kind: "graded", projectId: "p", grade: { revision: 2, points: 7, byCriterion: { x: 4 } } },
      { kind: "review", projectId: "p" },
      { kind: "review", projectId: "p" },
    ]);
    expect(progress.quizBest.a).toBe(85);
    expect(ruleMet({ kind: "quiz", quizId: "a", minPercent: 85 }, progress)).toBe(true);
    expect(ruleMet({ kind: "quiz", quizId: "a", minPercent: 86 }, progress)).toBe(false);
    expect(ruleMet({ kind: "rubric", projectId: "p", minPoints: 7 }, progress)).toBe(true);
    expect(ruleMet({ kind: "rubric", projectId: "p", minPoints: 4, criterionId: "x" }, progress)).toBe(true);
    expect(ruleMet({ kind: "rubric", projectId: "p", minPoints: 5, criterionId: "x" }, progress)).toBe(false);
    expect(ruleMet({ kind: "reviews", projectId: "p", min: 2 }, progress)).toBe(true);
    expect(ruleMet({ kind: "reviews", min: 3 }, progress)).toBe(false);
    expect(ruleMet({ kind: "module", moduleId: "b" }, progress)).toBe(false);
    expect(ruleMet({ kind: "all", rules: [] }, progress)).toBe(true);
  });
});
