import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import type { AppDeps } from "../ports.ts";
import { editQuiz } from "./quiz-edit.ts";

/** Removes a question from a quiz's bank. Attempts already started keep their own copy and grade as before. */
export const deleteQuizQuestion = (
  deps: AppDeps,
  actor: Actor,
  target: { slug: string; achievementId: string; quizId: string; questionId: string },
) =>
  editQuiz(deps, actor, target, (quiz) => {
    if (!quiz.questions.some((q) => q.id === target.questionId)) {
      throw new DomainError("quiz_question_not_found", "This quiz has no such question.");
    }
    return { ...quiz, questions: quiz.questions.filter((q) => q.id !== target.questionId) };
  });
