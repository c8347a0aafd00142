import type { Quiz } from "./course.ts";
import type { AttemptSnapshot } from "./quiz-draw.ts";
import type { Answers } from "./quiz-grading.ts";

/** Seconds of slack after a time limit, for the network between the learner's click and the server. */
export const QUIZ_GRACE_MS = 30_000;

/** What the attempt rules read of an attempt. */
export type AttemptSummary = {
  id: string;
  number: number;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
};

/** Whether an unsubmitted attempt's time is up (its deadline plus the grace period has passed). */
export const isOverdue = (attempt: AttemptSummary, now: Date) =>
  attempt.submittedAt === null &&
  attempt.deadlineAt !== null &&
  now.getTime() > attempt.deadlineAt.getTime() + QUIZ_GRACE_MS;

/** When an attempt ended: its submission, or its deadline when time ran out; undefined while it is open. */
export const endedAt = (attempt: AttemptSummary, now: Date): Date | undefined =>
  attempt.submittedAt ?? (isOverdue(attempt, now) ? (attempt.deadlineAt ?? undefined) : undefined);

export type AttemptPolicy =
  | { kind: "resume"; attemptId: string; used: number; left: number | undefined }
  | { kind: "start"; number: number; used: number; left: number | undefined }
  | { kind: "exhausted"; used: number; left: 0 }
  | { kind: "cooling"; until: Date; used: number; left: number | undefined };

/**
 * What a learner may do next on a quiz. An open attempt is resumed, never doubled. Every attempt started counts,
 * whether submitted, expired or passed; retakes after a pass are allowed (the best score counts) until the attempts
 * run out. A cool-down runs from the end of the previous attempt.
 */
export function attemptPolicy(
  quiz: Pick<Quiz, "maxAttempts" | "cooldownMinutes">,
  attempts: readonly AttemptSummary[],
  now: Date,
): AttemptPolicy {
  const used = attempts.length;
  const left = quiz.maxAttempts === undefined ? undefined : Math.max(0, quiz.maxAttempts - used);
  const open = attempts.find((a) => endedAt(a, now) === undefined);
  if (open) return { kind: "resume", attemptId: open.id, used, left };
  if (left === 0) return { kind: "exhausted", used, left };
  const lastEnd = Math.max(0, ...attempts.map((a) => endedAt(a, now)?.getTime() ?? 0));
  const until = new Date(lastEnd + quiz.cooldownMinutes * 60_000);
  if (used > 0 && quiz.cooldownMinutes > 0 && until > now) return { kind: "cooling", until, used, left };
  const number = Math.max(0, ...attempts.map((a) => a.number)) + 1;
  return { kind: "start", number, used, left };
}

/** A stored attempt. An attempt whose time ran out is closed with no answers and a score of 0: it still counts. */
export type QuizAttempt = AttemptSummary & {
  enrolmentId: string;
  quizId: string;
  snapshot: AttemptSnapshot;
  answers: Answers | null;
  points: number | null;
  maxPoints: number | null;
  percent: number | null;
  passed: boolean | null;
};

/** Closed because time ran out (rather than submitted with answers). */
export const isExpired = (attempt: Pick<QuizAttempt, "submittedAt" | "answers">) =>
  attempt.submittedAt !== null && attempt.answers === null;
