import { awardRequest } from "../../domain/awards/award-request.ts";
import { DomainError } from "../../domain/errors.ts";
import { needsConsent } from "../../domain/pathways/stored-pathway.ts";
import { componentsOf } from "../../domain/pathways/tree.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { awardIn, awardTargetIn } from "../awards/award-credential.ts";
import type { AppDeps } from "../ports.ts";
import { attachHeldIn } from "../wallet/attach-awards.ts";
import { learnerKeyIn } from "../wallet/learner-did.ts";
import { queuePathwayCheck } from "./pathway-check-queue.ts";
import { learnerHeldIn, standingIn } from "./pathway-progress.ts";

const PATHWAY_ACTOR: Actor = { kind: "system", reason: "pathway completed" };

/**
 * A learner follows a pathway: consent, for a pathway that counts other issuers' credentials, to be awarded its
 * stacked credential (and so to show its organization those credentials). Checks their standing at once.
 */
export const followPathway = (deps: AppDeps, userId: string, pathwayId: string) =>
  deps.uow(async (r) => {
    const stored = /^[0-9a-f-]{36}$/.test(pathwayId) ? await r.pathways.find(pathwayId) : undefined;
    if (!stored) throw new DomainError("not_found", "There is no pathway at this address.");
    const now = deps.clock();
    await r.pathways.follow(pathwayId, userId, now);
    await queuePathwayCheck(r, userId);
    await audit(r, {
      action: "pathway.followed",
      actor: { kind: "user", userId, isPlatformAdmin: false },
      subject: pathwayId,
      at: now,
    });
  });

/**
 * Awards every stacked credential whose pathway the learner now completes, exactly once per pathway and learner:
 * to their verified sign-in address (else their DID), through the one award use case, with the component
 * credentials as evidence and a claim mail. A pathway whose achievement is not published is skipped.
 */
export const awardCompletedPathways = (deps: AppDeps, userId: string) =>
  deps.uow(async (r) => {
    const user = await r.users.findById(userId);
    if (!user) return [];
    const held = await learnerHeldIn(deps, r, userId);
    const candidates = await r.pathways.listContaining(
      held.filter((h) => h.valid).map((h) => h.achievementId),
    );
    const awarded: string[] = [];
    for (const stored of candidates) {
      if (await r.pathways.findAward(stored.achievementId, userId)) continue;
      if (needsConsent(stored.pathway) && !(await r.pathways.follows(stored.achievementId, userId))) continue;
      const organization = await r.organizations.findById(stored.organizationId);
      if (!organization) continue;
      const { evaluation } = await standingIn(deps, r, stored, organization, held);
      if (!evaluation.complete) continue;
      const target = await awardTargetIn(deps, r, organization, stored.achievementId).catch((error) => {
        if (error instanceof DomainError) return undefined;
        throw error;
      });
      if (!target) continue;
      const labels = new Map(
        componentsOf(stored.pathway.requirements).map((c) => [c.node.componentId, c.node.label]),
      );
      const byCredential = new Map(
        Object.entries(evaluation.heldBy).map(([component, credential]) => [credential, component]),
      );
      const components = evaluation.usedCredentials.map((id) => ({
        id,
        name: labels.get(byCredential.get(id) ?? "") ?? "Component credential",
      }));
      const recipient = user.emailVerifiedAt ? user.email : (await learnerKeyIn(deps, r, userId)).did;
      const { award } = await awardIn(
        deps,
        r,
        target,
        PATHWAY_ACTOR,
        awardRequest.parse({ recipient, recipientName: user.name }),
        { idempotencyKey: `pathway:${userId}`, notify: true, components },
      );
      await r.pathways.insertAward({
        awardId: award.id,
        pathwayId: stored.achievementId,
        userId,
        componentCredentialIds: evaluation.usedCredentials,
        flaggedAt: null,
        flagReason: null,
      });
      await audit(r, {
        action: "pathway.completed",
        actor: PATHWAY_ACTOR,
        organizationId: organization.id,
        subject: award.id,
        data: { pathwayId: stored.achievementId, components: evaluation.usedCredentials },
        at: deps.clock(),
      });
      awarded.push(award.id);
    }
    if (awarded.length) await attachHeldIn(deps, r, userId);
    return awarded;
  });
