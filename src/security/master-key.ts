import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Config, ConfigError } from "../config.ts";

/**
 * The 32-byte key that seals issuers' private keys. From CAIRN_MASTER_KEY; for the embedded database it is
 * generated once into the data folder (mode 0600). With PostgreSQL it must be configured: a key that lived
 * on one machine's disk would leave every other instance unable to sign.
 */
export function resolveMasterKey(config: Pick<Config, "masterKey" | "databaseUrl" | "dataDir">): Uint8Array {
  if (config.masterKey) return Buffer.from(config.masterKey, "base64");
  if (config.databaseUrl) {
    throw new ConfigError(
      "CAIRN_MASTER_KEY is required with DATABASE_URL: set it to 32 random bytes in base64 (openssl rand -base64 32), the same on every instance.",
    );
  }
  const file = join(config.dataDir, "master.key");
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== 32) throw new ConfigError(`${file} does not hold 32 bytes in base64.`);
  return key;
}
