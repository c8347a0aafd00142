import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CatalogFilter } from "../src/app/ports.ts";
import type { Database } from "../src/db/client.ts";
import { catalogPageQuery } from "../src/db/repositories/catalog.ts";
import { DURATION_BANDS } from "../src/domain/catalog/query.ts";
import { testDatabase } from "./harness.ts";

// 100,000 catalog rows, inserted set-based, then the catalog's own queries EXPLAINed: every facet query must read
// catalog_entries through an index, never by a sequential scan.
const ROWS = 100_000;
let database: Database;
let drop: () => Promise<void>;
let components: string[] = [];
const org = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

beforeAll(async () => {
  ({ database, drop } = await testDatabase());
  const sql = database.executeSql;
  await sql(`INSERT INTO organizations (id, slug, name, created_at, updated_at)
    SELECT ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'org-' || i, 'Org ' || i, now(), now()
    FROM generate_series(0, 49) i`);
  await sql(`INSERT INTO achievements (id, organization_id, status, latest_version, published_version, created_at, updated_at)
    SELECT md5('a' || i)::uuid, ('00000000-0000-4000-8000-' || lpad((i % 50)::text, 12, '0'))::uuid,
      'published', 1, 1, now(), now()
    FROM generate_series(1, ${ROWS}) i`);
  await sql(`INSERT INTO catalog_entries (achievement_id, organization_id, version, name, description, outcomes, skills,
      industry, eqf_level, cost, currency, duration_weeks, hours_per_week, delivery, pacing, language, published_at,
      earned, search)
    SELECT md5('a' || i)::uuid, ('00000000-0000-4000-8000-' || lpad((i % 50)::text, 12, '0'))::uuid, 1,
      'Course ' || i, 'About topic ' || (i % 1000), ARRAY['Outcome ' || (i % 300)],
      ARRAY['skill-' || (i % 500), 'skill-' || (1000 + i % 37)],
      (ARRAY['technology','business-and-finance','healthcare','education','creative','manufacturing',
        'hospitality','public-sector','other'])[1 + i % 9],
      1 + i % 8, (i % 50) * 20, 'EUR', 1 + i % 26, 1 + i % 20,
      (ARRAY['online','onsite','blended'])[1 + i % 3], (ARRAY['self-paced','cohort'])[1 + i % 2],
      (ARRAY['en','nl','de','fr','es'])[1 + i % 5], now() - i * interval '1 minute', i % 97,
      to_tsvector('simple', 'Course ' || i || ' topic' || (i % 1000) || ' skill-' || (i % 500))
    FROM generate_series(1, ${ROWS}) i`);
  await sql("ANALYZE catalog_entries");
  components = (await sql("SELECT achievement_id FROM catalog_entries ORDER BY name LIMIT 4")).rows.map((r) =>
    String(r.achievement_id),
  );
}, 300_000);
afterAll(() => drop());

type Sort = "newest" | "relevance" | "cheapest" | "fit";
async function plan(filter: CatalogFilter, sort: Sort = "newest") {
  const query = catalogPageQuery(database.db, filter, { sort, limit: 12, offset: 0 }).toSQL();
  const rows = (await database.executeSql(`EXPLAIN ${query.sql}`, query.params)).rows;
  return rows.map((r) => String(r["QUERY PLAN"])).join("\n");
}

describe(`catalog query plans on ${ROWS.toLocaleString("en")} rows`, () => {
  const cases: [string, () => CatalogFilter, Sort][] = [
    ["a skill", () => ({ skill: "skill-42" }), "newest"],
    ["search words", () => ({ q: "topic417" }), "relevance"],
    [
      "accredited only",
      () => ({ accredited: { issuerIds: [org(7)], achievementIds: components } }),
      "newest",
    ],
    ["industry and level", () => ({ industry: "healthcare", level: 3 }), "cheapest"],
    ["a skill under 6 weeks", () => ({ skill: "skill-1003", duration: DURATION_BANDS["under-6"] }), "newest"],
    ["a pathway's components", () => ({ within: components }), "newest"],
    [
      "fits my goals (missing skills, a pathway's missing components)",
      () => ({ fits: { skills: ["skill-42", "skill-7"], achievementIds: components } }),
      "fit",
    ],
    [
      "fits my goals (missing skills only)",
      () => ({ fits: { skills: ["skill-42"], achievementIds: [] } }),
      "fit",
    ],
  ];
  it.each(cases)("%s: no sequential scan of catalog_entries", async (_label, filter, sort) => {
    const text = await plan(filter(), sort);
    console.log(`EXPLAIN, ${_label}:\n${text}`);
    expect(text).not.toMatch(/Seq Scan on catalog_entries/);
    expect(text).toMatch(/Index|Bitmap|Result/);
  });
});
