import { DomainError } from "../errors.ts";
import { type CourseContent, projectsOf, quizzesOf, type Rule } from "./course.ts";

/**
 * The criteria rules as an issuer edits them on one form: a combinator and one optional threshold per part of the
 * path. Field names: `combine` (all|any), `module:<id>` (on), `quiz:<id>` (min %), `rubric:<project>` (min total),
 * `rubric:<project>:<criterion>` (min points), `reviews:<project>` (min reviews given).
 */
export type RuleForm = Record<string, string>;

/** The most rules one path holds (the course model's limit on a rule list). */
export const MAX_RULES = 50;

const threshold = (value: string | undefined, field: string, max: number, errors: Record<string, string>) => {
  const text = value?.trim() ?? "";
  if (text === "") return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || n > max) {
    errors[field] = `Enter a number from 0 to ${max}, or leave it empty.`;
    return undefined;
  }
  return n;
};

/** Reads the form into a rule tree; refuses unknown parts, bad numbers and a form that sets no rule at all. */
export function rulesFromForm(course: CourseContent, form: RuleForm): Rule {
  const errors: Record<string, string> = {};
  const rules: Rule[] = [];
  for (const m of course.modules) {
    if (form[`module:${m.id}`] === "on") rules.push({ kind: "module", moduleId: m.id });
  }
  for (const q of quizzesOf(course)) {
    const min = threshold(form[`quiz:${q.id}`], `quiz:${q.id}`, 100, errors);
    if (min !== undefined) rules.push({ kind: "quiz", quizId: q.id, minPercent: min });
  }
  for (const p of projectsOf(course)) {
    const total = threshold(form[`rubric:${p.id}`], `rubric:${p.id}`, 100_000, errors);
    if (total !== undefined) rules.push({ kind: "rubric", projectId: p.id, minPoints: total });
    for (const c of p.rubric) {
      const field = `rubric:${p.id}:${c.id}`;
      const min = threshold(form[field], field, 1000, errors);
      if (min !== undefined)
        rules.push({ kind: "rubric", projectId: p.id, minPoints: min, criterionId: c.id });
    }
    const reviews = threshold(form[`reviews:${p.id}`], `reviews:${p.id}`, 100, errors);
    if (reviews) rules.push({ kind: "reviews", projectId: p.id, min: Math.ceil(reviews) });
  }
  const known = new Set(Object.keys(formFromRules(course, undefined)));
  for (const key of Object.keys(form)) {
    if (key.includes(":") && !known.has(key))
      errors[key] = "This part is no longer on the path. Reload the page.";
  }
  if (Object.keys(errors).length)
    throw new DomainError("validation_failed", "Some rules need attention.", errors);
  if (rules.length === 0) {
    throw new DomainError("validation_failed", "Set at least one rule, or use the default rules.", {
      combine: "Set at least one rule.",
    });
  }
  if (rules.length > MAX_RULES) {
    throw new DomainError(
      "validation_failed",
      `Set at most ${MAX_RULES} rules; this form sets ${rules.length}.`,
      {
        combine: `Set at most ${MAX_RULES} rules.`,
      },
    );
  }
  return { kind: form.combine === "any" ? "any" : "all", rules };
}

/** The form's values for a flat rule list (the default rules when none are set); every field present. */
export function formFromRules(course: CourseContent, rule: Rule | undefined): RuleForm {
  const form: RuleForm = { combine: rule?.kind === "any" ? "any" : "all" };
  for (const m of course.modules) form[`module:${m.id}`] = "";
  for (const q of quizzesOf(course)) form[`quiz:${q.id}`] = "";
  for (const p of projectsOf(course)) {
    form[`rubric:${p.id}`] = "";
    for (const c of p.rubric) form[`rubric:${p.id}:${c.id}`] = "";
    form[`reviews:${p.id}`] = "";
  }
  const leaves = rule && (rule.kind === "all" || rule.kind === "any") ? rule.rules : rule ? [rule] : [];
  for (const leaf of leaves) {
    if (leaf.kind === "module") form[`module:${leaf.moduleId}`] = "on";
    if (leaf.kind === "quiz") form[`quiz:${leaf.quizId}`] = String(leaf.minPercent);
    if (leaf.kind === "rubric") {
      form[leaf.criterionId ? `rubric:${leaf.projectId}:${leaf.criterionId}` : `rubric:${leaf.projectId}`] =
        String(leaf.minPoints);
    }
    if (leaf.kind === "reviews" && leaf.projectId) form[`reviews:${leaf.projectId}`] = String(leaf.min);
  }
  return form;
}
