import { gradeAttempt } from "../../domain/earning/quiz-grading.ts";
import { isExpired } from "../../domain/earning/quiz-policy.ts";
import {
  correctAnswerText,
  givenAnswerText,
  type PublicQuestion,
  publicQuestions,
} from "../../domain/earning/quiz-view.ts";
import type { Actor } from "../../domain/types.ts";
import { requireUser } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";
import { closeIfOverdueIn, learnerQuizIn, ownAttemptIn } from "./learner-quiz.ts";

type Common = { courseName: string; quizTitle: string; attemptId: string; number: number; passMark: number };

/** An open attempt as the browser may see it: the public questions only, never a key. */
export type OpenAttemptView = Common & {
  state: "open";
  questions: PublicQuestion[];
  deadlineAt: Date | null;
};

export type ClosedAttemptView = Common & {
  state: "closed";
  expired: boolean;
  percent: number;
  points: number;
  maxPoints: number;
  passed: boolean;
  review: { prompt: string; points: number; correct: boolean; given: string; correctAnswer: string }[];
};

/**
 * One of the learner's attempts. While open: its questions without keys and its deadline. Once submitted or
 * expired: the score, pass or fail, and per question whether it was right, the learner's answer and the key.
 */
export const quizAttempt = (
  deps: AppDeps,
  actor: Actor,
  input: { achievementId: string; quizId: string; attemptId: string },
) =>
  deps.uow(async (r): Promise<OpenAttemptView | ClosedAttemptView> => {
    const { userId } = requireUser(actor);
    const { enrolment, quiz, courseName } = await learnerQuizIn(
      r,
      userId,
      input.achievementId,
      input.quizId,
      ["active", "completed"],
    );
    const attempt = await closeIfOverdueIn(
      r,
      await ownAttemptIn(r, enrolment, quiz.id, input.attemptId),
      deps.clock(),
    );
    const common = {
      courseName,
      quizTitle: quiz.title,
      attemptId: attempt.id,
      number: attempt.number,
      passMark: attempt.snapshot.passMark,
    };
    if (attempt.submittedAt === null) {
      return {
        ...common,
        state: "open",
        questions: publicQuestions(attempt.snapshot),
        deadlineAt: attempt.deadlineAt,
      };
    }
    const answers = attempt.answers ?? {};
    const grade = gradeAttempt(attempt.snapshot, answers);
    return {
      ...common,
      state: "closed",
      expired: isExpired(attempt),
      percent: attempt.percent ?? 0,
      points: attempt.points ?? 0,
      maxPoints: attempt.maxPoints ?? grade.maxPoints,
      passed: attempt.passed ?? false,
      review: attempt.snapshot.questions.map((q, i) => ({
        prompt: q.prompt,
        points: q.points,
        correct: isExpired(attempt) ? false : (grade.results[i]?.correct ?? false),
        given: givenAnswerText(q, answers[q.id]),
        correctAnswer: correctAnswerText(q),
      })),
    };
  });
