import { z } from "zod";
import type { Actor } from "../../domain/types.ts";
import type { AppDeps } from "../ports.ts";
import { editQuiz } from "./quiz-edit.ts";
import { parseFields } from "./quiz-form-fields.ts";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const whole = (min: number, max: number, message: string) =>
  z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);

const settingsForm = z.object({
  title: z.string().trim().min(1, "Name the quiz.").max(200, "Use at most 200 characters."),
  passMark: z.preprocess(
    blank,
    z.coerce
      .number({ error: "Give the pass mark as a percentage from 0 to 100." })
      .min(0, "Give the pass mark as a percentage from 0 to 100.")
      .max(100, "Give the pass mark as a percentage from 0 to 100."),
  ),
  drawCount: z.preprocess(blank, whole(1, 200, "Draw a whole number of questions from 1 to 200.").optional()),
  shuffleOptions: z.preprocess((v) => v === "yes", z.boolean()),
  maxAttempts: z.preprocess(
    blank,
    whole(1, 100, "Allow from 1 to 100 attempts, or leave it empty.").optional(),
  ),
  cooldownMinutes: z.preprocess(
    blank,
    whole(0, 60 * 24 * 30, "Give the cool-down in whole minutes, at most 30 days.").default(0),
  ),
  timeLimitMinutes: z.preprocess(
    blank,
    whole(1, 600, "Give a time limit from 1 to 600 minutes, or leave it empty.").optional(),
  ),
});

/** Saves a quiz's settings (title, pass mark, draw, shuffling, attempts, cool-down, time limit) from the editor form. */
export const saveQuizSettings = (
  deps: AppDeps,
  actor: Actor,
  target: { slug: string; achievementId: string; quizId: string },
  form: unknown,
) =>
  editQuiz(deps, actor, target, (quiz) => {
    // Read inside the edit, after the actor's permission is checked.
    const { drawCount, maxAttempts, timeLimitMinutes, ...always } = parseFields(settingsForm, form);
    return {
      kind: quiz.kind,
      id: quiz.id,
      questions: quiz.questions,
      ...always,
      // Empty means "not set": all questions, unlimited attempts, no time limit.
      ...(drawCount === undefined ? {} : { drawCount }),
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
      ...(timeLimitMinutes === undefined ? {} : { timeLimitMinutes }),
    };
  });
