import { describe, expect, it } from "vitest";
import type { Question } from "./course.ts";
import type { AttemptSnapshot } from "./quiz-draw.ts";
import { gradeAttempt, isCorrect, normalizeText, parseNumber } from "./quiz-grading.ts";

const single: Question = {
  kind: "single",
  id: "s",
  prompt: "Capital of France?",
  points: 1,
  options: [
    { id: "a", text: "Paris" },
    { id: "b", text: "Lyon" },
  ],
  correct: ["a"],
};
const multiple: Question = {
  kind: "multiple",
  id: "m",
  prompt: "Primes?",
  points: 2,
  options: [
    { id: "two", text: "2" },
    { id: "three", text: "3" },
    { id: "four", text: "4" },
  ],
  correct: ["two", "three"],
};
const numeric: Question = {
  kind: "numeric",
  id: "n",
  prompt: "Pi?",
  points: 1,
  answer: 3.14,
  tolerance: 0.01,
};
const text: Question = { kind: "text", id: "t", prompt: "Tower?", points: 1, accepted: ["Eiffel Tower"] };

describe("grading a quiz attempt", () => {
  it("single choice: exactly the correct option", () => {
    expect(isCorrect(single, ["a"])).toBe(true);
    expect(isCorrect(single, ["b"])).toBe(false);
    expect(isCorrect(single, ["a", "b"])).toBe(false);
    expect(isCorrect(single, undefined)).toBe(false);
  });

  it("multiple choice: exactly the correct set, all or nothing", () => {
    expect(isCorrect(multiple, ["three", "two"])).toBe(true);
    expect(isCorrect(multiple, ["two"])).toBe(false);
    expect(isCorrect(multiple, ["two", "three", "four"])).toBe(false);
    expect(isCorrect(multiple, [])).toBe(false);
  });

  it("numeric: within the tolerance, inclusive at both ends, with a decimal comma accepted", () => {
    expect(isCorrect(numeric, ["3.15"])).toBe(true);
    expect(isCorrect(numeric, ["3.13"])).toBe(true);
    expect(isCorrect(numeric, ["3,14"])).toBe(true);
    expect(isCorrect(numeric, ["3.1501"])).toBe(false);
    expect(isCorrect(numeric, ["pi"])).toBe(false);
    expect(isCorrect(numeric, [""])).toBe(false);
    expect(isCorrect({ ...numeric, answer: 0.3, tolerance: 0 }, [String(0.1 + 0.2)])).toBe(true);
  });

  it("text: compared after normalizing case, accents, spacing and punctuation at the ends", () => {
    expect(normalizeText("  ÉIFFEL   tower!  ")).toBe("eiffel tower");
    expect(normalizeText("ﬁne")).toBe("fine");
    expect(isCorrect(text, ["  eiffel\ttower. "])).toBe(true);
    expect(isCorrect(text, ["Éiffel Tower"])).toBe(true);
    expect(isCorrect(text, ["Eiffel-Tower"])).toBe(false);
    expect(isCorrect(text, ["Eiffel"])).toBe(false);
    expect(isCorrect(text, ["!!!"])).toBe(false);
  });

  it("parses typed numbers strictly", () => {
    expect(parseNumber(" -2.5 ")).toBe(-2.5);
    expect(parseNumber("1e3")).toBe(1000);
    expect(parseNumber("12abc")).toBeUndefined();
    expect(parseNumber("")).toBeUndefined();
  });

  it("adds points, computes the percentage and compares it with the pass mark", () => {
    const snapshot: AttemptSnapshot = { passMark: 60, questions: [single, multiple, numeric, text] };
    const grade = gradeAttempt(snapshot, { s: ["a"], m: ["two", "three"], n: ["3"], t: ["nope"] });
    expect(grade.points).toBe(3);
    expect(grade.maxPoints).toBe(5);
    expect(grade.percent).toBe(60);
    expect(grade.passed).toBe(true);
    expect(grade.results.map((r) => r.correct)).toEqual([true, true, false, false]);
    const thirds = gradeAttempt(
      { passMark: 70, questions: [single, numeric, text] },
      { s: ["a"], n: ["3.14"] },
    );
    expect(thirds.percent).toBe(66.67);
    expect(thirds.passed).toBe(false);
    expect(gradeAttempt({ passMark: 0, questions: [] }, {})).toMatchObject({ percent: 0, passed: false });
  });
});
