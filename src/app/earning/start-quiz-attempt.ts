import { drawAttempt, randomFromUint32 } from "../../domain/earning/quiz-draw.ts";
import { attemptPolicy } from "../../domain/earning/quiz-policy.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { requireUser } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";
import { closeIfOverdueIn, learnerQuizIn } from "./learner-quiz.ts";

const minutes = (n: number) => `${n} minute${n === 1 ? "" : "s"}`;

/**
 * Starts an attempt at a quiz for a learner with an active enrolment, or resumes the one still open. Draws the
 * questions, shuffles them and their options, and stores them with their keys and the deadline. Refused when the
 * attempts are used up or during the cool-down after the previous attempt.
 */
export const startQuizAttempt = (
  deps: AppDeps,
  actor: Actor,
  input: { achievementId: string; quizId: string },
) =>
  deps.uow(async (r) => {
    const { userId } = requireUser(actor);
    const { enrolment, quiz } = await learnerQuizIn(r, userId, input.achievementId, input.quizId, ["active"]);
    // Two starts at once (two tabs) queue on the enrolment row: the second resumes what the first started.
    await r.enrolments.lock(enrolment.id);
    const now = deps.clock();
    const attempts = await Promise.all(
      (await r.quizAttempts.listFor(enrolment.id, quiz.id)).map((a) => closeIfOverdueIn(r, a, now)),
    );
    const policy = attemptPolicy(quiz, attempts, now);
    if (policy.kind === "resume") return { attemptId: policy.attemptId, resumed: true };
    if (policy.kind === "exhausted")
      throw new DomainError(
        "quiz_attempts_exhausted",
        `You have used all ${policy.used} attempts at this quiz.`,
      );
    if (policy.kind === "cooling") {
      const wait = Math.ceil((policy.until.getTime() - now.getTime()) / 60_000);
      throw new DomainError(
        "quiz_cooling_down",
        `You can try this quiz again in ${minutes(wait)}, at ${policy.until.toISOString().slice(11, 16)} UTC.`,
      );
    }
    if (quiz.questions.length === 0)
      throw new DomainError("quiz_empty", "This quiz has no questions yet. Try again later.");
    const id = deps.newId();
    const snapshot = drawAttempt(quiz, randomFromUint32(deps.randomUint32));
    const deadlineAt = quiz.timeLimitMinutes
      ? new Date(now.getTime() + quiz.timeLimitMinutes * 60_000)
      : null;
    await r.quizAttempts.insert({
      id,
      enrolmentId: enrolment.id,
      quizId: quiz.id,
      number: policy.number,
      snapshot,
      startedAt: now,
      deadlineAt,
      submittedAt: null,
      answers: null,
      points: null,
      maxPoints: null,
      percent: null,
      passed: null,
    });
    await audit(r, {
      action: "quiz_attempt.started",
      actor,
      organizationId: enrolment.organizationId,
      subject: id,
      data: { enrolmentId: enrolment.id, quizId: quiz.id, number: policy.number },
      at: now,
    });
    return { attemptId: id, resumed: false };
  });
