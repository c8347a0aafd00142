// Talent search benchmark: BENCH_LEARNERS learners (default 100,000) holding BENCH_CREDENTIALS credentials (default
// 1,000,000; two skills each, so twice as many index rows) over 5,000 skills, half the learners consenting, generated
// with set-based SQL into a real PostgreSQL (DATABASE_URL, or a server test/postgres-server.ts starts). Then the real
// search use case runs for BENCH_QUERIES random skills by code and by name; p50/p95 are reported with the ratio to a
// trivial indexed lookup measured in the same run. `npm run bench:search`.
import { talentSearchQuery } from "../src/app/talent/inputs.ts";
import { searchTalent } from "../src/app/talent/search-talent.ts";
import { type Database, openDatabase } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { candidatePageQuery } from "../src/db/repositories/talent-search.ts";
import { startPostgres, withDatabase } from "../test/postgres-server.ts";
import { wiredForBench } from "./wired.ts";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 100_000);
const CREDENTIALS = Number(process.env.BENCH_CREDENTIALS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const SKILLS = 5_000;
/** Credentials that are Cairn awards (the rest are imported): a quarter of them revoked. */
const AWARDS = Math.min(20_000, CREDENTIALS);

const FIRST = `marine data welding crane survey forklift safety cloud network solar wind battery pipeline
  bridge road rail port cargo customs finance audit payroll tax retail kitchen bakery dairy farm forest water
  waste recycling textile print media video audio stage health nursing pharmacy dental lab robot sensor drone
  laser optics boiler turbine`.split(/\s+/);
const SECOND = `analysis inspection maintenance operation planning design repair testing modelling reporting
  logistics scheduling budgeting procurement compliance training coaching mentoring leadership negotiation
  sales marketing support service quality assurance control monitoring diagnostics installation assembly
  welding-practice programming scripting automation integration migration security privacy ethics
  communication teamwork documentation estimation costing pricing forecasting sourcing packaging labelling
  storage handling loading rigging signalling navigation mapping charting sampling measuring calibration
  cleaning hygiene firstaid rescue evacuation lifting hoisting cutting grinding painting coating sealing
  insulation wiring cabling plumbing heating cooling ventilation lighting glazing roofing flooring tiling
  carpentry joinery masonry plastering scaffolding demolition excavation paving surveying drafting drawing
  sketching rendering animation editing`.split(/\s+/);
if (FIRST.length * SECOND.length !== SKILLS) throw new Error("the word lists must make 5,000 skill names");
const skillName = (k: number) => `${FIRST[k % FIRST.length]} ${SECOND[Math.floor(k / FIRST.length)]}`;
const sqlArray = (words: string[]) => `ARRAY[${words.map((w) => `'${w}'`).join(",")}]`;

const EMPLOYER_ORG = "00000000-0000-4000-8000-000000000001";
const ISSUER_ORG = "00000000-0000-4000-8000-000000000002";
const ACHIEVEMENT = "00000000-0000-4000-8000-000000000003";
const EMPLOYER = "00000000-0000-4000-8000-0000000000e1";

async function generate(database: Database) {
  const run = (label: string, text: string) => {
    const started = performance.now();
    return database.executeSql(text).then(() => {
      console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    });
  };
  const indexes = (
    await database.executeSql(
      "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'talent_skills' AND indexname <> 'talent_skills_pkey'",
    )
  ).rows.map((r) => ({ name: String(r.indexname), def: String(r.indexdef) }));
  await run(
    "organizations, employer, learners, consent",
    `INSERT INTO organizations (id, slug, name, credential_format, created_at, updated_at) VALUES
       ('${EMPLOYER_ORG}', 'bench-employer', 'Bench Employer', 'ldp', now(), now()),
       ('${ISSUER_ORG}', 'bench-issuer', 'Bench Issuer', 'ldp', now(), now());
     INSERT INTO users (id, email, name, password_hash, created_at)
       VALUES ('${EMPLOYER}', 'employer@bench.test', 'Bench Employer', 'x', now());
     INSERT INTO memberships (organization_id, user_id, role, created_at)
       VALUES ('${EMPLOYER_ORG}', '${EMPLOYER}', 'employer', now());
     INSERT INTO users (id, email, name, password_hash, created_at)
       SELECT md5('user' || i)::uuid, 'learner' || i || '@bench.test', 'Learner ' || i, 'x', now()
       FROM generate_series(1, ${LEARNERS}) i;
     INSERT INTO talent_profiles (user_id, headline, location, consented_at, updated_at)
       SELECT md5('user' || i)::uuid, 'Headline of learner ' || i, 'City ' || (i % 300),
              CASE WHEN i % 2 = 0 THEN now() END, now()
       FROM generate_series(1, ${LEARNERS}) i;`,
  );
  await run(
    `${AWARDS} Cairn awards (a quarter revoked)`,
    `INSERT INTO achievements (id, organization_id, status, latest_version, published_version, created_at, updated_at)
       VALUES ('${ACHIEVEMENT}', '${ISSUER_ORG}', 'published', 1, 1, now(), now());
     INSERT INTO issued_credentials (id, organization_id, format, document, created_at)
       SELECT 'urn:uuid:' || md5('award' || a)::uuid, '${ISSUER_ORG}', 'ldp', '{}'::jsonb, now()
       FROM generate_series(1, ${AWARDS}) a;
     INSERT INTO awards (id, organization_id, achievement_id, achievement_version, recipient_kind, recipient,
                         credential_id, idempotency_key, status, issued_at, notify)
       SELECT md5('award' || a)::uuid, '${ISSUER_ORG}', '${ACHIEVEMENT}', 1, 'email',
              'learner' || (1 + a % ${LEARNERS}) || '@bench.test', 'urn:uuid:' || md5('award' || a)::uuid,
              'bench-' || a, CASE WHEN a % 4 = 0 THEN 'revoked' ELSE 'active' END, now(), false
       FROM generate_series(1, ${AWARDS}) a;`,
  );
  await run(
    `${CREDENTIALS.toLocaleString("en")} wallet items`,
    `INSERT INTO wallet_items (id, user_id, award_id, kind, format, display, added_at)
       SELECT md5('item' || j)::uuid, md5('user' || (1 + j % ${LEARNERS}))::uuid,
              CASE WHEN j <= ${AWARDS} THEN md5('award' || j)::uuid END, 'ob3', 'ldp',
              jsonb_build_object('name', 'Course ' || (j % 2000)), now()
       FROM generate_series(1, ${CREDENTIALS}) j;`,
  );
  // Bulk load: the talent index's secondary indexes are dropped and rebuilt with their own definitions.
  await database.executeSql(indexes.map((i) => `DROP INDEX ${i.name};`).join("\n"));
  await run(
    `${(2 * CREDENTIALS).toLocaleString("en")} talent index rows (2 skills a credential, skewed popularity)`,
    `SELECT setseed(0.42);
     INSERT INTO talent_skills (user_id, wallet_item_id, award_id, skill_key, skill_name, skill_code, framework,
                                achievement_ref, achievement_name, issuer_did, issuer_name, eqf_level, issued_at,
                                valid_until, evidence, searchable)
       SELECT md5('user' || (1 + j % ${LEARNERS}))::uuid, md5('item' || j)::uuid,
              CASE WHEN j <= ${AWARDS} THEN md5('award' || j)::uuid END,
              'bench:s' || s.k,
              (${sqlArray(FIRST)})[1 + s.k % ${FIRST.length}] || ' ' || (${sqlArray(SECOND)})[1 + s.k / ${FIRST.length}],
              'BENCH:S' || s.k, 'Bench skills', 'urn:bench:course:' || (j % 2000), 'Course ' || (j % 2000),
              'did:web:issuer' || (j % 200) || '.bench.test', 'Issuer ' || (j % 200) || ' Academy', 3 + j % 5,
              now() - random() * interval '5 years',
              CASE WHEN j % 10 = 0 THEN now() - interval '30 days' WHEN j % 10 = 1 THEN now() + interval '1 year' END,
              'Passed the practical assessment, grade ' || (1 + j % 10),
              (1 + j % ${LEARNERS}) % 2 = 0
       FROM generate_series(1, ${CREDENTIALS}) j
       CROSS JOIN generate_series(1, 2) n
       CROSS JOIN LATERAL (SELECT (floor(${SKILLS} * power(random(), 2)) + 0 * (j + n))::int AS k) s;`,
  );
  await run(
    "skill names",
    "INSERT INTO talent_skill_names (skill_key, skill_name) SELECT DISTINCT skill_key, skill_name FROM talent_skills;",
  );
  await run("index rebuild", indexes.map((i) => `${i.def};`).join("\n"));
  // VACUUM as autovacuum would after a load: it sets the visibility map that index-only scans rely on.
  await run("VACUUM ANALYZE", "VACUUM ANALYZE;");
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN };
};
const f = (ms: number) => ms.toFixed(2);

async function main() {
  const server = process.env.DATABASE_URL ? undefined : await startPostgres();
  const created = await withDatabase(process.env.DATABASE_URL ?? server?.url ?? "");
  const database = await openDatabase({ kind: "postgres", url: created.url });
  try {
    await migrate(database.db);
    console.log(
      `Generating ${LEARNERS.toLocaleString("en")} learners, ${CREDENTIALS.toLocaleString("en")} credentials, ${SKILLS} skills…`,
    );
    const started = performance.now();
    await generate(database);
    const generation = (performance.now() - started) / 1000;
    const counts = (
      await database.executeSql(`SELECT
        (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM wallet_items) AS items,
        (SELECT count(*) FROM talent_skills) AS rows, (SELECT count(*) FROM awards WHERE status = 'revoked') AS revoked,
        (SELECT count(*) FROM talent_profiles WHERE consented_at IS NOT NULL) AS consenting`)
    ).rows[0];
    console.log(`Generated in ${generation.toFixed(1)} s:`, counts);

    const { deps, jobs } = await wiredForBench(database);
    const actor = { kind: "user", userId: EMPLOYER, isPlatformAdmin: false } as const;
    const random = (n: number) => Math.floor(Math.random() * n);
    const skills = Array.from({ length: QUERIES }, () => random(SKILLS));
    const popular = Array.from({ length: 10 }, (_, k) => k);
    const search = async (skill: string) => {
      const t = performance.now();
      const found = await searchTalent(deps, actor, "bench-employer", talentSearchQuery.parse({ skill }));
      return { ms: performance.now() - t, results: found.results.length, total: found.total };
    };
    const baseline = async (key: string) => {
      const t = performance.now();
      await database.executeSql("SELECT user_id FROM talent_skills WHERE skill_key = $1 LIMIT 1", [key]);
      return performance.now() - t;
    };
    for (const k of skills.slice(0, 20)) {
      await search(`BENCH:S${k}`);
      await baseline(`bench:s${k}`);
    }
    const cases: Record<string, { ms: number[]; base: number[]; totals: number[] }> = {};
    const record = async (name: string, skill: string, key: string) => {
      const c = cases[name] ?? { ms: [], base: [], totals: [] };
      cases[name] = c;
      const result = await search(skill);
      c.ms.push(result.ms);
      c.totals.push(result.total);
      c.base.push(await baseline(key));
    };
    for (const k of skills) {
      await record("skill by framework code", `BENCH:S${k}`, `bench:s${k}`);
      await record("skill by name (full-text)", skillName(k), `bench:s${k}`);
    }
    for (const k of popular) {
      await record("10 most popular skills, by code", `BENCH:S${k}`, `bench:s${k}`);
    }
    for (const word of SECOND.slice(0, 10)) {
      await record("one broad word (matches 50 skills)", word, "bench:s0");
    }
    console.log(
      "\ncase | queries | matching people (median) | p50 ms | p95 ms | max ms | baseline p50 ms | p50 ÷ baseline | p95 ÷ baseline p95",
    );
    for (const [name, c] of Object.entries(cases)) {
      const s = summary(c.ms);
      const b = summary(c.base);
      const totals = [...c.totals].sort((x, y) => x - y);
      console.log(
        `${name} | ${c.ms.length} | ${percentile(totals, 50)} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.max)} | ${f(b.p50)} | ${(s.p50 / b.p50).toFixed(1)}× | ${(s.p95 / b.p95).toFixed(1)}×`,
      );
    }

    for (const [label, skill] of [
      ["code", `BENCH:S${skills[0]}`],
      ["name", skillName(skills[0] ?? 0)],
      ["popular", "BENCH:S0"],
      ["broad word", SECOND[0] ?? "analysis"],
    ] as const) {
      const filter = { now: new Date(), skill };
      const query = candidatePageQuery(database.db, filter, { limit: 20, offset: 0 }).toSQL();
      const plan = await database.executeSql(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params);
      console.log(`\nEXPLAIN ANALYZE, candidate page, skill by ${label} (${skill}):`);
      for (const row of plan.rows) console.log(`  ${String(row["QUERY PLAN"])}`);
    }
    await jobs.stop(2_000);
  } finally {
    await database.close();
    await created.drop();
    await server?.stop();
  }
}

await main();
