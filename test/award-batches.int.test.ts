import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAwardBatch, createBatchIn } from "../src/app/awards/batches/create-batch.ts";
import { checkedCsvRows } from "../src/app/awards/batches/read-csv.ts";
import { runBatchChunk } from "../src/app/awards/batches/run-batch.ts";
import type { AppDeps } from "../src/app/ports.ts";
import { openDatabase } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { diskFileStore } from "../src/files/disk-file-store.ts";
import { createApp } from "../src/http/app.ts";
import { startJobs } from "../src/jobs/boss.ts";
import { outboxMailer } from "../src/mail/mailer.ts";
import { argon2Passwords } from "../src/security/passwords.ts";
import { wire } from "../src/wiring.ts";
import { eventually, startTestContext, type TestContext, testDbKind } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";
import { withDatabase } from "./postgres-server.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

const definition = {
  name: "Harbour Pilotage Basics",
  description: "Guides a vessel into harbour safely.",
  criteria: "Pass a supervised practical.",
  learningOutcomes: "Plan a harbour approach\nBrief a bridge team",
  workloadHours: "30",
  ects: "1",
  eqfLevel: "4",
  assessmentType: "practical",
  participationForm: "onsite",
  qualityAssurance: "Two certified assessors.",
};
let counter = 0;
async function issuerWithDefinition(): Promise<{ owner: BrowserClient; slug: string; id: string }> {
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `bulk-${n}@example.org` });
  const slug = `bulk-${n}`;
  await owner.submit("/orgs", { name: `Bulk ${n} Academy`, slug });
  const created = await owner.submit(`/orgs/${slug}/achievements`, definition);
  const id = created.headers.get("location")?.split("/").at(-1) ?? "";
  expect((await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {})).status).toBe(303);
  return { owner, slug, id };
}
const upload = (owner: BrowserClient, path: string, csv: string, notify = false) => {
  const form = new FormData();
  form.set("file", new File([csv], "awards.csv", { type: "text/csv" }));
  if (notify) form.set("notify", "on");
  form.set("_csrf", owner.jar.get("cairn_csrf") ?? "");
  const cookie = [...owner.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  return ctx.app.request(path, { method: "POST", body: form, headers: { cookie } });
};
const sql = async (text: string, values: unknown[] = []) =>
  (await ctx.database.executeSql(text, values)).rows;
const csvOf = (lines: string[]) => `${["recipient,recipientName,result", ...lines].join("\n")}\n`;
const people = (n: number, prefix = "learner") =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}@example.org,Learner ${i + 1},Pass`);

/** Every row of the batch has exactly one award, one issued credential, and the award is the row's. */
async function expectExactlyOnce(batchId: string, rows: number) {
  const [counts] = await sql(
    `SELECT count(*)::int AS awards, count(DISTINCT a.idempotency_key)::int AS keys,
            count(DISTINCT c.id)::int AS credentials
       FROM awards a JOIN issued_credentials c ON c.id = a.credential_id WHERE a.batch_id = $1`,
    [batchId],
  );
  expect(counts).toEqual({ awards: rows, keys: rows, credentials: rows });
  const [linked] = await sql(
    `SELECT count(*)::int AS n FROM award_batch_rows r JOIN awards a ON a.id = r.award_id
      WHERE r.batch_id = $1 AND a.idempotency_key = 'batch:' || r.batch_id || ':' || r.row`,
    [batchId],
  );
  expect(linked?.n).toBe(rows);
}

describe("bulk awards from CSV", () => {
  it("offers a template with the header and an example row", async () => {
    const { owner, slug, id } = await issuerWithDefinition();
    const response = await owner.get(`/orgs/${slug}/achievements/${id}/awards/template.csv`);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const [header, example] = (await response.text()).trim().split("\r\n");
    expect(header).toBe("recipient,recipientName,evidenceUrl,narrative,result,issuedOn,validUntil");
    expect(example).toContain("@example.org");
  });

  it("issues the 48 valid rows of a 50-row file, reports the 2 bad ones, and offers a report", async () => {
    const { owner, slug, id } = await issuerWithDefinition();
    await owner.get(`/orgs/${slug}/achievements/${id}/awards/bulk`);
    const lines = people(48);
    lines.splice(10, 0, "not-an-email,Nobody,Pass");
    lines.splice(30, 0, "LEARNER3@example.org,Learner Three again,Pass");
    const response = await upload(
      owner,
      `/orgs/${slug}/achievements/${id}/awards/bulk`,
      `\uFEFF${csvOf(lines)}`,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("48 queued, 2 rows with errors");
    expect(html).toMatch(/<td>12<\/td><td>not-an-email<\/td><td>recipient: Give an email address/);
    expect(html).toContain(
      "<td>32</td><td>LEARNER3@example.org</td><td>recipient: This recipient appears on an earlier row",
    );
    const batchId = /award-batches\/([0-9a-f-]{36})/.exec(html)?.[1] ?? "";
    const progress = await eventually(async () => {
      const json = (await (await owner.get(`/orgs/${slug}/award-batches/${batchId}.json`)).json()) as {
        status: string;
      };
      return json.status === "done" ? json : undefined;
    }, 60_000);
    expect(progress).toMatchObject({ total: 50, issued: 48, failed: 2, pending: 0 });
    await expectExactlyOnce(batchId, 48);
    const page = await (await owner.get(`/orgs/${slug}/award-batches/${batchId}`)).text();
    expect(page).toContain('<progress id="batch-bar" max="50" value="50"');
    expect(page).not.toContain('http-equiv="refresh"');
    expect(page).toContain("2 rows with errors");
    const report = (await (await owner.get(`/orgs/${slug}/award-batches/${batchId}/report.csv`)).text())
      .trim()
      .split("\r\n");
    expect(report[0]).toBe("row,recipient,status,credentialId,message");
    expect(report).toHaveLength(51);
    expect(report.filter((l) => l.includes(",issued,"))).toHaveLength(48);
    expect(report[11]).toMatch(/^12,not-an-email,error,,/);
    const outsider = await signedUp(ctx.app, { email: `outsider-${counter}@example.org` });
    expect((await outsider.get(`/orgs/${slug}/award-batches/${batchId}`)).status).toBe(404);
  }, 90_000);

  it("refuses unknown columns and files with no valid row, issuing nothing", async () => {
    const { owner, slug, id } = await issuerWithDefinition();
    await owner.get(`/orgs/${slug}/achievements/${id}/awards/bulk`);
    const path = `/orgs/${slug}/achievements/${id}/awards/bulk`;
    const unknown = await upload(owner, path, "recipient,email\nx@example.org,y\n");
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain("Unknown column &quot;email&quot;");
    const allBad = await upload(owner, path, csvOf(["nobody,Nobody,Pass"]));
    expect(allBad.status).toBe(422);
    expect(await allBad.text()).toContain("No row of this file can be awarded");
    expect(await sql("SELECT id FROM award_batches WHERE achievement_id = $1", [id])).toHaveLength(0);
  });

  /** A stored batch of `n` rows whose chunks the test runs itself (no job is queued). */
  async function unqueuedBatch(slug: string, id: string, n: number, prefix: string) {
    const [org] = await sql("SELECT id FROM organizations WHERE slug = $1", [slug]);
    const [user] = await sql("SELECT id FROM users WHERE email = $1", [`bulk-${counter}@example.org`]);
    const rows = checkedCsvRows(new Blob([csvOf(people(n, prefix))]).stream());
    const { batch } = await ctx.deps.uow(async (r) => {
      const organization = await r.organizations.findById(String(org?.id));
      if (!organization) throw new Error("no organization");
      const noJobs = { ...r, jobs: { send: async () => {} } };
      const actor = { kind: "user", userId: String(user?.id), isPlatformAdmin: false } as const;
      return createBatchIn(ctx.deps, noJobs, organization, actor, { achievementId: id, notify: false, rows });
    });
    return batch;
  }

  it("ends with exactly one credential per row when a chunk dies mid-way and is run again", async () => {
    const { slug, id } = await issuerWithDefinition();
    const batch = await unqueuedBatch(slug, id, 30, "crash");
    let signed = 0;
    const dying: AppDeps = {
      ...ctx.deps,
      credentials: {
        ...ctx.deps.credentials,
        sign: (...args) => {
          if (++signed > 7) throw new Error("worker killed");
          return ctx.deps.credentials.sign(...args);
        },
      },
    };
    await expect(runBatchChunk(dying, batch.id, { chunkSize: 20, queueNext: false })).rejects.toThrow(
      "killed",
    );
    expect(await sql("SELECT id FROM awards WHERE batch_id = $1", [batch.id])).toHaveLength(0);
    let chunks = 0;
    while (!(await runBatchChunk(ctx.deps, batch.id, { chunkSize: 20, queueNext: false })).done) chunks += 1;
    expect(chunks).toBe(1);
    expect(await runBatchChunk(ctx.deps, batch.id)).toEqual({ done: true, processed: 0 });
    await expectExactlyOnce(batch.id, 30);
    const [stored] = await sql("SELECT status, issued, failed FROM award_batches WHERE id = $1", [batch.id]);
    expect(stored).toEqual({ status: "done", issued: 30, failed: 0 });
  }, 60_000);

  it("fails the remaining rows with the reason when the definition is archived mid-batch", async () => {
    const { owner, slug, id } = await issuerWithDefinition();
    const batch = await unqueuedBatch(slug, id, 30, "archived");
    expect(await runBatchChunk(ctx.deps, batch.id, { chunkSize: 20, queueNext: false })).toEqual({
      done: false,
      processed: 20,
    });
    await owner.get(`/orgs/${slug}/achievements/${id}`);
    expect((await owner.submit(`/orgs/${slug}/achievements/${id}/archive`, {})).status).toBe(303);
    expect(await runBatchChunk(ctx.deps, batch.id, { chunkSize: 20, queueNext: false })).toEqual({
      done: true,
      processed: 10,
    });
    const [stored] = await sql("SELECT status, issued, failed FROM award_batches WHERE id = $1", [batch.id]);
    expect(stored).toEqual({ status: "done", issued: 20, failed: 10 });
    const errors = await sql("SELECT DISTINCT error FROM award_batch_rows WHERE batch_id = $1 AND row > 21", [
      batch.id,
    ]);
    expect(errors).toEqual([
      { error: "Only a published micro-credential of this organization can be awarded." },
    ]);
  }, 60_000);
});

describe("bulk awards by API", () => {
  it("queues a batch once per Idempotency-Key, reports progress, and refuses invalid awards", async () => {
    const { owner, slug, id } = await issuerWithDefinition();
    const created = await owner.submit(`/orgs/${slug}/api-keys`, {
      name: "LMS",
      scopes: ["credentials:issue"],
    });
    const key = /value="(cairn_[A-Za-z0-9_-]+)"/.exec(await created.text())?.[1] ?? "";
    const post = (body: unknown, idempotencyKey?: string) =>
      ctx.app.request("/api/v1/awards/batch", {
        method: "POST",
        body: JSON.stringify(body),
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
        },
      });
    const awards = Array.from({ length: 5 }, (_, i) => ({
      recipient: `api${i}@example.org`,
      result: "Pass",
    }));
    const first = await post({ achievementId: id, notify: false, awards }, "lms-run-1");
    expect(first.status).toBe(202);
    const accepted = (await first.json()) as { batchId: string; statusUrl: string };
    expect(accepted.statusUrl).toBe(`http://localhost:3000/api/v1/awards/batches/${accepted.batchId}`);
    const again = await post({ achievementId: id, notify: false, awards }, "lms-run-1");
    expect(((await again.json()) as { batchId: string }).batchId).toBe(accepted.batchId);
    const done = await eventually(async () => {
      const response = await ctx.app.request(`/api/v1/awards/batches/${accepted.batchId}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const json = (await response.json()) as { status: string };
      return json.status === "done" ? json : undefined;
    }, 60_000);
    expect(done).toMatchObject({ total: 5, issued: 5, failed: 0, errors: [] });
    await expectExactlyOnce(accepted.batchId, 5);
    const invalid = await post({
      achievementId: id,
      awards: [{ recipient: "a@example.org" }, { recipient: "nope" }],
    });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { errors: Record<string, string> }).errors["awards.1"]).toContain(
      "recipient",
    );
    const tooMany = await post({ achievementId: id, awards: Array.from({ length: 1001 }, () => awards[0]) });
    expect(tooMany.status).toBe(422);
  }, 90_000);
});

describe("a real `cairn worker` killed mid-batch", () => {
  // On PGlite only one process may open the data directory, so this runs where processes share a server.
  it.runIf(testDbKind() === "postgres")(
    "is SIGKILLed after the first chunk; another worker finishes with exactly one credential per row",
    async () => {
      const created = await withDatabase(inject("postgresUrl"));
      const database = await openDatabase({ kind: "postgres", url: created.url });
      await migrate(database.db);
      const jobs = await startJobs(database, pino({ level: "silent" }));
      const masterKey = randomBytes(32);
      const { deps, httpDeps } = wire({
        database,
        jobs,
        logger: pino({ level: "silent" }),
        mailer: outboxMailer(),
        passwords: argon2Passwords({ fast: true }),
        masterKey,
        publicUrl: "http://localhost:3000",
        bodyLimit: 1_048_576,
        fileStore: diskFileStore(mkdtempSync(join(tmpdir(), "cairn-files-"))),
      });
      const app = createApp(httpDeps);
      const dataDir = mkdtempSync(join(tmpdir(), "cairn-batch-kill-"));
      const workers: ChildProcess[] = [];
      const worker = () => {
        const child = spawn(
          process.execPath,
          [join(import.meta.dirname, "..", "bin", "cairn.js"), "worker"],
          {
            env: {
              ...process.env,
              CAIRN_DATA_DIR: dataDir,
              DATABASE_URL: created.url,
              CAIRN_MASTER_KEY: masterKey.toString("base64"),
              CAIRN_PUBLIC_URL: "http://localhost:3000",
              LOG_LEVEL: "warn",
            },
            stdio: "ignore",
          },
        );
        workers.push(child);
        return child;
      };
      const exited = (child: ChildProcess) =>
        new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
      const rowsOf = async (text: string, values: unknown[]) =>
        (await database.executeSql(text, values)).rows;
      try {
        const owner = await signedUp(app, { email: "killer@example.org" });
        await owner.submit("/orgs", { name: "Kill Test Academy", slug: "kill-test" });
        const id =
          (await owner.submit("/orgs/kill-test/achievements", definition)).headers
            .get("location")
            ?.split("/")
            .at(-1) ?? "";
        expect((await owner.submit(`/orgs/kill-test/achievements/${id}/publish`, {})).status).toBe(303);
        const [user] = await rowsOf("SELECT id FROM users WHERE email = $1", ["killer@example.org"]);
        const total = 800;
        const rows = checkedCsvRows(new Blob([csvOf(people(total, "kill"))]).stream());
        const actor = { kind: "user", userId: String(user?.id), isPlatformAdmin: false } as const;
        const { batch } = await createAwardBatch(deps, actor, "kill-test", {
          achievementId: id,
          notify: false,
          rows,
        });
        const progress = async () =>
          (await rowsOf("SELECT status, issued FROM award_batches WHERE id = $1", [batch.id]))[0] as {
            status: string;
            issued: number;
          };

        const first = worker();
        const activeChunks = async () =>
          Number(
            (
              await rowsOf(
                "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'awards.batch' AND state = 'active'",
                [],
              )
            )[0]?.n,
          );
        // Kill once a chunk has committed and the next chunk is being worked on.
        const issuedBeforeKill = await eventually(async () => {
          const { issued } = await progress();
          return issued > 0 && (await activeChunks()) === 1 ? issued : undefined;
        }, 60_000);
        first.kill("SIGKILL");
        await exited(first);
        expect(issuedBeforeKill).toBeLessThan(total);
        // The killed worker's chunk stays "active" in pg-boss until it expires (5 minutes) and is retried;
        // the test stands in for that expiry by queueing the batch's job again.
        expect(await activeChunks()).toBe(1);
        await jobs.queueOn(database.executeSql).send("awards.batch", { batchId: batch.id });
        const second = worker();
        await eventually(async () => ((await progress()).status === "done" ? true : undefined), 120_000);
        second.kill("SIGTERM");
        await exited(second);

        const [counts] = await rowsOf(
          `SELECT count(*)::int AS awards, count(DISTINCT a.idempotency_key)::int AS keys,
                  count(DISTINCT c.id)::int AS credentials
             FROM awards a JOIN issued_credentials c ON c.id = a.credential_id WHERE a.batch_id = $1`,
          [batch.id],
        );
        expect(counts).toEqual({ awards: total, keys: total, credentials: total });
        const [unlinked] = await rowsOf(
          "SELECT count(*)::int AS n FROM award_batch_rows WHERE batch_id = $1 AND award_id IS NULL",
          [batch.id],
        );
        expect(unlinked?.n).toBe(0);
        expect(await progress()).toEqual({ status: "done", issued: total });
      } finally {
        for (const child of workers) if (child.exitCode === null) child.kill("SIGKILL");
        await jobs.stop(2_000);
        await database.close();
        await created.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
