import { DomainError } from "../../../domain/errors.ts";
import { roleAllows } from "../../../domain/roles.ts";
import type { Actor } from "../../../domain/types.ts";
import { authorizeOrganization } from "../../authorize.ts";
import type { AppDeps } from "../../ports.ts";
import { toRow } from "./award-view.ts";
import { statusPurposeOf } from "./status-bit.ts";

/** One award with what its page shows: the definition, the status entry's purpose and the renewal links. */
export const getAward = (deps: AppDeps, actor: Actor, slug: string, awardId: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "credentials:read");
    const { organization, membership } = access;
    const award = /^[0-9a-f-]{36}$/.test(awardId) ? await r.awards.find(organization.id, awardId) : undefined;
    if (!award) throw new DomainError("award_not_found", "This organization has no such award.");
    const definitions = await r.achievements.list(organization.id);
    const names = new Map(definitions.map((d) => [d.id, d.name]));
    const now = deps.clock();
    const replaces = award.replacesAwardId
      ? await r.awards.find(organization.id, award.replacesAwardId)
      : undefined;
    const replacedBy = await r.awards.listReplacing(organization.id, award.id);
    return {
      ...access,
      award: toRow(award, names, now),
      purpose: await statusPurposeOf(r, organization.id, award.credentialId),
      replaces: replaces && toRow(replaces, names, now),
      replacedBy: replacedBy.map((a) => toRow(a, names, now)),
      /** For a stacked credential Cairn awarded on a completed pathway: its components and any review flag. */
      stacked: await r.pathways.findAwardById(award.id),
      canIssue:
        actor.kind === "api_key" || (!!membership && roleAllows(membership.role, "credentials:issue")),
    };
  });
