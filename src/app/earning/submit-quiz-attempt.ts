import type { Question } from "../../domain/earning/course.ts";
import type { AttemptSnapshot } from "../../domain/earning/quiz-draw.ts";
import { type Answers, gradeAttempt } from "../../domain/earning/quiz-grading.ts";
import { isOverdue } from "../../domain/earning/quiz-policy.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { requireUser } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";
import { checkCompletionIn } from "./check-completion.ts";
import { closeIfOverdueIn, learnerQuizIn, ownAttemptIn } from "./learner-quiz.ts";

const tampered = () =>
  new DomainError(
    "quiz_answers_tampered",
    "These answers do not match the questions of this attempt. Reload the attempt and answer it again.",
  );
const alreadySubmitted = () =>
  new DomainError("quiz_attempt_submitted", "This attempt was already submitted; its result stands.");

/** Whether one answer could have come from this question's form: known option ids, one typed value of sane size. */
const fits = (q: Question, answer: readonly string[]) => {
  if (q.kind === "single" || q.kind === "multiple") {
    const ids = new Set(q.options.map((o) => o.id));
    return (q.kind === "multiple" || answer.length <= 1) && answer.every((id) => ids.has(id));
  }
  return answer.length <= 1 && answer.every((text) => text.length <= 500);
};

/** Answers for questions this attempt did not draw, or values its form could not send, are a tampered form. */
function checkAnswers(snapshot: AttemptSnapshot, answers: Answers) {
  const questions = new Map(snapshot.questions.map((q) => [q.id, q]));
  for (const [id, answer] of Object.entries(answers)) {
    const q = questions.get(id);
    if (!q || !fits(q, answer)) throw tampered();
  }
}

/**
 * Submits a learner's answers to one of their open attempts, grades them on the spot, and checks in the same
 * transaction whether the course is now complete (which awards the credential). Refused, with nothing changed: an
 * attempt that is not the learner's, one already submitted, answers that do not fit the attempt. A submission after
 * the deadline (plus 30 s grace) is refused too, and the attempt is recorded as expired with a score of 0.
 */
export async function submitQuizAttempt(
  deps: AppDeps,
  actor: Actor,
  input: { achievementId: string; quizId: string; attemptId: string; answers: Answers },
) {
  const { userId } = requireUser(actor);
  const outcome = await deps.uow(async (r) => {
    const { enrolment, quiz } = await learnerQuizIn(r, userId, input.achievementId, input.quizId, [
      "active",
      "completed",
    ]);
    await r.enrolments.lock(enrolment.id);
    const attempt = await ownAttemptIn(r, enrolment, quiz.id, input.attemptId);
    if (attempt.submittedAt !== null) throw alreadySubmitted();
    checkAnswers(attempt.snapshot, input.answers);
    const now = deps.clock();
    const base = { actor, organizationId: enrolment.organizationId, subject: attempt.id, at: now };
    if (isOverdue(attempt, now)) {
      // Committed before the refusal is reported: a late attempt counts, with a score of 0.
      await closeIfOverdueIn(r, attempt, now);
      await audit(r, {
        ...base,
        action: "quiz_attempt.expired",
        data: { quizId: quiz.id, number: attempt.number },
      });
      // The expired attempt counts: a rule that only asks for an attempt at the quiz may now be met.
      await checkCompletionIn(deps, r, enrolment.id);
      return { late: true as const };
    }
    const grade = gradeAttempt(attempt.snapshot, input.answers);
    const closed = await r.quizAttempts.close(attempt.id, {
      submittedAt: now,
      answers: input.answers,
      points: grade.points,
      maxPoints: grade.maxPoints,
      percent: grade.percent,
      passed: grade.passed,
    });
    if (!closed) throw alreadySubmitted();
    await audit(r, {
      ...base,
      action: "quiz_attempt.submitted",
      data: { quizId: quiz.id, number: attempt.number, percent: grade.percent, passed: grade.passed },
    });
    const awardId = await checkCompletionIn(deps, r, enrolment.id);
    return {
      late: false as const,
      attemptId: attempt.id,
      percent: grade.percent,
      passed: grade.passed,
      awardId,
    };
  });
  if (outcome.late) {
    throw new DomainError(
      "quiz_attempt_late",
      "Time was up for this attempt, so these answers were not accepted. The attempt counts, with a score of 0.",
    );
  }
  return outcome;
}
