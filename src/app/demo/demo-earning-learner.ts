import type { Question } from "../../domain/earning/course.ts";
import type { Answers } from "../../domain/earning/quiz-grading.ts";
import type { User } from "../../domain/types.ts";
import { userActor } from "../audit.ts";
import { completeModule } from "../earning/complete-module.ts";
import { enrol } from "../earning/enrol.ts";
import { startQuizAttempt } from "../earning/start-quiz-attempt.ts";
import { submitProject } from "../earning/submit-project.ts";
import { submitQuizAttempt } from "../earning/submit-quiz-attempt.ts";
import type { AppDeps } from "../ports.ts";
import type { DemoLearnerPlan } from "./demo-earning-cohort.ts";
import type { StoryClock } from "./demo-earning-course.ts";

const QUIZ = "chart-basics";
const PROJECT = "dashboard";

/** The answer the question's key accepts. */
function rightAnswer(q: Question): string[] {
  switch (q.kind) {
    case "single":
    case "multiple":
      return [...q.correct];
    case "numeric":
      return [String(q.answer)];
    case "text":
      return [q.accepted[0] ?? ""];
  }
}

/** A plausible wrong answer: another option, a number off by one, a word that is not the key. */
function wrongAnswer(q: Question): string[] {
  switch (q.kind) {
    case "single":
    case "multiple": {
      const wrong = q.options.find((o) => !q.correct.includes(o.id));
      return wrong ? [wrong.id] : [];
    }
    case "numeric":
      return [String(q.answer + 1)];
    case "text":
      return ["title"];
  }
}

/**
 * The seeder reads the attempt's drawn questions and their keys (server-side, as grading does) to answer them:
 * all right to pass, only the first half right to fail.
 */
async function answersFor(deps: AppDeps, attemptId: string, outcome: "fail" | "pass"): Promise<Answers> {
  const attempt = await deps.uow((r) => r.quizAttempts.find(attemptId));
  const questions = attempt?.snapshot.questions ?? [];
  const half = Math.floor(questions.length / 2);
  return Object.fromEntries(
    questions.map((q, i) => [q.id, outcome === "pass" || i < half ? rightAnswer(q) : wrongAnswer(q)]),
  );
}

/**
 * Plays a learner's own steps up to their stage, through the learner's use cases, each at its moment of the story:
 * enrolling, completing modules, attempting the quiz. Steps already taken (a re-run) are skipped.
 */
export async function learnDemoPath(
  at: StoryClock,
  achievementId: string,
  user: User,
  plan: DemoLearnerPlan,
) {
  const deps = at(0);
  const actor = userActor(user.id);
  const day = (n: number) => plan.enrolledDaysAgo - n;
  let enrolment = await deps.uow((r) => r.enrolments.findFor(achievementId, user.id));
  if (!enrolment) enrolment = await enrol(at(day(0)), user.id, achievementId);
  const enrolmentId = enrolment.id;
  const progress = await deps.uow((r) => r.enrolments.progress(enrolmentId));
  for (const [i, moduleId] of plan.modules.entries()) {
    if (!progress.modulesCompleted.includes(moduleId))
      await completeModule(at(day(i), 30), user.id, achievementId, moduleId);
  }
  const done = await deps.uow((r) => r.quizAttempts.listFor(enrolmentId, QUIZ));
  for (const [i, outcome] of plan.quiz.entries()) {
    if (done[i]?.submittedAt) continue;
    const input = { achievementId, quizId: QUIZ };
    const { attemptId } = await startQuizAttempt(at(day(i), 60), actor, input);
    const answers = await answersFor(deps, attemptId, outcome);
    await submitQuizAttempt(at(day(i), 66), actor, { ...input, attemptId, answers });
  }
  return enrolmentId;
}

/** The learner hands in their project (once: a learner with a submission has handed it in). */
export async function submitDemoProject(
  at: StoryClock,
  achievementId: string,
  user: User,
  enrolmentId: string,
  plan: DemoLearnerPlan,
) {
  if (!plan.project) return;
  const revisions = await at(0).uow((r) => r.submissions.revisions(enrolmentId, PROJECT));
  if (revisions.length) return;
  await submitProject(at(plan.project.daysAgo), userActor(user.id), {
    achievementId,
    projectId: PROJECT,
    text: plan.project.text,
    links: plan.project.links,
    files: [],
  });
}
