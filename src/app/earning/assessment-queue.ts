import { findAssessment } from "../../domain/earning/course.ts";
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
    const courses = new Map(
      (await r.courses.listForOrganization(access.organization.id)).map((c) => [c.achievementId, c]),
    );
    // One query at a time: a transaction's connection runs its statements in turn.
    const names = new Map<string, string>();
    for (const id of achievementIds) names.set(id, await achievementNameIn(r, id));
    const rows = queued.map((s) => {
      const course = courses.get(s.achievementId);
      const project = course && findAssessment(course, s.projectId)?.assessment;
      return {
        ...s,
        achievementName: names.get(s.achievementId) ?? "",
        projectTitle: project?.title ?? s.projectId,
      };
    });
    return { ...access, rows, counts: await r.submissions.countByStatus(access.organization.id) };
  });
