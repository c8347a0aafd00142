import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { TalentRepository } from "../../app/ports.ts";
import type { Db } from "../client.ts";
import { talentProfiles, talentSkillNames, talentSkills, workforceMembers } from "../schema.ts";
import { talentSearchQueries } from "./talent-search.ts";

const INSERT_CHUNK = 500;

export const talentRepository = (db: Db): TalentRepository => ({
  ...talentSearchQueries(db),
  async findProfile(userId) {
    const [row] = await db.select().from(talentProfiles).where(eq(talentProfiles.userId, userId));
    return row;
  },
  async saveProfile(profile) {
    const { userId: _, ...changes } = profile;
    await db
      .insert(talentProfiles)
      .values(profile)
      .onConflictDoUpdate({ target: talentProfiles.userId, set: changes });
  },
  async hasConsent(userId) {
    const [row] = await db
      .select({ yes: sql<number>`1` })
      .from(talentProfiles)
      .where(and(eq(talentProfiles.userId, userId), isNotNull(talentProfiles.consentedAt)))
      .union(
        db
          .select({ yes: sql<number>`1` })
          .from(workforceMembers)
          .where(
            and(
              eq(workforceMembers.userId, userId),
              isNotNull(workforceMembers.consentedAt),
              isNull(workforceMembers.withdrawnAt),
            ),
          ),
      )
      .limit(1);
    return row !== undefined;
  },
  async replaceSkills(userId, rows) {
    await db.delete(talentSkills).where(eq(talentSkills.userId, userId));
    if (rows.length === 0) return;
    // Search consent is copied onto the rows: every consent change rebuilds them in its own transaction.
    const [profile] = await db
      .select({ yes: sql<number>`1` })
      .from(talentProfiles)
      .where(and(eq(talentProfiles.userId, userId), isNotNull(talentProfiles.consentedAt)));
    const searchable = profile !== undefined;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await db
        .insert(talentSkills)
        .values(rows.slice(i, i + INSERT_CHUNK).map((row) => ({ ...row, searchable })));
    }
    const names = new Map(rows.map((row) => [`${row.skillKey}\n${row.skillName}`, row]));
    const pairs = [...names.values()].map(({ skillKey, skillName }) => ({ skillKey, skillName }));
    for (let i = 0; i < pairs.length; i += INSERT_CHUNK) {
      await db
        .insert(talentSkillNames)
        .values(pairs.slice(i, i + INSERT_CHUNK))
        .onConflictDoNothing();
    }
  },
  async clearSkills(userId) {
    await db.delete(talentSkills).where(eq(talentSkills.userId, userId));
  },
});
