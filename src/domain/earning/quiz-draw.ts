import { z } from "zod";
import { type Question, type Quiz, question } from "./course.ts";

/**
 * What one attempt was given: the drawn questions in the order shown, with their options in the order shown and
 * their answer keys, and the pass mark then in force. Stored with the attempt, so editing the quiz later never
 * changes how an attempt is graded. It holds the keys: it never leaves the server (see quiz-view.ts).
 */
export const attemptSnapshot = z.object({
  passMark: z.number().min(0).max(100),
  questions: z.array(question),
});
export type AttemptSnapshot = z.output<typeof attemptSnapshot>;

/** A source of randomness returning a number in [0, 1), injected so draws are reproducible in tests. */
export type Random = () => number;

/** A uniform random index in [0, n). */
const below = (random: Random, n: number) => Math.min(n - 1, Math.floor(random() * n));

/** Fisher–Yates: a uniformly random permutation, leaving the input untouched. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = below(random, i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

const withShuffledOptions = (q: Question, random: Random): Question =>
  q.kind === "single" || q.kind === "multiple" ? { ...q, options: shuffled(q.options, random) } : q;

/** How many questions an attempt at this quiz draws: `drawCount`, or the whole bank when unset or larger. */
export const drawSize = (quiz: Pick<Quiz, "questions" | "drawCount">) =>
  Math.min(quiz.drawCount ?? quiz.questions.length, quiz.questions.length);

/**
 * Draws an attempt: `drawSize` distinct questions of the bank in random order, each with its options shuffled when
 * the quiz asks for it.
 */
export function drawAttempt(quiz: Quiz, random: Random): AttemptSnapshot {
  const questions = shuffled(quiz.questions, random).slice(0, drawSize(quiz));
  return {
    passMark: quiz.passMark,
    questions: quiz.shuffleOptions ? questions.map((q) => withShuffledOptions(q, random)) : questions,
  };
}

/** A Random from a source of uniformly random 32-bit unsigned integers. */
export const randomFromUint32 =
  (uint32: () => number): Random =>
  () =>
    (uint32() >>> 0) / 2 ** 32;
