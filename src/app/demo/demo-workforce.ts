import { skillKeyOf } from "../../domain/talent/skill-rows.ts";
import type { AppDeps, Repositories, RoleProfile } from "../ports.ts";
import { refreshTalentSkillsIn } from "../talent/talent-index.ts";

const EMPLOYER = {
  slug: "northwind",
  name: "Northwind Logistics",
  website: "https://www.northwind.test",
  contactEmail: "people@northwind.test",
  country: "NL",
  region: "Rotterdam",
  description: "A logistics company upskilling its planners in data literacy.",
};

const SKILLS = [
  { name: "Data literacy", code: "cairn:data-literacy", framework: "Cairn starter catalog", minLevel: 5 },
  { name: "Route planning", code: null, framework: null, minLevel: null },
];

/**
 * An employer organization owned by `ownerEmail` with a role profile and the demo learners as employees who consented
 * to share their wallets. Their credentials (issued later in the demo) give them different coverage. Safe to re-run.
 */
export async function seedDemoWorkforce(
  deps: AppDeps,
  r: Repositories,
  ownerEmail: string,
  employeeEmails: readonly string[],
) {
  const now = deps.clock();
  const owner = await r.users.findByEmail(ownerEmail);
  if (!owner) return undefined;
  let organization = await r.organizations.findBySlug(EMPLOYER.slug);
  if (!organization) {
    organization = {
      id: deps.newId(),
      ...EMPLOYER,
      hasLogo: false,
      accreditorSince: null,
      credentialFormat: "ldp",
      createdAt: now,
      updatedAt: now,
    };
    await r.organizations.insert(organization);
  }
  if (!(await r.memberships.find(organization.id, owner.id))) {
    await r.memberships.insert({
      organizationId: organization.id,
      userId: owner.id,
      role: "owner",
      createdAt: now,
    });
  }
  let [profile] = await r.workforce.listProfiles(organization.id);
  if (!profile) {
    profile = {
      id: deps.newId(),
      organizationId: organization.id,
      name: "Transport planner",
      description: "Plans routes and reads the data behind them.",
      skills: SKILLS.map((s) => ({
        skillKey: skillKeyOf(s),
        skillName: s.name,
        skillCode: s.code,
        framework: s.framework,
        minLevel: s.minLevel,
      })),
      createdAt: now,
      updatedAt: now,
    } satisfies RoleProfile;
    await r.workforce.saveProfile(profile);
  }
  for (const email of employeeEmails) {
    const user = await r.users.findByEmail(email);
    if (!user || (await r.workforce.findMemberByEmail(organization.id, email))) continue;
    await r.workforce.insertMember({
      id: deps.newId(),
      organizationId: organization.id,
      email,
      name: user.name,
      roleProfileId: profile.id,
      tokenHash: deps.secrets.digest(deps.secrets.token()),
      userId: user.id,
      invitedAt: now,
      consentedAt: now,
      withdrawnAt: null,
    });
    await refreshTalentSkillsIn(r, user.id);
  }
  return organization;
}
