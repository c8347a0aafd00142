import { and, desc, eq, inArray } from "drizzle-orm";
import type { AchievementRepository } from "../../app/ports.ts";
import { type Definition, definitionInput } from "../../domain/achievements/definition.ts";
import type { Achievement, AchievementStatus } from "../../domain/achievements/types.ts";
import type { Db } from "../client.ts";
import { achievements, achievementVersions } from "../schema.ts";

const toAchievement = (row: typeof achievements.$inferSelect): Achievement => ({
  ...row,
  status: row.status as AchievementStatus,
});
// Stored definitions were validated on the way in; parsing again fills defaults added since.
const toDefinition = (data: Record<string, unknown>): Definition => definitionInput.parse(data);

export const achievementRepository = (db: Db): AchievementRepository => ({
  async insert(achievement, version) {
    await db.insert(achievements).values(achievement);
    await db.insert(achievementVersions).values(version);
  },
  async find(organizationId, id) {
    const [row] = await db
      .select()
      .from(achievements)
      .where(and(eq(achievements.organizationId, organizationId), eq(achievements.id, id)));
    return row && toAchievement(row);
  },
  async findAnywhere(id) {
    const [row] = await db.select().from(achievements).where(eq(achievements.id, id));
    return row && toAchievement(row);
  },
  async list(organizationId) {
    const rows = await db
      .select({ achievement: achievements, definition: achievementVersions.definition })
      .from(achievements)
      .innerJoin(
        achievementVersions,
        and(
          eq(achievementVersions.achievementId, achievements.id),
          eq(achievementVersions.version, achievements.latestVersion),
        ),
      )
      .where(eq(achievements.organizationId, organizationId))
      .orderBy(desc(achievements.updatedAt));
    return rows.map((row) => ({
      ...toAchievement(row.achievement),
      name: String(row.definition.name ?? ""),
    }));
  },
  async listPublished(organizationIds) {
    const rows = await db
      .select({
        organizationId: achievements.organizationId,
        id: achievements.id,
        definition: achievementVersions.definition,
      })
      .from(achievements)
      .innerJoin(
        achievementVersions,
        and(
          eq(achievementVersions.achievementId, achievements.id),
          eq(achievementVersions.version, achievements.publishedVersion),
        ),
      )
      .where(
        and(
          eq(achievements.status, "published"),
          organizationIds ? inArray(achievements.organizationId, [...organizationIds]) : undefined,
        ),
      )
      .orderBy(desc(achievements.updatedAt));
    return rows.map(({ definition, ...row }) => {
      const parsed = toDefinition(definition);
      return { ...row, name: parsed.name, qualityAssurance: parsed.qualityAssurance };
    });
  },
  async version(id, version) {
    const [row] = await db
      .select()
      .from(achievementVersions)
      .where(and(eq(achievementVersions.achievementId, id), eq(achievementVersions.version, version)));
    return row && { ...row, definition: toDefinition(row.definition) };
  },
  async insertVersion(version) {
    await db.insert(achievementVersions).values(version);
  },
  async replaceDraft(id, version, definition) {
    await db
      .update(achievementVersions)
      .set({ definition })
      .where(and(eq(achievementVersions.achievementId, id), eq(achievementVersions.version, version)));
  },
  async update(id, changes) {
    await db.update(achievements).set(changes).where(eq(achievements.id, id));
  },
  async markPublished(id, version, at) {
    await db
      .update(achievementVersions)
      .set({ publishedAt: at })
      .where(and(eq(achievementVersions.achievementId, id), eq(achievementVersions.version, version)));
  },
});
