import { DomainError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { enrolmentDecisionMessage } from "../mail/templates.ts";
import type { AppDeps } from "../ports.ts";

/**
 * An issuer approves or declines a pending request to enrol; the learner hears by mail. Only pending requests of this
 * organization's course can be decided, and each only once.
 */
export const decideEnrolment = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  achievementId: string,
  enrolmentId: string,
  decision: "approve" | "decline",
) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "enrolments:manage");
    const enrolment = isUuid(enrolmentId) ? await r.enrolments.lock(enrolmentId) : undefined;
    if (
      !enrolment ||
      enrolment.organizationId !== organization.id ||
      enrolment.achievementId !== achievementId
    ) {
      throw new DomainError("enrolment_not_found", "This course has no such enrolment.");
    }
    if (enrolment.status !== "pending") {
      throw new DomainError("enrolment_decided", `This enrolment is already ${enrolment.status}.`);
    }
    const now = deps.clock();
    const status = decision === "approve" ? "active" : "declined";
    await r.enrolments.update(enrolment.id, {
      status,
      decidedAt: now,
      decidedBy: actor.kind === "user" ? actor.userId : null,
    });
    const [learner, achievement] = await Promise.all([
      r.users.findById(enrolment.userId),
      r.achievements.findAnywhere(achievementId),
    ]);
    const version =
      achievement?.publishedVersion &&
      (await r.achievements.version(achievementId, achievement.publishedVersion));
    if (learner && version) {
      const url =
        decision === "approve" ? `${deps.publicUrl}/learn/${achievementId}` : `${deps.publicUrl}/learn`;
      await queueMail(
        r,
        `enrolment-decision:${enrolment.id}`,
        enrolmentDecisionMessage(
          learner.email,
          organization.name,
          version.definition.name,
          status === "active",
          url,
        ),
      );
    }
    await audit(r, {
      action: decision === "approve" ? "enrolment.approved" : "enrolment.declined",
      actor,
      organizationId: organization.id,
      subject: enrolment.id,
      data: { achievementId, learner: enrolment.userId },
      at: now,
    });
    return { ...enrolment, status };
  });
