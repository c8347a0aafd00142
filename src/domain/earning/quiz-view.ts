import type { Question } from "./course.ts";
import type { AttemptSnapshot } from "./quiz-draw.ts";

/**
 * A question as the learner sees it before submitting: prompt, points and options in the drawn order, and nothing
 * else. Built field by field (never by removing the key from a copy), so a key added to the model later cannot
 * leak by accident.
 */
export type PublicQuestion =
  | {
      id: string;
      kind: "single" | "multiple";
      prompt: string;
      points: number;
      options: { id: string; text: string }[];
    }
  | { id: string; kind: "numeric" | "text"; prompt: string; points: number };

export function publicQuestion(q: Question): PublicQuestion {
  const base = { id: q.id, prompt: q.prompt, points: q.points };
  return q.kind === "single" || q.kind === "multiple"
    ? { ...base, kind: q.kind, options: q.options.map((o) => ({ id: o.id, text: o.text })) }
    : { ...base, kind: q.kind };
}

export const publicQuestions = (snapshot: AttemptSnapshot): PublicQuestion[] =>
  snapshot.questions.map(publicQuestion);

/** The right answer in words, shown only after submission. */
export function correctAnswerText(q: Question): string {
  switch (q.kind) {
    case "single":
    case "multiple":
      return q.options
        .filter((o) => q.correct.includes(o.id))
        .map((o) => o.text)
        .join("; ");
    case "numeric":
      return q.tolerance > 0 ? `${q.answer} (± ${q.tolerance})` : String(q.answer);
    case "text":
      return q.accepted.join(" or ");
  }
}

/** The learner's answer in words, for the result page. */
export function givenAnswerText(q: Question, answer: readonly string[] | undefined): string {
  const given = answer ?? [];
  if (q.kind === "single" || q.kind === "multiple") {
    const texts = q.options.filter((o) => given.includes(o.id)).map((o) => o.text);
    return texts.length ? texts.join("; ") : "No answer";
  }
  const typed = (given[0] ?? "").trim();
  return typed || "No answer";
}
