import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoCounts, expectDemoPath, inDemoDatabase } from "./demo-earning-checks.ts";
import { testDbKind } from "./harness.ts";
import { freePort, withDatabase } from "./postgres-server.ts";

type Run = { code: number | null; stdout: string; stderr: string };
const BIN = join(import.meta.dirname, "..", "bin", "cairn.js");

let env: Record<string, string>;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "cairn-cli-"));
  const created = testDbKind() === "postgres" ? await withDatabase(inject("postgresUrl")) : undefined;
  env = {
    CAIRN_DATA_DIR: dataDir,
    ...(created ? { DATABASE_URL: created.url, CAIRN_MASTER_KEY: randomBytes(32).toString("base64") } : {}),
  };
  cleanup = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await created?.drop();
  };
});
afterAll(() => cleanup());

function cairn(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env, LOG_LEVEL: "warn", ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the cairn command", () => {
  it("prints help for the command and for every subcommand", async () => {
    const help = await cairn(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["serve", "worker", "migrate", "admin create", "org create", "demo"])
      expect(help.stdout).toContain(command);
    const orgHelp = await cairn(["org", "create", "--help"]);
    expect(orgHelp.code).toBe(0);
    expect(orgHelp.stdout).toContain("--slug");
  });

  it("refuses unknown commands and bad options with one line and exit 2", async () => {
    const unknown = await cairn(["fly"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    const badOption = await cairn(["migrate", "--colour"]);
    expect(badOption.code).toBe(2);
  });

  it("needs a master key with PostgreSQL", async () => {
    const run = await cairn(["migrate"], {
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      CAIRN_MASTER_KEY: "",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("CAIRN_MASTER_KEY is required with DATABASE_URL");
  });

  it.each([
    [{ PORT: "abc" }, "PORT: expected a whole number"],
    [{ DATABASE_URL: "nope" }, "DATABASE_URL: expected a postgres://"],
  ])("refuses bad configuration %o with one line naming the variable", async (bad, message) => {
    const run = await cairn(["serve"], bad);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toContain(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("migrates, creates an admin, an organization with an API key, and the demo", async () => {
    expect((await cairn(["migrate"])).code).toBe(0);
    const admin = await cairn([
      "admin",
      "create",
      "--email",
      "ops@example.org",
      "--password",
      "operator password",
    ]);
    expect(admin.stdout).toContain("Created platform admin ops@example.org");
    const org = await cairn(["org", "create", "--name", "Harbour Institute", "--slug", "harbour", "--json"]);
    expect(org.code).toBe(0);
    const created = JSON.parse(org.stdout);
    expect(created).toMatchObject({ slug: "harbour", name: "Harbour Institute", id: expect.any(String) });
    expect(created.apiKey).toMatch(/^cairn_[A-Za-z0-9]{12}_/);
    const again = await cairn(["org", "create", "--name", "Other", "--slug", "harbour"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("taken");
    const invalid = await cairn(["org", "create", "--name", "Other", "--slug", "No Spaces"]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("--slug");
    const demo = await cairn(["demo"]);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain("owner@northfield.test");
    expect(demo.stdout).toContain("cairn-demo-password");
    expect(demo.stdout).toContain("http://localhost:3000/catalog");
    expect(demo.stdout).toMatch(
      /Public credential page of Lena Lindqvist: http:\/\/localhost:3000\/c\/[\w-]+/,
    );

    // The learning path, with learners at every stage, seeded through the real use cases; a second run adds nothing.
    const before = await inDemoDatabase(env, async (runtime) => {
      await expectDemoPath(runtime, demo.stdout);
      return demoCounts(runtime);
    });
    expect((await cairn(["demo"])).code).toBe(0);
    expect(await inDemoDatabase(env, demoCounts)).toEqual(before);
  }, 120_000);

  it.runIf(testDbKind() === "pglite")(
    "serves credentials that `cairn verify` checks over HTTP, refuses a second process on the embedded database, stops on SIGTERM",
    async () => {
      const port = await freePort();
      const publicUrl = { CAIRN_PUBLIC_URL: `http://localhost:${port}` };
      const created = await cairn(
        ["org", "create", "--name", "Lighthouse College", "--slug", "lighthouse", "--json"],
        publicUrl,
      );
      const org = JSON.parse(created.stdout) as { apiKey: string };
      expect((await cairn(["keys", "rotate", "--org", "lighthouse"], publicUrl)).stdout).toContain(
        "New signing key key-",
      );
      const server: ChildProcess = spawn(process.execPath, [BIN, "serve"], {
        env: { ...process.env, ...env, ...publicUrl, PORT: String(port), LOG_LEVEL: "info" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let log = "";
      server.stdout?.on("data", (d) => (log += d));
      const deadline = Date.now() + 30_000;
      while (!log.includes("Cairn is listening") && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(log).toContain("Cairn is listening");
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

      const issued = await fetch(`http://127.0.0.1:${port}/credentials/issue`, {
        method: "POST",
        headers: { authorization: `Bearer ${org.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ credential: demoBadge() }),
      });
      expect(issued.status).toBe(201);
      const file = join(env.CAIRN_DATA_DIR ?? "", "badge.json");
      writeFileSync(file, await issued.text());
      const verified = await cairn(["verify", file], publicUrl);
      expect(verified.stdout).toContain("proof");
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);

      const locked = await cairn(["migrate"]);
      expect(locked.code).toBe(2);
      expect(locked.stderr).toContain("in use by a running Cairn");
      const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
      server.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(log).toContain("stopped");
      expect((await cairn(["migrate"])).code).toBe(0);
    },
    90_000,
  );
});

function demoBadge() {
  return {
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: "Harbour Safety",
    credentialSubject: {
      type: ["AchievementSubject"],
      id: "did:example:learner-7",
      achievement: {
        id: "https://example.org/achievements/harbour-safety",
        type: ["Achievement"],
        name: "Harbour Safety",
        description: "Works safely on quays and vessels.",
        criteria: { narrative: "Passed the practical assessment." },
      },
    },
  };
}
