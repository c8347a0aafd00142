import { DomainError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";

/** The enrolments page of a course: every learner with their status, and the invitations sent. */
export const listEnrolments = (deps: AppDeps, actor: Actor, slug: string, achievementId: string) =>
  deps.uow(async (r) => {
    const { organization, membership } = await authorizeOrganization(r, actor, slug, "enrolments:manage");
    const achievement = isUuid(achievementId)
      ? await r.achievements.find(organization.id, achievementId)
      : undefined;
    const latest = achievement && (await r.achievements.version(achievementId, achievement.latestVersion));
    if (!achievement || !latest) {
      throw new DomainError("achievement_not_found", "This organization has no such micro-credential.");
    }
    const course = await r.courses.find(achievementId);
    const rows = await r.enrolments.listForAchievement(achievementId);
    const enrolments = await Promise.all(
      rows.map(async (enrolment) => {
        const user = await r.users.findById(enrolment.userId);
        return { ...enrolment, name: user?.name ?? "(account deleted)", email: user?.email ?? "" };
      }),
    );
    return {
      organization,
      membership,
      name: latest.definition.name,
      published: achievement.publishedVersion !== null,
      mode: course?.enrolment,
      modules: course?.modules.length ?? 0,
      enrolments,
      invitations: await r.enrolments.invitations(achievementId),
      now: deps.clock(),
    };
  });
