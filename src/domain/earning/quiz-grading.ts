import type { Question } from "./course.ts";
import type { AttemptSnapshot } from "./quiz-draw.ts";

/** A learner's answers: question id → the chosen option ids, or the one typed value (number or text). */
export type Answers = Readonly<Record<string, readonly string[]>>;

export type QuestionResult = { questionId: string; correct: boolean; points: number; maxPoints: number };
export type AttemptGrade = {
  points: number;
  maxPoints: number;
  /** 0–100, rounded to two decimals. */
  percent: number;
  passed: boolean;
  results: QuestionResult[];
};

/**
 * Text answers compare after normalization: compatibility decomposition (NFKD) with accents removed, lower case,
 * runs of white space as one space, and punctuation at either end removed ("  Éiffel   Tower. " → "eiffel tower").
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, "");
}

/** A typed number: a decimal comma is accepted ("3,5"); anything else that is not a finite number is no answer. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(",", "."));
  return Number.isFinite(value) ? value : undefined;
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
};

/**
 * Whether an answer is right. Single choice: exactly the correct option. Multiple choice: exactly the set of correct
 * options, all or nothing (one missing or one extra tick scores 0). Numeric: within the tolerance, inclusive.
 * Text: equal to an accepted answer after normalization.
 */
export function isCorrect(q: Question, answer: readonly string[] | undefined): boolean {
  const given = answer ?? [];
  switch (q.kind) {
    case "single":
      return given.length === 1 && given[0] === q.correct[0];
    case "multiple":
      return given.length > 0 && sameSet(given, q.correct);
    case "numeric": {
      const value = given.length === 1 ? parseNumber(given[0] ?? "") : undefined;
      if (value === undefined) return false;
      // A hair of slack so 0.1 + 0.2 still equals 0.3 at tolerance 0.
      const slack = 1e-9 * Math.max(1, Math.abs(q.answer));
      return Math.abs(value - q.answer) <= q.tolerance + slack;
    }
    case "text": {
      if (given.length !== 1) return false;
      const typed = normalizeText(given[0] ?? "");
      return typed !== "" && q.accepted.some((accepted) => normalizeText(accepted) === typed);
    }
  }
}

/** Grades an attempt against its snapshot: points per question, the total, the percentage and pass or fail. */
export function gradeAttempt(snapshot: AttemptSnapshot, answers: Answers): AttemptGrade {
  const results = snapshot.questions.map((q): QuestionResult => {
    const correct = isCorrect(q, answers[q.id]);
    return { questionId: q.id, correct, points: correct ? q.points : 0, maxPoints: q.points };
  });
  const points = results.reduce((sum, r) => sum + r.points, 0);
  const maxPoints = results.reduce((sum, r) => sum + r.maxPoints, 0);
  const percent = maxPoints > 0 ? Math.round((points / maxPoints) * 10_000) / 100 : 0;
  // The same comparison the award rules make on the stored percentage, so "passed" and "rule met" never differ.
  const passed = maxPoints > 0 && percent >= snapshot.passMark;
  return { points, maxPoints, percent, passed, results };
}

/** The right answer to one question, as a learner would give it. */
const keyOf = (q: Question): string[] =>
  q.kind === "single" || q.kind === "multiple"
    ? [...q.correct]
    : q.kind === "numeric"
      ? [String(q.answer)]
      : [q.accepted[0] ?? ""];

/** The answers that are right: each question's key as a learner would give it. */
export const keyAnswers = (snapshot: AttemptSnapshot): Record<string, string[]> =>
  Object.fromEntries(snapshot.questions.map((q) => [q.id, keyOf(q)]));
