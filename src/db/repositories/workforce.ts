import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { RoleProfile, WorkforceMember, WorkforceRepository } from "../../app/ports.ts";
import type { Db } from "../client.ts";
import {
  awards,
  organizations,
  roleProfileSkills,
  roleProfiles,
  talentSkills,
  workforceMembers,
} from "../schema.ts";
import { alignedAchievementQuery, sponsorshipQueries } from "./workforce-sponsorships.ts";

const memberColumns = {
  id: workforceMembers.id,
  organizationId: workforceMembers.organizationId,
  email: workforceMembers.email,
  name: workforceMembers.name,
  roleProfileId: workforceMembers.roleProfileId,
  userId: workforceMembers.userId,
  invitedAt: workforceMembers.invitedAt,
  consentedAt: workforceMembers.consentedAt,
  withdrawnAt: workforceMembers.withdrawnAt,
};

async function profilesWhere(db: Db, organizationId: string, id?: string): Promise<RoleProfile[]> {
  const rows = await db
    .select()
    .from(roleProfiles)
    .where(and(eq(roleProfiles.organizationId, organizationId), id ? eq(roleProfiles.id, id) : undefined))
    .orderBy(asc(roleProfiles.name));
  if (rows.length === 0) return [];
  const skills = await db
    .select()
    .from(roleProfileSkills)
    .where(
      inArray(
        roleProfileSkills.roleProfileId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(roleProfileSkills.position));
  return rows.map((row) => ({
    ...row,
    skills: skills
      .filter((s) => s.roleProfileId === row.id)
      .map(({ skillKey, skillName, skillCode, framework, minLevel }) => ({
        skillKey,
        skillName,
        skillCode,
        framework,
        minLevel,
      })),
  }));
}

export const workforceRepository = (db: Db): WorkforceRepository => ({
  listProfiles: (organizationId) => profilesWhere(db, organizationId),
  async findProfile(organizationId, id) {
    return (await profilesWhere(db, organizationId, id))[0];
  },
  async saveProfile({ skills, ...profile }) {
    await db
      .insert(roleProfiles)
      .values(profile)
      .onConflictDoUpdate({
        target: roleProfiles.id,
        set: { name: profile.name, description: profile.description, updatedAt: profile.updatedAt },
      });
    await db.delete(roleProfileSkills).where(eq(roleProfileSkills.roleProfileId, profile.id));
    if (skills.length) {
      await db
        .insert(roleProfileSkills)
        .values(skills.map((s, position) => ({ ...s, roleProfileId: profile.id, position })));
    }
  },
  async deleteProfile(organizationId, id) {
    const deleted = await db
      .delete(roleProfiles)
      .where(and(eq(roleProfiles.organizationId, organizationId), eq(roleProfiles.id, id)))
      .returning({ id: roleProfiles.id });
    return deleted.length > 0;
  },

  async insertMember(member) {
    await db.insert(workforceMembers).values(member);
  },
  async reinvite(id, invite) {
    await db
      .update(workforceMembers)
      .set({ ...invite, userId: null, consentedAt: null, withdrawnAt: null })
      .where(eq(workforceMembers.id, id));
  },
  async findMember(organizationId, id, options) {
    const query = db
      .select(memberColumns)
      .from(workforceMembers)
      .where(and(eq(workforceMembers.organizationId, organizationId), eq(workforceMembers.id, id)));
    const [row] = options?.lock ? await query.for("update") : await query;
    return row;
  },
  async findMemberByEmail(organizationId, email) {
    const [row] = await db
      .select(memberColumns)
      .from(workforceMembers)
      .where(and(eq(workforceMembers.organizationId, organizationId), eq(workforceMembers.email, email)));
    return row;
  },
  async findMemberByToken(tokenHash) {
    const [row] = await db
      .select(memberColumns)
      .from(workforceMembers)
      .where(eq(workforceMembers.tokenHash, tokenHash));
    return row;
  },
  listMembers: (organizationId) =>
    db
      .select(memberColumns)
      .from(workforceMembers)
      .where(eq(workforceMembers.organizationId, organizationId))
      .orderBy(asc(workforceMembers.email)),
  async updateMember(id, changes) {
    await db.update(workforceMembers).set(changes).where(eq(workforceMembers.id, id));
  },
  async deleteMember(organizationId, id) {
    const deleted = await db
      .delete(workforceMembers)
      .where(and(eq(workforceMembers.organizationId, organizationId), eq(workforceMembers.id, id)))
      .returning({ id: workforceMembers.id });
    return deleted.length > 0;
  },
  membershipsOf: (userId): Promise<(WorkforceMember & { organizationName: string })[]> =>
    db
      .select({ ...memberColumns, organizationName: organizations.name })
      .from(workforceMembers)
      .innerJoin(organizations, eq(organizations.id, workforceMembers.organizationId))
      .where(eq(workforceMembers.userId, userId))
      .orderBy(asc(organizations.name)),

  async liveSkillsOf(userIds) {
    if (userIds.length === 0) return [];
    return db
      .select({
        userId: talentSkills.userId,
        walletItemId: talentSkills.walletItemId,
        awardId: talentSkills.awardId,
        skillKey: talentSkills.skillKey,
        skillName: talentSkills.skillName,
        skillCode: talentSkills.skillCode,
        framework: talentSkills.framework,
        achievementRef: talentSkills.achievementRef,
        achievementName: talentSkills.achievementName,
        issuerDid: talentSkills.issuerDid,
        issuerName: talentSkills.issuerName,
        eqfLevel: talentSkills.eqfLevel,
        issuedAt: talentSkills.issuedAt,
        validUntil: talentSkills.validUntil,
        evidence: talentSkills.evidence,
      })
      .from(talentSkills)
      .leftJoin(awards, eq(awards.id, talentSkills.awardId))
      .where(
        and(
          inArray(talentSkills.userId, [...userIds]),
          or(isNull(talentSkills.awardId), eq(awards.status, sql`'active'`)),
        ),
      );
  },
  alignedAchievements: (skillKeys) => alignedAchievementQuery(db, skillKeys),
  ...sponsorshipQueries(db),
});
