import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { CatalogFacetCounts, CatalogFilter, CatalogRepository, FacetCount } from "../../app/ports.ts";
import type { Band, CatalogSort } from "../../domain/catalog/query.ts";
import type { Db } from "../client.ts";
import {
  accreditations,
  achievements,
  achievementVersions,
  awards,
  catalogEntries as c,
  catalogSearchVector,
  organizations,
  pathways,
} from "../schema.ts";
import { catalogWhere, inBand, textArray, tsQuery } from "./catalog-filter.ts";

const instant = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const count = sql<number>`count(*)::int`;
const { search: _search, ...entryColumns } = getTableColumns(c);
const entryQuery = (db: Db) =>
  db
    .select({ ...entryColumns, organizationName: organizations.name, organizationSlug: organizations.slug })
    .from(c)
    .innerJoin(organizations, eq(organizations.id, c.organizationId));

/** How many of the missing skills an entry teaches. */
const coverage = (skills: readonly string[]) =>
  sql`(SELECT count(*) FROM unnest(${c.skills}) AS s(skill) WHERE s.skill = ANY(${textArray(skills)}))`;

const ORDER: Record<CatalogSort, (filter: CatalogFilter) => SQL[]> = {
  relevance: ({ q }) => [
    ...(q ? [sql`ts_rank(${c.search}, ${tsQuery(q)}) DESC`] : []),
    desc(c.publishedAt),
    asc(c.achievementId),
  ],
  newest: () => [desc(c.publishedAt), asc(c.achievementId)],
  shortest: () => [
    sql`${c.durationWeeks} ASC NULLS LAST`,
    sql`${c.hoursPerWeek} ASC NULLS LAST`,
    asc(c.achievementId),
  ],
  cheapest: () => [sql`${c.cost} ASC NULLS LAST`, asc(c.achievementId)],
  earned: () => [desc(c.earned), desc(c.publishedAt), asc(c.achievementId)],
  fit: ({ fits }) => [
    ...(fits?.skills.length ? [sql`${coverage(fits.skills)} DESC`] : []),
    ...(fits?.achievementIds.length ? [sql`${inArray(c.achievementId, fits.achievementIds)} DESC`] : []),
    desc(c.publishedAt),
    asc(c.achievementId),
  ],
};

/** One page of a search, in order: exported so a test can EXPLAIN the very query the catalog runs. */
export const catalogPageQuery = (
  db: Db,
  filter: CatalogFilter,
  page: { sort: CatalogSort; limit: number; offset: number },
) =>
  entryQuery(db)
    .where(catalogWhere(filter))
    .orderBy(...ORDER[page.sort](filter))
    .limit(page.limit)
    .offset(page.offset);

/** The facets counted by one GROUPING SETS query: each set is one column. */
const CATEGORICAL = [
  ["industry", c.industry],
  ["provider", c.organizationId],
  ["level", c.eqfLevel],
  ["delivery", c.delivery],
  ["pacing", c.pacing],
  ["language", c.language],
] as const;

export const catalogRepository = (db: Db): CatalogRepository => ({
  async upsert(facts) {
    const row = {
      ...facts,
      search: catalogSearchVector(facts),
      earned: sql`(SELECT count(*)::int FROM ${awards} WHERE ${awards.achievementId} = ${facts.achievementId})`,
    };
    const { achievementId: _, ...changes } = row;
    await db.insert(c).values(row).onConflictDoUpdate({ target: c.achievementId, set: changes });
  },
  async remove(achievementId) {
    await db.delete(c).where(eq(c.achievementId, achievementId));
  },
  async unsynced(limit) {
    return db
      .select({
        achievementId: achievements.id,
        organizationId: achievements.organizationId,
        version: sql<number>`${achievements.publishedVersion}`,
      })
      .from(achievements)
      .leftJoin(c, eq(c.achievementId, achievements.id))
      .where(
        and(
          eq(achievements.status, "published"),
          sql`${achievements.publishedVersion} IS NOT NULL`,
          sql`(${c.achievementId} IS NULL OR ${c.version} <> ${achievements.publishedVersion})`,
        ),
      )
      .limit(limit);
  },
  async removeUnpublished() {
    const gone = await db
      .delete(c)
      .where(
        sql`NOT EXISTS (SELECT 1 FROM ${achievements} WHERE ${achievements.id} = ${c.achievementId} AND ${achievements.status} = 'published')`,
      )
      .returning({ id: c.achievementId });
    return gone.length;
  },
  async search(filter, page) {
    const [total] = await db.select({ n: count }).from(c).where(catalogWhere(filter));
    return { total: total?.n ?? 0, entries: await catalogPageQuery(db, filter, page) };
  },
  async facets(filter, bands, pathwayGroups, accreditedIds) {
    const where = catalogWhere(filter);
    const columns = CATEGORICAL.map(([, column]) => column);
    const which = sql.join(
      columns.map((column, i) => sql`WHEN grouping(${column}) = 0 THEN ${sql.raw(String(i))}`),
      sql` `,
    );
    const grouped = await db
      .select({
        set: sql<number>`CASE ${which} END`,
        value: sql<string | null>`coalesce(${sql.join(
          columns.map((column) => sql`${column}::text`),
          sql`, `,
        )})`,
        n: count,
      })
      .from(c)
      .where(where)
      .groupBy(
        sql`GROUPING SETS (${sql.join(
          columns.map((column) => sql`(${column})`),
          sql`, `,
        )})`,
      )
      .orderBy(sql`count(*) DESC`);
    const categorical = (i: number): FacetCount[] =>
      grouped.flatMap((row) => (row.set === i && row.value !== null ? [{ value: row.value, n: row.n }] : []));
    const bandCounts = (column: Parameters<typeof inBand>[0], set: Record<string, Band>) =>
      Object.fromEntries(
        Object.entries(set).map(([key, band]) => [
          key,
          sql<number>`count(*) FILTER (WHERE ${inBand(column, band)})::int`,
        ]),
      );
    const [banded] = await db
      .select({
        ...prefixed("cost", bandCounts(c.cost, bands.cost)),
        ...prefixed("duration", bandCounts(c.durationWeeks, bands.duration)),
        ...prefixed("hours", bandCounts(c.hoursPerWeek, bands.hours)),
        accredited: sql<number>`count(*) FILTER (WHERE ${catalogWhere({ accredited: accreditedIds })})::int`,
        ...Object.fromEntries(
          pathwayGroups.map((p) => [
            `pathway:${p.id}`,
            sql<number>`count(*) FILTER (WHERE ${p.achievementIds.length ? inArray(c.achievementId, p.achievementIds) : sql`false`})::int`,
          ]),
        ),
      })
      .from(c)
      .where(where);
    const skillRows = db
      .select({ skill: sql<string>`unnest(${c.skills})`.as("skill") })
      .from(c)
      .where(where)
      .as("s");
    const skills = await db
      .select({ value: skillRows.skill, n: count })
      .from(skillRows)
      .groupBy(skillRows.skill)
      .orderBy(sql`count(*) DESC`, asc(skillRows.skill))
      .limit(30);
    const counts: CatalogFacetCounts = {
      industry: categorical(0),
      provider: categorical(1),
      level: categorical(2),
      delivery: categorical(3),
      pacing: categorical(4),
      language: categorical(5),
      skill: skills,
      cost: bandList("cost", bands.cost, banded),
      duration: bandList("duration", bands.duration, banded),
      hours: bandList("hours", bands.hours, banded),
      pathway: pathwayGroups.map(({ id }) => ({ value: id, n: countAt(banded, `pathway:${id}`) })),
      accredited: countAt(banded, "accredited"),
    };
    return counts;
  },
  async find(achievementIds) {
    if (achievementIds.length === 0) return [];
    return entryQuery(db).where(inArray(c.achievementId, [...achievementIds]));
  },
  async accreditedScopes(now) {
    return db
      .select({
        issuerId: accreditations.issuerId,
        achievementId: accreditations.achievementId,
        accreditorName: organizations.name,
      })
      .from(accreditations)
      .innerJoin(organizations, eq(organizations.id, accreditations.accreditorId))
      .where(
        and(
          isNull(accreditations.withdrawnAt),
          lte(accreditations.validFrom, now),
          gt(accreditations.validUntil, now),
        ),
      );
  },
  async commonSkills(limit) {
    // The most earned few thousand rows (the earned index), so the cost stays flat as the catalog grows.
    const sample = db.select({ skills: c.skills }).from(c).orderBy(desc(c.earned)).limit(2_000).as("sample");
    const skill = sql<string>`unnest(${sample.skills})`.as("skill");
    const rows = db.select({ skill }).from(sample).as("s");
    const counted = await db
      .select({ value: rows.skill })
      .from(rows)
      .groupBy(rows.skill)
      .orderBy(sql`count(*) DESC`, asc(rows.skill))
      .limit(limit);
    return counted.map((r) => r.value);
  },
  async pathways() {
    const rows = await db
      .select({
        id: pathways.achievementId,
        name: sql<string>`${achievementVersions.definition}->>'name'`,
        componentIds: pathways.componentIds,
      })
      .from(pathways)
      .innerJoin(
        achievements,
        and(eq(achievements.id, pathways.achievementId), eq(achievements.status, "published")),
      )
      .innerJoin(
        achievementVersions,
        and(
          eq(achievementVersions.achievementId, achievements.id),
          eq(achievementVersions.version, achievements.publishedVersion),
        ),
      )
      .orderBy(sql`${achievementVersions.definition}->>'name'`);
    return rows;
  },
  async providerFigures(organizationId, now) {
    const [row] = await db
      .select({
        earned: count,
        activeLearners: sql<number>`count(DISTINCT ${awards.recipient}) FILTER (WHERE ${awards.status} = 'active' AND (${awards.validUntil} IS NULL OR ${awards.validUntil} > ${instant(now)}))::int`,
      })
      .from(awards)
      .where(eq(awards.organizationId, organizationId));
    return row ?? { earned: 0, activeLearners: 0 };
  },
});

const prefixed = <T>(prefix: string, o: Record<string, T>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}:${k}`, v]));
const countAt = (row: Record<string, unknown> | undefined, key: string) => Number(row?.[key] ?? 0);
const bandList = (
  prefix: string,
  set: Record<string, Band>,
  row: Record<string, unknown> | undefined,
): FacetCount[] => Object.keys(set).map((key) => ({ value: key, n: Number(row?.[`${prefix}:${key}`] ?? 0) }));
