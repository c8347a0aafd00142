import { z } from "zod";
import type { Quiz } from "../../domain/earning/course.ts";
import { findAssessment } from "../../domain/earning/course.ts";
import type { Enrolment, EnrolmentStatus } from "../../domain/earning/enrolment.ts";
import { isOverdue, type QuizAttempt } from "../../domain/earning/quiz-policy.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Repositories } from "../ports.ts";
import { achievementNameIn } from "./project-access.ts";

// Shared by the learner's quiz use cases: finding the quiz on the learner's own path, and closing attempts whose
// time ran out.

export const quizNotFound = () => new DomainError("quiz_not_found", "This course has no such quiz.");
export const attemptNotFound = () =>
  new DomainError("quiz_attempt_not_found", "You have no such attempt at this quiz.");

const uuid = z.uuid();

/** The learner's enrolment, the quiz and the course's name; refused unless the enrolment is in one of `statuses`. */
export async function learnerQuizIn(
  r: Repositories,
  userId: string,
  achievementId: string,
  quizId: string,
  statuses: readonly EnrolmentStatus[],
): Promise<{ enrolment: Enrolment; quiz: Quiz; courseName: string }> {
  if (!uuid.safeParse(achievementId).success) throw quizNotFound();
  const course = await r.courses.find(achievementId);
  const found = course && findAssessment(course, quizId);
  if (!course || found?.assessment.kind !== "quiz") throw quizNotFound();
  const enrolment = await r.enrolments.findFor(achievementId, userId);
  if (!enrolment || !statuses.includes(enrolment.status)) {
    throw new DomainError(
      "not_enrolled",
      enrolment?.status === "pending"
        ? "Your enrolment in this course awaits approval."
        : enrolment?.status === "completed"
          ? "You have completed this course: its quizzes are closed."
          : "Enrol in this course to take its quizzes.",
    );
  }
  return {
    enrolment,
    quiz: found.assessment,
    courseName: (await achievementNameIn(r, achievementId)) || "Course",
  };
}

/** One of the learner's attempts at this quiz, by the id a form or address carries. */
export async function ownAttemptIn(r: Repositories, enrolment: Enrolment, quizId: string, attemptId: string) {
  if (!uuid.safeParse(attemptId).success) throw attemptNotFound();
  const attempt = await r.quizAttempts.find(attemptId);
  if (!attempt || attempt.enrolmentId !== enrolment.id || attempt.quizId !== quizId) throw attemptNotFound();
  return attempt;
}

/**
 * Records an open attempt whose time is up as expired: ended at its deadline, no answers, score 0. It counts as an
 * attempt. Returns the attempt as it now stands.
 */
export async function closeIfOverdueIn(
  r: Repositories,
  attempt: QuizAttempt,
  now: Date,
): Promise<QuizAttempt> {
  if (!isOverdue(attempt, now) || !attempt.deadlineAt) return attempt;
  const maxPoints = attempt.snapshot.questions.reduce((sum, q) => sum + q.points, 0);
  const outcome = {
    submittedAt: attempt.deadlineAt,
    answers: null,
    points: 0,
    maxPoints,
    percent: 0,
    passed: false,
  };
  await r.quizAttempts.close(attempt.id, outcome);
  return { ...attempt, ...outcome };
}
