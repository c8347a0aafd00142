import { and, arrayContains, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { CatalogFilter } from "../../app/ports.ts";
import type { Band } from "../../domain/catalog/query.ts";
import { catalogEntries as c } from "../schema.ts";

export const tsQuery = (q: string) => sql`websearch_to_tsquery('simple', ${q}::text)`;

/** A band as a condition on a numeric column: rows without the value never match. */
export function inBand(column: typeof c.cost | typeof c.durationWeeks | typeof c.hoursPerWeek, band: Band) {
  return and(
    sql`${column} IS NOT NULL`,
    band.min !== undefined ? gte(column, band.min) : undefined,
    band.max !== undefined ? lte(column, band.max) : undefined,
  );
}

const anyOf = (column: typeof c.achievementId | typeof c.organizationId, ids: readonly string[]) =>
  ids.length ? inArray(column, [...ids]) : sql`false`;

/** A text[] literal of parameters (an empty one when there are none). */
export const textArray = (values: readonly string[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** Fits a learner's goals: overlaps the missing skills (the skills GIN index) or is a missing component. */
const fitting = (fits: NonNullable<CatalogFilter["fits"]>) =>
  sql`(${fits.skills.length ? sql`${c.skills} && ${textArray(fits.skills)}` : sql`false`} OR ${anyOf(c.achievementId, fits.achievementIds)})`;

/** The WHERE of a catalog search: each filter is one indexed column (or the GIN-indexed search vector). */
export function catalogWhere(f: CatalogFilter): SQL | undefined {
  return and(
    f.q ? sql`${c.search} @@ ${tsQuery(f.q)}` : undefined,
    f.skill ? arrayContains(c.skills, [f.skill]) : undefined,
    f.industry ? eq(c.industry, f.industry) : undefined,
    f.organizationId ? eq(c.organizationId, f.organizationId) : undefined,
    f.accredited
      ? sql`(${anyOf(c.organizationId, f.accredited.issuerIds)} OR ${anyOf(c.achievementId, f.accredited.achievementIds)})`
      : undefined,
    f.level !== undefined ? eq(c.eqfLevel, f.level) : undefined,
    f.cost ? inBand(c.cost, f.cost) : undefined,
    f.duration ? inBand(c.durationWeeks, f.duration) : undefined,
    f.hours ? inBand(c.hoursPerWeek, f.hours) : undefined,
    f.delivery ? eq(c.delivery, f.delivery) : undefined,
    f.pacing ? eq(c.pacing, f.pacing) : undefined,
    f.language ? eq(c.language, f.language) : undefined,
    f.within ? anyOf(c.achievementId, f.within) : undefined,
    f.fits ? fitting(f.fits) : undefined,
  );
}
