import { DomainError } from "../../domain/errors.ts";
import type { SkillHit } from "../../domain/skills/types.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";

export const MAX_SKILL_RESULTS = 25;

/** Skills whose name, alternative label or code contains the query: the starter catalog and the org's own. */
export const searchSkills = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  query: string,
  limit = 10,
): Promise<SkillHit[]> =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "organization:read");
    const q = query.trim().slice(0, 100);
    return r.skills.search(organization.id, q, Math.max(1, Math.min(limit, MAX_SKILL_RESULTS)));
  });

export const listSkillFrameworks = (deps: AppDeps, actor: Actor, slug: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "organization:read");
    return { ...access, frameworks: await r.skills.listFrameworks(access.organization.id) };
  });

/** The API's search: an organization API key searches its own organization's skills (and the starter catalog). */
export async function searchSkillsWithKey(deps: AppDeps, actor: Actor, query: string, limit?: number) {
  if (actor.kind !== "api_key") throw new DomainError("unauthenticated", "Send an organization API key.");
  const organization = await deps.uow((r) => r.organizations.findById(actor.organizationId));
  if (!organization) throw new DomainError("organization_not_found", "No such organization.");
  return searchSkills(deps, actor, organization.slug, query, limit);
}

/** A starter-catalog skill by code: its page is the alignment's targetUrl, public like the catalog. */
export const findStarterSkill = (deps: AppDeps, code: string) =>
  deps.uow(async (r) => (await r.skills.search(null, code, 5)).find((s) => s.code === code));
