import { DomainError } from "../../domain/errors.ts";
import { skillKeyOf } from "../../domain/talent/skill-rows.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, Repositories, RoleProfile } from "../ports.ts";
import type { RoleProfileInput } from "./inputs.ts";

type SkillInput = RoleProfileInput["skills"][number];

/** A skill named exactly as one in the catalog (picked from the suggestions) takes its code and framework. */
async function fromCatalog(r: Repositories, organizationId: string, skill: SkillInput): Promise<SkillInput> {
  if (skill.code) return skill;
  const name = skill.name.toLowerCase();
  const hit = (await r.skills.search(organizationId, skill.name, 10)).find(
    (h) => h.name.toLowerCase() === name,
  );
  return hit ? { ...skill, name: hit.name, code: hit.code, framework: hit.frameworkName } : skill;
}

const profileNotFound = () => new DomainError("role_profile_not_found", "No such role profile.");

export const listRoleProfiles = (deps: AppDeps, actor: Actor, slug: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "workforce:manage");
    return { ...access, profiles: await r.workforce.listProfiles(access.organization.id) };
  });

export const getRoleProfile = (deps: AppDeps, actor: Actor, slug: string, id: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "workforce:manage");
    const profile = await r.workforce.findProfile(access.organization.id, id);
    if (!profile) throw profileNotFound();
    return { ...access, profile };
  });

/** Creates a role profile, or replaces an existing one's name, description and required skills. */
export const saveRoleProfile = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  input: RoleProfileInput & { id?: string | undefined },
): Promise<RoleProfile> =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "workforce:manage");
    const now = deps.clock();
    const existing = input.id ? await r.workforce.findProfile(organization.id, input.id) : undefined;
    if (input.id && !existing) throw profileNotFound();
    const skills = await Promise.all(input.skills.map((s) => fromCatalog(r, organization.id, s)));
    const profile: RoleProfile = {
      id: existing?.id ?? deps.newId(),
      organizationId: organization.id,
      name: input.name,
      description: input.description,
      skills: skills.map((s) => ({
        skillKey: skillKeyOf(s),
        skillName: s.name,
        skillCode: s.code,
        framework: s.framework,
        minLevel: s.minLevel,
      })),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await r.workforce.saveProfile(profile);
    await audit(r, {
      action: existing ? "role_profile.updated" : "role_profile.created",
      actor,
      organizationId: organization.id,
      subject: profile.id,
      data: { name: profile.name, skills: profile.skills.length },
      at: now,
    });
    return profile;
  });

/** Deletes a role profile; its employees stay, without a profile. */
export const deleteRoleProfile = (deps: AppDeps, actor: Actor, slug: string, id: string) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "workforce:manage");
    if (!(await r.workforce.deleteProfile(organization.id, id))) throw profileNotFound();
    await audit(r, {
      action: "role_profile.deleted",
      actor,
      organizationId: organization.id,
      subject: id,
      at: deps.clock(),
    });
  });
