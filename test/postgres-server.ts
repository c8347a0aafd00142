// Throwaway PostgreSQL servers for tests: one private cluster in a temp dir, tuned for speed, not durability.
import { execFile, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { appendFile, chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export type PostgresServer = { url: string; stop(): Promise<void> };
export type TestDatabase = { name: string; url: string; drop(): Promise<void> };

const MIN_VERSION = 15;
const PG_ROOT = "/usr/lib/postgresql";

/** The newest /usr/lib/postgresql/<v>/bin with v >= 15. */
export function findPostgresBin(): string {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .map(Number)
        .filter((v) => Number.isInteger(v) && v >= MIN_VERSION)
        .filter((v) => existsSync(join(PG_ROOT, String(v), "bin", "initdb")))
        .sort((a, b) => b - a)
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new Error("PostgreSQL 15+ server binaries not found: apt-get install postgresql");
  }
  return join(PG_ROOT, String(newest), "bin");
}

type RunAs = { user: string; uid: number; gid: number; prefix: string[] };

/** initdb and postgres refuse to run as root: pick an unprivileged user and a way to switch to it. */
function unprivilegedUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync("/etc/passwd", "utf8").split("\n");
  for (const user of ["postgres", "nobody"]) {
    const fields = passwd.find((line) => line.startsWith(`${user}:`))?.split(":");
    if (!fields) continue;
    const uid = Number(fields[2]);
    const gid = Number(fields[3]);
    const runuser = ["/usr/sbin/runuser", "/sbin/runuser"].find((p) => existsSync(p));
    if (runuser) return { user, uid, gid, prefix: [runuser, "-u", user, "--"] };
    const setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].find((p) => existsSync(p));
    if (setpriv) {
      return { user, uid, gid, prefix: [setpriv, `--reuid=${uid}`, `--regid=${gid}`, "--init-groups", "--"] };
    }
    throw new Error("running as root, but neither runuser nor setpriv is available to drop privileges");
  }
  throw new Error("running as root, but there is no 'postgres' or 'nobody' user to run PostgreSQL as");
}

function command(runAs: RunAs | undefined, argv: string[]): [string, string[]] {
  const full = [...(runAs?.prefix ?? []), ...argv];
  return [full[0] as string, full.slice(1)];
}

async function exec(runAs: RunAs | undefined, argv: string[], cwd: string): Promise<void> {
  const [file, args] = command(runAs, argv);
  try {
    await run(file, args, { cwd, env: { ...process.env, LC_ALL: "C" } });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${argv.join(" ")} failed:\n${stderr || stdout || String(error)}`, { cause: error });
  }
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitForConnections(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("select 1");
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL did not accept connections at ${url}`, { cause: error });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

/** Starts a private PostgreSQL server on a free 127.0.0.1 port; `stop()` shuts it down and deletes its files. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  const runAs = unprivilegedUser();
  const user = runAs?.user ?? userInfo().username;
  const dir = await mkdtemp(join(tmpdir(), "cairn-pg-"));
  const data = join(dir, "data");
  const log = join(dir, "postgres.log");
  const pgCtl = join(bin, "pg_ctl");
  // If the process exits without calling stop() (crash, process.exit), don't leave a server behind.
  const cleanupOnExit = () => {
    const [file, args] = command(runAs, [pgCtl, "stop", "-D", data, "-m", "immediate", "-s"]);
    spawnSync(file, args, { cwd: dir, stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", cleanupOnExit);
  try {
    if (runAs) await chown(dir, runAs.uid, runAs.gid);
    await exec(
      runAs,
      [
        join(bin, "initdb"),
        ...["-D", data, "-U", user, "--auth=trust", "--encoding=UTF8", "--locale=C"],
        ...["--no-sync", "--no-instructions"],
      ],
      dir,
    );
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const settings = {
        port,
        listen_addresses: "'127.0.0.1'",
        unix_socket_directories: `'${dir}'`,
        fsync: "off",
        synchronous_commit: "off",
        full_page_writes: "off",
        max_connections: 200,
      };
      const conf = Object.entries(settings).map(([key, value]) => `${key} = ${value}\n`);
      // Later lines win, so on a retry the new port overrides the old one.
      await appendFile(join(data, "postgresql.conf"), conf.join(""));
      try {
        await exec(runAs, [pgCtl, "start", "-D", data, "-l", log, "-w", "-t", "60", "-s"], dir);
      } catch (error) {
        lastError = error; // most likely someone took the port in between: try another one
        continue;
      }
      const url = `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/postgres`;
      await waitForConnections(url, 30_000);
      let stopped: Promise<void> | undefined;
      const stop = () => {
        stopped ??= (async () => {
          try {
            await exec(runAs, [pgCtl, "stop", "-D", data, "-m", "fast", "-s"], dir);
          } finally {
            process.off("exit", cleanupOnExit);
            await rm(dir, { recursive: true, force: true });
          }
        })();
        return stopped;
      };
      return { url, stop };
    }
    const logText = existsSync(log) ? readFileSync(log, "utf8") : "";
    throw new Error(`PostgreSQL failed to start:\n${logText}`, { cause: lastError });
  } catch (error) {
    process.off("exit", cleanupOnExit);
    cleanupOnExit();
    throw error;
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates database `name` on the server at `adminUrl` (optionally as a copy of `template`, which must
 * have no open connections) and returns its URL and a `drop()` that force-closes connections and drops it.
 */
export async function createDatabase(
  adminUrl: string,
  name: string,
  options: { template?: string } = {},
): Promise<TestDatabase> {
  const template = options.template ? ` TEMPLATE ${quoteIdent(options.template)}` : "";
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}${template}`));
  let dropped: Promise<void> | undefined;
  const drop = () => {
    dropped ??= admin(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    });
    return dropped;
  };
  return { name, url: databaseUrl(adminUrl, name), drop };
}

let counter = 0;

/** A fresh, uniquely named database: `const db = await withDatabase(inject("postgresUrl"))`, then `db.drop()`. */
export function withDatabase(adminUrl: string, options: { template?: string } = {}): Promise<TestDatabase> {
  counter += 1;
  const name = `cairn_test_${process.pid}_${counter}_${randomBytes(4).toString("hex")}`;
  return createDatabase(adminUrl, name, options);
}
