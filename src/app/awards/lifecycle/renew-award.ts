import { DomainError } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/types.ts";
import { audit } from "../../audit.ts";
import { authorizeOrganization } from "../../authorize.ts";
import type { AppDeps } from "../../ports.ts";
import { awardIn, awardTargetIn } from "../award-credential.ts";

/**
 * Re-issues an award with a new expiry date through the one award use case: a new credential for the
 * published version, linked to the award it replaces. The key makes a double submit one renewal.
 */
export const renewAward = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  awardId: string,
  input: { validUntil: Date },
) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    const award = await r.awards.find(organization.id, awardId);
    if (!award) throw new DomainError("award_not_found", "This organization has no such award.");
    if (award.status === "revoked") {
      throw new DomainError("award_status_conflict", "A revoked award cannot be renewed.");
    }
    const now = deps.clock();
    if (input.validUntil.getTime() <= now.getTime()) {
      throw new DomainError("validation_failed", "Some fields need attention.", {
        validUntil: "The new expiry date must be in the future.",
      });
    }
    const target = await awardTargetIn(deps, r, organization, award.achievementId);
    const result = await awardIn(
      deps,
      r,
      target,
      actor,
      {
        recipient: award.recipient,
        recipientName: award.recipientName ?? undefined,
        evidenceUrl: undefined,
        narrative: undefined,
        result: undefined,
        issuedOn: undefined,
        validUntil: input.validUntil,
      },
      {
        idempotencyKey: `renew:${award.id}:${input.validUntil.toISOString().slice(0, 10)}`,
        notify: award.notify,
        replacesAwardId: award.id,
      },
    );
    if (result.created) {
      await audit(r, {
        action: "award.renewed",
        actor,
        organizationId: organization.id,
        subject: award.id,
        data: {
          renewedBy: result.award.id,
          before: { validUntil: award.validUntil?.toISOString() ?? null },
          after: { validUntil: input.validUntil.toISOString() },
        },
        at: now,
      });
    }
    return result.award;
  });
