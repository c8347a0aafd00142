import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { TalentRepository } from "../../app/ports.ts";
import type { Db } from "../client.ts";
import { talentProfiles, talentSkills, workforceMembers } from "../schema.ts";
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
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await db.insert(talentSkills).values(rows.slice(i, i + INSERT_CHUNK).map((row) => ({ ...row })));
    }
  },
  async clearSkills(userId) {
    await db.delete(talentSkills).where(eq(talentSkills.userId, userId));
  },
});
