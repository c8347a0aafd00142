import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { TalentFilter, TalentRepository } from "../../app/ports.ts";
import { skillKeyOf } from "../../domain/talent/skill-rows.ts";
import type { Db } from "../client.ts";
import {
  accreditations,
  awards,
  organizations,
  talentProfiles,
  talentSkillNames,
  talentSkills as ts,
  users,
} from "../schema.ts";

const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const instant = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * The conditions a skill row must meet to count. The skill condition leads: it picks the matching (key, name) pairs
 * from the small `talent_skill_names` table (key, or words of the name through its GIN index), which then seek
 * `talent_skills_search_idx`. Consent is the row's `searchable` flag (that index is partial on it); validity and
 * revocation are checked on the rows found, revocation live through the left join on awards.
 */
export function talentConditions(f: TalentFilter): SQL[] {
  const now = instant(f.now);
  const conditions: SQL[] = [];
  if (f.skill) {
    conditions.push(
      sql`(${ts.skillKey}, ${ts.skillName}) IN (SELECT n.skill_key, n.skill_name FROM ${talentSkillNames} n WHERE n.skill_key = ${skillKeyOf({ name: f.skill })} OR to_tsvector('simple', n.skill_name) @@ plainto_tsquery('simple', ${f.skill}))`,
    );
  }
  if (f.achievement) {
    conditions.push(
      sql`(${ts.achievementRef} = ${f.achievement} OR ${ts.achievementName} ILIKE ${contains(f.achievement)})`,
    );
  }
  if (f.issuer) {
    conditions.push(sql`(${ts.issuerDid} = ${f.issuer} OR ${ts.issuerName} ILIKE ${contains(f.issuer)})`);
  }
  if (f.accredited) {
    const { issuerDids, achievementIds } = f.accredited;
    conditions.push(
      sql`(${issuerDids.length ? inArray(ts.issuerDid, [...issuerDids]) : sql`false`} OR ${
        achievementIds.length ? inArray(ts.achievementRef, [...achievementIds]) : sql`false`
      })`,
    );
  }
  if (f.minLevel !== undefined) conditions.push(sql`${ts.eqfLevel} >= ${f.minLevel}`);
  if (f.issuedSince) conditions.push(sql`${ts.issuedAt} >= ${instant(f.issuedSince)}`);
  conditions.push(
    sql`${ts.searchable}`,
    sql`(${ts.validUntil} IS NULL OR ${ts.validUntil} > ${now})`,
    // Read through the left join on awards (every query over the index joins it): an index probe per row, not a scan of every award.
    sql`(${ts.awardId} IS NULL OR (${awards.status} = 'active' AND (${awards.validUntil} IS NULL OR ${awards.validUntil} > ${now})))`,
  );
  return conditions;
}

const rowColumns = {
  userId: ts.userId,
  walletItemId: ts.walletItemId,
  awardId: ts.awardId,
  skillKey: ts.skillKey,
  skillName: ts.skillName,
  skillCode: ts.skillCode,
  framework: ts.framework,
  achievementRef: ts.achievementRef,
  achievementName: ts.achievementName,
  issuerDid: ts.issuerDid,
  issuerName: ts.issuerName,
  eqfLevel: ts.eqfLevel,
  issuedAt: ts.issuedAt,
  validUntil: ts.validUntil,
  evidence: ts.evidence,
};

/**
 * One page of candidates: the rows the filter finds, grouped per credential then per learner, ranked by matching
 * credentials, then the newest. Grouping in two steps (instead of `count(DISTINCT wallet_item_id)`) lets PostgreSQL
 * hash both levels rather than sort every row. Exported so the benchmark can EXPLAIN exactly this statement.
 */
export function candidatePageQuery(db: Db, filter: TalentFilter, page: { limit: number; offset: number }) {
  const credentials = db
    .select({
      userId: ts.userId,
      walletItemId: ts.walletItemId,
      latest: sql<Date | null>`max(${ts.issuedAt})`.as("latest"),
    })
    .from(ts)
    .leftJoin(awards, eq(awards.id, ts.awardId))
    .where(and(...talentConditions(filter)))
    .groupBy(ts.userId, ts.walletItemId)
    .as("credentials");
  const latest = sql<Date | null>`max(${credentials.latest})`.mapWith(ts.issuedAt);
  const matches = sql<number>`count(*)::int`.mapWith(Number);
  return db
    .select({
      userId: credentials.userId,
      matches,
      latest,
      total: sql<number>`(count(*) OVER ())::int`.mapWith(Number),
    })
    .from(credentials)
    .groupBy(credentials.userId)
    .orderBy(desc(matches), sql`max(${credentials.latest}) DESC NULLS LAST`, asc(credentials.userId))
    .limit(page.limit)
    .offset(page.offset);
}

/** Talent search's reads: candidates first (ids of one page, from the indexed filter), then only their details. */
export const talentSearchQueries = (
  db: Db,
): Pick<TalentRepository, "search" | "matchingRows" | "candidates" | "accreditedIssuers"> => ({
  async search(filter, page) {
    // A broad query's cost estimate triggers JIT compilation, which costs more (60+ ms) than it saves here.
    await db.execute(sql`SET LOCAL jit = off`);
    // A broad query groups ~100k rows; with the default 4 MB that sort spills to disk.
    await db.execute(sql`SET LOCAL work_mem = '32MB'`);
    const rows = await candidatePageQuery(db, filter, page);
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && page.offset > 0) {
      const [counted] = await db
        .select({ n: sql<number>`count(DISTINCT ${ts.userId})::int`.mapWith(Number) })
        .from(ts)
        .leftJoin(awards, eq(awards.id, ts.awardId))
        .where(and(...talentConditions(filter)));
      total = counted?.n ?? 0;
    }
    return {
      total,
      hits: rows.map(({ userId, matches: m, latest: l }) => ({ userId, matches: m, latest: l })),
    };
  },
  async matchingRows(userIds, filter) {
    if (userIds.length === 0) return [];
    return db
      .select(rowColumns)
      .from(ts)
      .leftJoin(awards, eq(awards.id, ts.awardId))
      .where(and(inArray(ts.userId, [...userIds]), ...talentConditions(filter)))
      .orderBy(sql`${ts.issuedAt} DESC NULLS LAST`, asc(ts.achievementName), asc(ts.skillName));
  },
  async candidates(userIds) {
    if (userIds.length === 0) return [];
    return db
      .select({
        userId: talentProfiles.userId,
        name: users.name,
        headline: talentProfiles.headline,
        location: talentProfiles.location,
      })
      .from(talentProfiles)
      .innerJoin(users, eq(users.id, talentProfiles.userId))
      .where(and(inArray(talentProfiles.userId, [...userIds]), isNotNull(talentProfiles.consentedAt)));
  },
  async accreditedIssuers(now) {
    const rows = await db
      .selectDistinct({ slug: organizations.slug, achievementId: accreditations.achievementId })
      .from(accreditations)
      .innerJoin(organizations, eq(organizations.id, accreditations.issuerId))
      .where(
        and(
          isNull(accreditations.withdrawnAt),
          lte(accreditations.validFrom, now),
          gt(accreditations.validUntil, now),
        ),
      );
    return rows;
  },
});
