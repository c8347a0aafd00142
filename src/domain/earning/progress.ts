import type { Rule } from "./course.ts";

/** A learner's graded project: the latest revision that was graded, its total and its points per rubric criterion. */
export type ProjectGrade = { revision: number; points: number; byCriterion: Record<string, number> };

/** What a learner has done on a path, as the rules see it. */
export type Progress = {
  modulesCompleted: readonly string[];
  /** Best score per quiz, in percent. */
  quizBest: Readonly<Record<string, number>>;
  projectGrades: Readonly<Record<string, ProjectGrade>>;
  /** Peer reviews completed, per project. */
  reviewsGiven: Readonly<Record<string, number>>;
};

export const NO_PROGRESS: Progress = {
  modulesCompleted: [],
  quizBest: {},
  projectGrades: {},
  reviewsGiven: {},
};

/** One thing that happened on a path. */
export type ProgressEvent =
  | { kind: "module"; moduleId: string }
  | { kind: "quiz"; quizId: string; percent: number }
  | { kind: "graded"; projectId: string; grade: ProjectGrade }
  | { kind: "review"; projectId: string };

/**
 * Folds one event into progress. Every branch is order-independent (a set, a maximum, the highest revision, a
 * count), so the same events give the same progress, and the same rule outcome, whatever order they arrive in.
 */
export function withEvent(progress: Progress, event: ProgressEvent): Progress {
  switch (event.kind) {
    case "module":
      return progress.modulesCompleted.includes(event.moduleId)
        ? progress
        : { ...progress, modulesCompleted: [...progress.modulesCompleted, event.moduleId].sort() };
    case "quiz":
      return {
        ...progress,
        quizBest: {
          ...progress.quizBest,
          [event.quizId]: Math.max(event.percent, progress.quizBest[event.quizId] ?? 0),
        },
      };
    case "graded": {
      const earlier = progress.projectGrades[event.projectId];
      if (earlier && !isLater(event.grade, earlier)) return progress;
      return { ...progress, projectGrades: { ...progress.projectGrades, [event.projectId]: event.grade } };
    }
    case "review":
      return {
        ...progress,
        reviewsGiven: {
          ...progress.reviewsGiven,
          [event.projectId]: (progress.reviewsGiven[event.projectId] ?? 0) + 1,
        },
      };
  }
}

// A total order on grades (revision, then total, then the points per criterion), so that two grades of one
// revision, which grading never records but a fold must still handle, give the same progress in either order.
const canonical = (g: ProjectGrade) => JSON.stringify(Object.entries(g.byCriterion).sort());
const isLater = (a: ProjectGrade, b: ProjectGrade) =>
  a.revision !== b.revision
    ? a.revision > b.revision
    : a.points !== b.points
      ? a.points > b.points
      : canonical(a) > canonical(b);

/** Whether a rule tree is met by this progress. */
export function ruleMet(rule: Rule, progress: Progress): boolean {
  switch (rule.kind) {
    case "all":
      return rule.rules.every((r) => ruleMet(r, progress));
    case "any":
      return rule.rules.some((r) => ruleMet(r, progress));
    case "module":
      return progress.modulesCompleted.includes(rule.moduleId);
    case "quiz":
      return (progress.quizBest[rule.quizId] ?? -1) >= rule.minPercent;
    case "rubric": {
      const grade = progress.projectGrades[rule.projectId];
      if (!grade) return false;
      const points = rule.criterionId ? grade.byCriterion[rule.criterionId] : grade.points;
      return points !== undefined && points >= rule.minPoints;
    }
    case "reviews": {
      const given = rule.projectId
        ? (progress.reviewsGiven[rule.projectId] ?? 0)
        : Object.values(progress.reviewsGiven).reduce((a, b) => a + b, 0);
      return given >= rule.min;
    }
  }
}

/** The leaf rules of a tree with whether each is met: the checklist a learner sees. */
export function ruleChecklist(rule: Rule, progress: Progress): { rule: Rule; met: boolean }[] {
  if (rule.kind === "all" || rule.kind === "any")
    return rule.rules.flatMap((r) => ruleChecklist(r, progress));
  return [{ rule, met: ruleMet(rule, progress) }];
}
