import { and, asc, count, eq, ilike, isNull, or, type SQL, sql } from "drizzle-orm";
import type { SkillRepository } from "../../app/ports.ts";
import type { SkillFramework, SkillSource } from "../../domain/skills/types.ts";
import type { Db } from "../client.ts";
import { skillFrameworks, skills } from "../schema.ts";

const BATCH = 500;
const asFramework = (row: typeof skillFrameworks.$inferSelect): SkillFramework => ({
  ...row,
  source: row.source as SkillSource,
});
const visibleTo = (organizationId: string | null): SQL | undefined =>
  organizationId
    ? or(isNull(skillFrameworks.organizationId), eq(skillFrameworks.organizationId, organizationId))
    : isNull(skillFrameworks.organizationId);
/** LIKE pattern that matches the text literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const skillRepository = (db: Db): SkillRepository => ({
  async ensureFramework(framework) {
    await db.insert(skillFrameworks).values(framework).onConflictDoNothing({ target: skillFrameworks.id });
  },
  async findFrameworkByName(organizationId, name) {
    const [row] = await db
      .select()
      .from(skillFrameworks)
      .where(and(eq(skillFrameworks.organizationId, organizationId), eq(skillFrameworks.name, name)));
    return row && asFramework(row);
  },
  async listFrameworks(organizationId) {
    const rows = await db
      .select({ framework: skillFrameworks, skillCount: count(skills.id) })
      .from(skillFrameworks)
      .leftJoin(skills, eq(skills.frameworkId, skillFrameworks.id))
      .where(visibleTo(organizationId))
      .groupBy(skillFrameworks.id)
      .orderBy(sql`${skillFrameworks.organizationId} is not null`, asc(skillFrameworks.name));
    return rows.map((r) => ({ ...asFramework(r.framework), skillCount: Number(r.skillCount) }));
  },
  async upsertSkills(frameworkId, records) {
    let written = 0;
    for (let i = 0; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH).map((s) => ({ ...s, frameworkId }));
      await db
        .insert(skills)
        .values(batch)
        .onConflictDoUpdate({
          target: [skills.frameworkId, skills.code],
          set: {
            name: sql`excluded.name`,
            description: sql`excluded.description`,
            url: sql`excluded.url`,
            searchText: sql`excluded.search_text`,
          },
        });
      written += batch.length;
    }
    return written;
  },
  async search(organizationId, query, limit) {
    const q = query.trim().toLowerCase();
    const rows = await db
      .select({
        id: skills.id,
        code: skills.code,
        name: skills.name,
        description: skills.description,
        url: skills.url,
        frameworkId: skills.frameworkId,
        frameworkName: skillFrameworks.name,
        source: skillFrameworks.source,
      })
      .from(skills)
      .innerJoin(skillFrameworks, eq(skills.frameworkId, skillFrameworks.id))
      .where(and(visibleTo(organizationId), q ? ilike(skills.searchText, contains(q)) : undefined))
      .orderBy(
        sql`case when lower(${skills.name}) like ${`${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} then 0 else 1 end`,
        asc(skills.name),
        asc(skills.code),
      )
      .limit(limit);
    return rows.map((r) => ({ ...r, source: r.source as SkillSource }));
  },
});
