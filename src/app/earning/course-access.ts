import { type Course, type CourseContent, courseContent } from "../../domain/earning/course.ts";
import { DomainError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, Repositories } from "../ports.ts";

/** A short id for a module or an assessment, unique within its course. */
export const shortId = (deps: AppDeps) => deps.newId().replace(/-/g, "").slice(0, 12);

/**
 * The course of one of the organization's micro-credentials, for someone allowed to edit courses: the saved one,
 * or an empty open course when it has none yet (saved on the first change).
 */
export async function editableCourseIn(
  deps: AppDeps,
  r: Repositories,
  actor: Actor,
  slug: string,
  achievementId: string,
) {
  const { organization, membership } = await authorizeOrganization(r, actor, slug, "courses:write");
  const achievement = isUuid(achievementId)
    ? await r.achievements.find(organization.id, achievementId)
    : undefined;
  const latest = achievement && (await r.achievements.version(achievementId, achievement.latestVersion));
  if (!achievement || !latest) {
    throw new DomainError("achievement_not_found", "This organization has no such micro-credential.");
  }
  const saved = await r.courses.lock(achievementId);
  const course: Course = saved ?? {
    ...courseContent.parse({}),
    achievementId,
    organizationId: organization.id,
    updatedAt: deps.clock(),
  };
  return { organization, membership, achievement, name: latest.definition.name, course, saved: !!saved };
}

/** Validates and saves a changed course with its audit record (inside the caller's transaction). */
export async function saveCourseIn(
  deps: AppDeps,
  r: Repositories,
  actor: Actor,
  course: Course,
  content: CourseContent,
  event: { action: string; data: Record<string, unknown> },
): Promise<Course> {
  const parsed = courseContent.safeParse(content);
  if (!parsed.success) {
    throw new DomainError("validation_failed", parsed.error.issues[0]?.message ?? "The course is not valid.");
  }
  const now = deps.clock();
  const saved: Course = {
    ...parsed.data,
    achievementId: course.achievementId,
    organizationId: course.organizationId,
    updatedAt: now,
  };
  await r.courses.save(saved);
  await audit(r, {
    action: event.action,
    actor,
    organizationId: course.organizationId,
    subject: course.achievementId,
    data: event.data,
    at: now,
  });
  return saved;
}

/** The module with this id, or a clear "not found". */
export function moduleOf(course: CourseContent, moduleId: string) {
  const index = course.modules.findIndex((m) => m.id === moduleId);
  const module = course.modules[index];
  if (!module) throw new DomainError("module_not_found", "This course has no such module.");
  return { index, module };
}

/** A form's zod issues as one message per field (the first path segment names the field). */
export function invalidFields(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
  return new DomainError("validation_failed", "Some fields need attention.", fields);
}
