import type { Evidence, Result, ResultDescription } from "../open-badges/types.ts";
import { type CourseContent, projectsOf, quizzesOf, rubricMaxPoints } from "./course.ts";
import type { RubricGrade } from "./enrolment.ts";

/** What a learner did on a path, as recorded: the facts a credential earned this way carries. */
export type LearningRecord = {
  startedAt: Date;
  modules: { moduleId: string; completedAt: Date }[];
  /** The best submitted attempt per quiz, and how many attempts were made. */
  quizzes: { quizId: string; percent: number; attempt: number; attempts: number; submittedAt: Date }[];
  /** The latest graded revision per project, with the peer reviews it received. */
  projects: {
    projectId: string;
    revision: number;
    grade: RubricGrade;
    points: number;
    gradedAt: Date;
    peerReviews: number;
    /** What the learner handed in for that revision, and the assessor's feedback: shown on the evidence page. */
    text: string;
    links: string[];
    feedback: string | null;
  }[];
  reviewsGiven: number;
};

/** The parts of an OB 3.0 credential that say why it was awarded: result descriptions, results, evidence, dates. */
export type EarnedParts = {
  resultDescriptions: ResultDescription[];
  results: Result[];
  evidence: Evidence[];
  activityStartDate: Date;
  activityEndDate: Date;
};

const percent = (n: number) => `${Math.round(n * 10) / 10}`;
const day = (d: Date) => d.toISOString().slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Builds the earned parts from the course and the learner's record. Result descriptions are anchored on the
 * achievement's id (`<achievement>#quiz-<id>`, `#project-<id>-<criterion>`), so each result names what it measures.
 */
export function earnedParts(input: {
  achievementId: string;
  course: CourseContent;
  record: LearningRecord;
  evidenceUrl: string;
  completedAt: Date;
}): EarnedParts {
  const { achievementId, course, record } = input;
  const anchor = (suffix: string) => `${achievementId}#${suffix}`;
  const descriptions: ResultDescription[] = [];
  const results: Result[] = [];
  const lines: string[] = [];

  const modulesDone = course.modules.filter((m) => record.modules.some((d) => d.moduleId === m.id));
  if (modulesDone.length) {
    lines.push(
      `Completed ${plural(modulesDone.length, "module")}: ${modulesDone.map((m) => m.title).join(", ")}.`,
    );
  }
  for (const quiz of quizzesOf(course)) {
    const taken = record.quizzes.find((q) => q.quizId === quiz.id);
    if (!taken) continue;
    const id = anchor(`quiz-${quiz.id}`);
    descriptions.push({
      id,
      type: ["ResultDescription"],
      name: `${quiz.title} (score)`,
      resultType: "Percent",
      requiredValue: percent(quiz.passMark),
      valueMin: "0",
      valueMax: "100",
    });
    const passed = taken.percent >= quiz.passMark;
    results.push({
      type: ["Result"],
      resultDescription: id,
      value: percent(taken.percent),
      status: passed ? "Completed" : "Failed",
    });
    lines.push(
      `Quiz "${quiz.title}": ${percent(taken.percent)}% (pass mark ${percent(quiz.passMark)}%) on attempt ${taken.attempt} of ${taken.attempts}, ${day(taken.submittedAt)}.`,
    );
  }
  for (const project of projectsOf(course)) {
    const graded = record.projects.find((p) => p.projectId === project.id);
    if (!graded) continue;
    for (const criterion of project.rubric) {
      const id = anchor(`project-${project.id}-${criterion.id}`);
      const levelId = (level: string) => `${id}-${level}`;
      descriptions.push({
        id,
        type: ["ResultDescription"],
        name: `${project.title}: ${criterion.name}`,
        resultType: "RubricCriterionLevel",
        allowedValue: criterion.levels.map((l) => l.name),
        rubricCriterionLevel: criterion.levels.map((l) => ({
          id: levelId(l.id),
          type: ["RubricCriterionLevel"],
          name: l.name,
          ...(l.descriptor ? { description: l.descriptor } : {}),
          points: percent(l.points),
        })),
      });
      const chosen = graded.grade[criterion.id];
      const level = criterion.levels.find((l) => l.id === chosen?.levelId);
      if (!level) continue;
      results.push({
        type: ["Result"],
        resultDescription: id,
        achievedLevel: levelId(level.id),
        value: level.name,
      });
    }
    const totalId = anchor(`project-${project.id}`);
    descriptions.push({
      id: totalId,
      type: ["ResultDescription"],
      name: `${project.title} (rubric score)`,
      resultType: "RubricScore",
      requiredValue: percent(project.passPoints),
      valueMin: "0",
      valueMax: percent(rubricMaxPoints(project.rubric)),
    });
    results.push({
      type: ["Result"],
      resultDescription: totalId,
      value: percent(graded.points),
      status: graded.points >= project.passPoints ? "Completed" : "Failed",
    });
    const reviewed = graded.peerReviews ? `, after ${plural(graded.peerReviews, "peer review")}` : "";
    lines.push(
      `Project "${project.title}": ${percent(graded.points)} of ${percent(rubricMaxPoints(project.rubric))} rubric points (pass ${percent(project.passPoints)}), revision ${graded.revision}, graded by an assessor on ${day(graded.gradedAt)}${reviewed}.`,
    );
  }
  if (record.reviewsGiven)
    lines.push(`Gave ${plural(record.reviewsGiven, "peer review")} to other learners.`);

  const passId = anchor("outcome");
  descriptions.push({
    id: passId,
    type: ["ResultDescription"],
    name: "Outcome",
    resultType: "Status",
    allowedValue: ["Passed"],
  });
  results.push({ type: ["Result"], resultDescription: passId, value: "Passed", status: "Completed" });

  return {
    resultDescriptions: descriptions,
    results,
    evidence: [
      {
        id: input.evidenceUrl,
        type: ["Evidence"],
        name: "Learning record",
        genre: "Learning record",
        description: "What the learner did on the learning path that awarded this credential.",
        narrative: lines.join("\n\n") || "Met the criteria of the learning path.",
      },
    ],
    activityStartDate: record.startedAt,
    activityEndDate: input.completedAt,
  };
}
