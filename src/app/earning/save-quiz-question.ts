import { z } from "zod";
import { type Question, question as questionSchema } from "../../domain/earning/course.ts";
import { normalizeText, parseNumber } from "../../domain/earning/quiz-grading.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import type { AppDeps } from "../ports.ts";
import { editQuiz } from "./quiz-edit.ts";
import { parseFields } from "./quiz-form-fields.ts";

/** The question editor's form as the page reads it: option rows with their tick, the rest as typed. */
export const questionForm = z.object({
  kind: z.enum(["single", "multiple", "numeric", "text"], { error: "Choose the kind of question." }),
  prompt: z.string(),
  points: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean() })).max(10),
  answer: z.string(),
  tolerance: z.string(),
  accepted: z.string(),
});

const OPTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const fail = (field: string, message: string) =>
  new DomainError("validation_failed", "Some fields need attention.", { [field]: message });

/** Builds the question the form describes; problems are reported on the form's fields. */
function questionFrom(deps: AppDeps, id: string, form: z.output<typeof questionForm>): Question {
  const points = parseNumber(form.points || "1");
  const base = { id, prompt: form.prompt, points: points ?? Number.NaN };
  let candidate: unknown;
  if (form.kind === "single" || form.kind === "multiple") {
    const seen = new Set<string>();
    const options = form.options
      .filter((o) => o.text.trim() !== "")
      .map((o) => {
        const optionId = OPTION_ID.test(o.id) && !seen.has(o.id) ? o.id : deps.newId();
        seen.add(optionId);
        return { id: optionId, text: o.text, correct: o.correct };
      });
    candidate = {
      ...base,
      kind: form.kind,
      options: options.map(({ id, text }) => ({ id, text })),
      correct: options.filter((o) => o.correct).map((o) => o.id),
    };
  } else if (form.kind === "numeric") {
    const answer = parseNumber(form.answer);
    if (answer === undefined) throw fail("answer", "Give the answer as a number, such as 42 or 3.14.");
    const tolerance = form.tolerance.trim() === "" ? 0 : parseNumber(form.tolerance);
    if (tolerance === undefined || tolerance < 0)
      throw fail("tolerance", "Give the tolerance as a number of 0 or more.");
    candidate = { ...base, kind: "numeric", answer, tolerance };
  } else {
    const accepted = form.accepted
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (accepted.some((a) => normalizeText(a) === ""))
      throw fail("accepted", "Each accepted answer needs at least one letter or digit.");
    candidate = { ...base, kind: "text", accepted };
  }
  const parsed = questionSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "prompt");
    fields[field] ??= field === "points" ? "Give the points as a whole number from 1 to 100." : issue.message;
  }
  throw new DomainError("validation_failed", "Some fields need attention.", fields);
}

/**
 * Adds a question to a quiz's bank (no `questionId`) or replaces one, from the editor's form. Single and multiple
 * choice: options with the correct ones ticked; numeric: the answer and a tolerance; text: accepted answers.
 */
export function saveQuizQuestion(
  deps: AppDeps,
  actor: Actor,
  target: { slug: string; achievementId: string; quizId: string; questionId?: string | undefined },
  form: unknown,
) {
  const id = target.questionId ?? deps.newId();
  // Read inside the edit, after the actor's permission is checked.
  return editQuiz(deps, actor, target, (quiz) => {
    const built = questionFrom(deps, id, parseFields(questionForm, form));
    if (target.questionId === undefined) return { ...quiz, questions: [...quiz.questions, built] };
    if (!quiz.questions.some((q) => q.id === id)) {
      throw new DomainError("quiz_question_not_found", "This quiz has no such question.");
    }
    return { ...quiz, questions: quiz.questions.map((q) => (q.id === id ? built : q)) };
  });
}
