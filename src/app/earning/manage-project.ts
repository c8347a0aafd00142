import { z } from "zod";
import {
  type Assessment,
  type Course,
  type Project,
  project as projectSchema,
  type Rule,
  rubricCriterion,
  rubricLevel,
  rubricMaxPoints,
} from "../../domain/earning/course.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization, type OrganizationAccess } from "../authorize.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { saveCourseIn } from "./course-access.ts";
import { achievementNameIn, projectIn } from "./project-access.ts";

const optionalId = z.string().trim().min(1).max(64).optional();

/** What the editor posts: the project without its kind and id; new criteria and levels come without ids. */
const editableProject = projectSchema.omit({ kind: true, id: true }).extend({
  rubric: z
    .array(
      rubricCriterion.extend({
        id: optionalId,
        levels: z
          .array(rubricLevel.extend({ id: optionalId }))
          .min(2, "Give each criterion at least two levels.")
          .max(10),
      }),
    )
    .max(20),
});
export type ProjectInput = z.input<typeof editableProject>;

const leaves = (rule: Rule): Rule[] =>
  rule.kind === "all" || rule.kind === "any" ? rule.rules.flatMap(leaves) : [rule];

/** Why the course's own rules would ask for something the changed project no longer has, if they would. */
function ruleConflict(rules: Rule | undefined, before: Project, after: Project): string | undefined {
  for (const leaf of rules ? leaves(rules) : []) {
    if (leaf.kind === "rubric" && leaf.projectId === after.id && leaf.criterionId) {
      const gone = before.rubric.find((c) => c.id === leaf.criterionId);
      if (!after.rubric.some((c) => c.id === leaf.criterionId))
        return `The award rules ask for points on “${gone?.name ?? leaf.criterionId}”. Change the rules before removing it.`;
    }
    if (leaf.kind === "reviews" && leaf.projectId === after.id && !after.peerReview)
      return "The award rules ask for peer reviews on this project. Change the rules before turning peer review off.";
  }
  return undefined;
}

async function editableIn(
  r: Repositories,
  actor: Actor,
  slug: string,
  achievementId: string,
  projectId: string,
) {
  const access = await authorizeOrganization(r, actor, slug, "courses:write");
  const course = await r.courses.lock(achievementId);
  if (!course || course.organizationId !== access.organization.id)
    throw new DomainError("project_not_found", "This micro-credential has no such project.");
  return { access, course, project: projectIn(course, projectId) };
}

/** The project as its editor shows it, with the micro-credential's name. */
export const projectEditor = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  achievementId: string,
  projectId: string,
): Promise<OrganizationAccess & { course: Course; project: Project; name: string }> =>
  deps.uow(async (r) => {
    const { access, course, project } = await editableIn(r, actor, slug, achievementId, projectId);
    return { ...access, course, project, name: await achievementNameIn(r, achievementId) };
  });

/**
 * Saves a project's settings and rubric into its course. Criteria and levels keep their ids (grades already given
 * name them); new ones get fresh ids. The whole course is saved, so the rest of it is unchanged.
 */
export const saveProject = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  achievementId: string,
  projectId: string,
  input: unknown,
) =>
  deps.uow(async (r) => {
    const { course, project } = await editableIn(r, actor, slug, achievementId, projectId);
    const parsed = editableProject.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        fields[issue.path.map(String).join(".") || "project"] ??= issue.message;
      throw new DomainError("validation_failed", "Some fields need attention.", fields);
    }
    const rubric = parsed.data.rubric.map((criterion) => ({
      ...criterion,
      id: criterion.id ?? deps.newId(),
      levels: criterion.levels.map((level) => ({ ...level, id: level.id ?? deps.newId() })),
    }));
    const duplicate =
      new Set(rubric.map((c) => c.id)).size !== rubric.length ||
      rubric.some((c) => new Set(c.levels.map((l) => l.id)).size !== c.levels.length);
    if (duplicate) throw new DomainError("validation_failed", "The rubric names a criterion or level twice.");
    const saved: Project = projectSchema.parse({ ...parsed.data, rubric, kind: "project", id: projectId });
    const max = rubricMaxPoints(saved.rubric);
    if (saved.passPoints > max)
      throw new DomainError("validation_failed", "Some fields need attention.", {
        passPoints: `The pass mark is more than the ${max} points the rubric gives: nobody could pass.`,
      });
    const conflict = ruleConflict(course.rules, project, saved);
    if (conflict) throw new DomainError("project_in_rules", conflict);
    const replace = (a: Assessment): Assessment => (a.id === projectId ? saved : a);
    await saveCourseIn(
      deps,
      r,
      actor,
      course,
      { ...course, modules: course.modules.map((m) => ({ ...m, assessments: m.assessments.map(replace) })) },
      {
        action: "course.project_saved",
        data: { projectId, title: saved.title, criteria: saved.rubric.length },
      },
    );
    return saved;
  });
