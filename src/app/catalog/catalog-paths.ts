import type { EnrolmentMode } from "../../domain/earning/course.ts";
import type { EnrolmentStatus } from "../../domain/earning/enrolment.ts";
import type { Repositories } from "../ports.ts";

/** A catalog entry's learning path on Cairn: how learners enrol, and where the viewer stands. */
export type CatalogPath = { mode: EnrolmentMode; status: EnrolmentStatus | undefined };

/** The learning paths of the entries on a catalog page, by achievement id, with the signed-in viewer's enrolments. */
export async function learningPathsIn(
  r: Repositories,
  entries: readonly { achievementId: string }[],
  viewerId: string | undefined,
): Promise<Record<string, CatalogPath>> {
  const paths = await r.courses.enrollable(entries.map((e) => e.achievementId));
  const enrolments = viewerId && paths.length ? await r.enrolments.listForUser(viewerId) : [];
  return Object.fromEntries(
    paths.map((p) => [
      p.achievementId,
      { mode: p.mode, status: enrolments.find((e) => e.achievementId === p.achievementId)?.status },
    ]),
  );
}
