import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { changeAwardStatusIn } from "../awards/lifecycle/change-award-status.ts";
import { statusPurposeOf } from "../awards/lifecycle/status-bit.ts";
import type { AppDeps } from "../ports.ts";
import { learnerHeldIn, standingIn } from "./pathway-progress.ts";

const LAPSE_ACTOR: Actor = { kind: "system", reason: "pathway component lapsed" };

/**
 * A component credential was revoked, suspended or expired. Each stacked credential resting on it is checked again
 * against its pathway: if the learner's other credentials still complete it, nothing changes; otherwise the
 * pathway's policy applies: keep it (audited), flag it for the issuer's review, or suspend it (a revocable-only
 * stacked credential is flagged instead, since it cannot be suspended).
 */
export const applyLapsePolicies = (deps: AppDeps, credentialId: string) =>
  deps.uow(async (r) => {
    const outcomes: { awardId: string; outcome: "still_complete" | "kept" | "flagged" | "suspended" }[] = [];
    for (const stacked of await r.pathways.awardsResting(credentialId)) {
      const stored = await r.pathways.find(stacked.pathwayId);
      const organization = stored && (await r.organizations.findById(stored.organizationId));
      const award = organization && (await r.awards.find(organization.id, stacked.awardId));
      if (!stored || !organization || !award || award.status !== "active") continue;
      const held = await learnerHeldIn(deps, r, stacked.userId);
      const { evaluation } = await standingIn(deps, r, stored, organization, held);
      const now = deps.clock();
      let outcome: (typeof outcomes)[number]["outcome"] = "still_complete";
      if (!evaluation.complete) {
        const reason = "A component credential it rests on was revoked, suspended or has expired.";
        const suspendable = (await statusPurposeOf(r, organization.id, award.credentialId)) === "suspension";
        if (stored.policy === "suspend" && suspendable) {
          await changeAwardStatusIn(deps, r, organization, LAPSE_ACTOR, {
            action: "suspend",
            reason,
            awardIds: [award.id],
          });
          outcome = "suspended";
        } else if (stored.policy === "keep") {
          outcome = "kept";
        } else {
          await r.pathways.flagAward(award.id, now, reason);
          outcome = "flagged";
        }
      }
      await audit(r, {
        action: "pathway.component_lapsed",
        actor: LAPSE_ACTOR,
        organizationId: organization.id,
        subject: award.id,
        data: { credentialId, policy: stored.policy, outcome },
        at: now,
      });
      outcomes.push({ awardId: award.id, outcome });
    }
    return outcomes;
  });

const HOUR = 60 * 60 * 1000;

/** Hourly: components that expired in the last two hours (overlapping runs are harmless) lapse like revoked ones. */
export async function sweepExpiredComponents(deps: AppDeps) {
  const now = deps.clock();
  const expired = await deps.uow((r) => r.awards.expiredBetween(new Date(now.getTime() - 2 * HOUR), now));
  for (const award of expired) {
    const resting = await deps.uow((r) => r.pathways.awardsResting(award.credentialId));
    if (resting.length > 0) await applyLapsePolicies(deps, award.credentialId);
  }
}
