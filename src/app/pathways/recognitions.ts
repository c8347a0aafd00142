import { DomainError } from "../../domain/errors.ts";
import type { Equivalence } from "../../domain/pathways/evaluate.ts";
import type { Recognition } from "../../domain/pathways/stored-pathway.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { componentIdsOf } from "./manage-pathway.ts";

/** A recognition as pathway evaluation reads it: our achievement by its public address. */
export const equivalenceOf = (deps: AppDeps, recognition: Recognition): Equivalence => ({
  externalAchievementId: recognition.externalAchievementId,
  ...(recognition.externalIssuer ? { externalIssuer: recognition.externalIssuer } : {}),
  ownAchievementId: `${deps.publicUrl}/achievements/${recognition.ownAchievementId}`,
});

/** Pathways that name our achievement learn which external achievements now count for it. */
async function refreshPathways(
  deps: AppDeps,
  r: Repositories,
  organizationId: string,
  ownAchievementId: string,
) {
  const recognitions = await r.pathways.recognitions(organizationId);
  for (const stored of await r.pathways.listContaining([
    `${deps.publicUrl}/achievements/${ownAchievementId}`,
  ])) {
    await r.pathways.save({ ...stored, componentIds: componentIdsOf(deps, stored.pathway, recognitions) });
  }
}

export const listRecognitions = (deps: AppDeps, actor: Actor, slug: string) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    return r.pathways.recognitions(organization.id);
  });

/**
 * Records that an external achievement (by its id, and optionally its issuer's DID or URL) counts as one of this
 * organization's own in every pathway that requires it: who decided and when are kept, and it is audited.
 */
export const recognizeAchievement = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  input: { externalAchievementId: string; externalIssuer: string; ownAchievementId: string },
) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    const external = input.externalAchievementId.trim();
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(external) || external.length > 500) {
      throw new DomainError("validation_failed", "Give the external achievement's id.", {
        externalAchievementId: "Give its id: a URL or URN, as its credentials carry it.",
      });
    }
    const own = /^[0-9a-f-]{36}$/.test(input.ownAchievementId)
      ? await r.achievements.find(organization.id, input.ownAchievementId)
      : undefined;
    if (!own) {
      throw new DomainError("validation_failed", "Choose one of your micro-credentials.", {
        ownAchievementId: "Choose one of your micro-credentials.",
      });
    }
    const now = deps.clock();
    const recognition: Recognition = {
      id: deps.newId(),
      organizationId: organization.id,
      externalAchievementId: external,
      externalIssuer: input.externalIssuer.trim() || null,
      ownAchievementId: own.id,
      decidedBy: actor.kind === "user" ? actor.userId : null,
      decidedAt: now,
    };
    await r.pathways.insertRecognition(recognition);
    await refreshPathways(deps, r, organization.id, own.id);
    await audit(r, {
      action: "recognition.created",
      actor,
      organizationId: organization.id,
      subject: recognition.id,
      data: { external, issuer: recognition.externalIssuer, ownAchievementId: own.id },
      at: now,
    });
    return recognition;
  });

export const withdrawRecognition = (deps: AppDeps, actor: Actor, slug: string, id: string) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    const recognition = (await r.pathways.recognitions(organization.id)).find((x) => x.id === id);
    if (!recognition) throw new DomainError("not_found", "There is no such recognition.");
    await r.pathways.removeRecognition(organization.id, id);
    await refreshPathways(deps, r, organization.id, recognition.ownAchievementId);
    await audit(r, {
      action: "recognition.withdrawn",
      actor,
      organizationId: organization.id,
      subject: id,
      at: deps.clock(),
    });
  });
