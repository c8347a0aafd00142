// The composition every benchmark runs on: real jobs, outbox mail, fast argon2, a temp file store.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import type { Database } from "../src/db/client.ts";
import { diskFileStore } from "../src/files/disk-file-store.ts";
import { startJobs } from "../src/jobs/boss.ts";
import { outboxMailer } from "../src/mail/mailer.ts";
import { argon2Passwords } from "../src/security/passwords.ts";
import { wire } from "../src/wiring.ts";

/** Wires Cairn on a migrated database as `cairn serve` would, without the HTTP server. */
export async function wiredForBench(database: Database) {
  const logger = pino({ level: "silent" });
  const jobs = await startJobs(database, logger);
  const wired = wire({
    database,
    jobs,
    logger,
    mailer: outboxMailer(),
    passwords: argon2Passwords({ fast: true }),
    masterKey: randomBytes(32),
    publicUrl: "http://localhost:3000",
    bodyLimit: 1_048_576,
    fileStore: diskFileStore(mkdtempSync(join(tmpdir(), "cairn-files-"))),
  });
  return { ...wired, jobs };
}
