import { type CourseContent, findAssessment, projectsOf, type Rule } from "./course.ts";

/** A leaf rule in plain words, naming the modules and assessments it is about. */
export function ruleText(course: CourseContent, rule: Rule): string {
  const assessmentTitle = (id: string) => {
    const found = findAssessment(course, id);
    return found ? `“${found.assessment.title}”` : "(removed)";
  };
  switch (rule.kind) {
    case "all":
      return "Meet every rule below";
    case "any":
      return "Meet at least one rule below";
    case "module": {
      const module = course.modules.find((m) => m.id === rule.moduleId);
      return `Complete the module ${module ? `“${module.title}”` : "(removed)"}`;
    }
    case "quiz":
      return `Score at least ${rule.minPercent}% in the quiz ${assessmentTitle(rule.quizId)}`;
    case "rubric": {
      const project = projectsOf(course).find((p) => p.id === rule.projectId);
      const criterion = rule.criterionId && project?.rubric.find((c) => c.id === rule.criterionId);
      const points = `${rule.minPoints} ${rule.minPoints === 1 ? "point" : "points"}`;
      return criterion
        ? `Reach ${points} on “${criterion.name}” in the project ${assessmentTitle(rule.projectId)}`
        : `Reach ${points} in the project ${assessmentTitle(rule.projectId)}`;
    }
    case "reviews": {
      const reviews = `${rule.min} peer ${rule.min === 1 ? "review" : "reviews"}`;
      return rule.projectId
        ? `Give ${reviews} in the project ${assessmentTitle(rule.projectId)}`
        : `Give ${reviews}`;
    }
  }
}

/** Done leaf rules over all leaf rules, as a whole percentage (100 once there is nothing left to do). */
export const percentDone = (checklist: readonly { met: boolean }[]): number =>
  checklist.length === 0
    ? 100
    : Math.round((100 * checklist.filter((item) => item.met).length) / checklist.length);
