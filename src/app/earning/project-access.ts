import { type Course, findAssessment, type Project } from "../../domain/earning/course.ts";
import type { Enrolment } from "../../domain/earning/enrolment.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Repositories } from "../ports.ts";

// Lookups the project use cases share: a course's project, and the name learners and assessors know it by.

export const projectNotFound = () =>
  new DomainError("project_not_found", "This micro-credential has no such project.");

/** The project with this id in the course, or "not found". */
export function projectIn(course: Course | undefined, projectId: string): Project {
  const found = course && findAssessment(course, projectId);
  if (found?.assessment.kind !== "project") throw projectNotFound();
  return found.assessment;
}

/** The micro-credential's name as published (or as drafted, before it is). */
export async function achievementNameIn(r: Repositories, achievementId: string): Promise<string> {
  const achievement = await r.achievements.findAnywhere(achievementId);
  if (!achievement) return "";
  const version = await r.achievements.version(
    achievementId,
    achievement.publishedVersion ?? achievement.latestVersion,
  );
  return version?.definition.name ?? "";
}

/**
 * The learner's own enrolment on the path and the project on it. Someone not enrolled learns nothing about the
 * path's projects beyond "not found"; a learner awaiting approval hears that the projects open once approved.
 */
export async function learnerProjectIn(
  r: Repositories,
  userId: string,
  achievementId: string,
  projectId: string,
): Promise<{ course: Course; project: Project; enrolment: Enrolment }> {
  const enrolment = await r.enrolments.findFor(achievementId, userId);
  if (!enrolment || enrolment.status === "declined") throw projectNotFound();
  // Like module content, a project's brief and rubric are for admitted learners.
  if (enrolment.status === "pending")
    throw new DomainError(
      "not_enrolled",
      "Your enrolment on this path awaits approval; its projects open once it is approved.",
    );
  const course = await r.courses.find(achievementId);
  if (!course) throw projectNotFound();
  return { course, project: projectIn(course, projectId), enrolment };
}
