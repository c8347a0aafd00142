import { drawSize } from "../../domain/earning/quiz-draw.ts";
import { type AttemptPolicy, attemptPolicy, isExpired } from "../../domain/earning/quiz-policy.ts";
import type { Actor } from "../../domain/types.ts";
import { requireUser } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";
import { closeIfOverdueIn, learnerQuizIn } from "./learner-quiz.ts";

export type AttemptHistoryRow = {
  id: string;
  number: number;
  startedAt: Date;
  submittedAt: Date | null;
  state: "open" | "submitted" | "expired";
  percent: number | null;
  passed: boolean | null;
};

/**
 * A learner's view of a quiz before starting: its rules (questions drawn, pass mark, attempts, cool-down, time
 * limit), their attempts so far with the best score, and what they may do next. Nothing of the questions.
 */
export const quizOverview = (deps: AppDeps, actor: Actor, input: { achievementId: string; quizId: string }) =>
  deps.uow(async (r) => {
    const { userId } = requireUser(actor);
    const { enrolment, quiz, courseName } = await learnerQuizIn(
      r,
      userId,
      input.achievementId,
      input.quizId,
      ["active", "completed"],
    );
    const now = deps.clock();
    const attempts = await Promise.all(
      (await r.quizAttempts.listFor(enrolment.id, quiz.id)).map((a) => closeIfOverdueIn(r, a, now)),
    );
    const scores = attempts.flatMap((a) => (a.percent === null ? [] : [a.percent]));
    const policy: AttemptPolicy = attemptPolicy(quiz, attempts, now);
    return {
      courseName,
      enrolmentStatus: enrolment.status,
      quiz: {
        id: quiz.id,
        title: quiz.title,
        passMark: quiz.passMark,
        drawn: drawSize(quiz),
        hasMultiple: quiz.questions.some((q) => q.kind === "multiple"),
        maxAttempts: quiz.maxAttempts,
        cooldownMinutes: quiz.cooldownMinutes,
        timeLimitMinutes: quiz.timeLimitMinutes,
      },
      attempts: attempts.map(
        (a): AttemptHistoryRow => ({
          id: a.id,
          number: a.number,
          startedAt: a.startedAt,
          submittedAt: a.submittedAt,
          state: a.submittedAt === null ? "open" : isExpired(a) ? "expired" : "submitted",
          percent: a.percent,
          passed: a.passed,
        }),
      ),
      best: scores.length ? Math.max(...scores) : undefined,
      policy,
      now,
    };
  });
