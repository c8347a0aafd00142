import type { Course } from "../../domain/earning/course.ts";
import type { SubmissionStatus } from "../../domain/earning/submission.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization, type OrganizationAccess } from "../authorize.ts";
import type { AppDeps, QueuedSubmission } from "../ports.ts";
import { achievementNameIn } from "./project-access.ts";

export type QueueRow = QueuedSubmission & { achievementName: string; projectTitle: string };
export const QUEUE_LIMIT = 200;

/** The organization's submissions awaiting grading, oldest first, with how many are awaiting, returned and graded. */
export const assessmentQueue = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
): Promise<OrganizationAccess & { rows: QueueRow[]; counts: Record<SubmissionStatus, number> }> =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "assessments:grade");
    const queued = await r.submissions.queue(access.organization.id, QUEUE_LIMIT);
    const achievementIds = [...new Set(queued.map((s) => s.achievementId))];
    // One query at a time: a transaction's connection runs its statements in turn.
    const courses = new Map<string, { course: Course | undefined; name: string }>();
    for (const id of achievementIds)
      courses.set(id, { course: await r.courses.find(id), name: await achievementNameIn(r, id) });
    const rows = queued.map((s) => {
      const { course, name } = courses.get(s.achievementId) ?? { course: undefined, name: "" };
      const project = course?.modules.flatMap((m) => m.assessments).find((a) => a.id === s.projectId);
      return { ...s, achievementName: name, projectTitle: project?.title ?? s.projectId };
    });
    return { ...access, rows, counts: await r.submissions.countByStatus(access.organization.id) };
  });
