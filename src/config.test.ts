import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration", () => {
  it("has working defaults for the embedded database", () => {
    expect(loadConfig({})).toMatchObject({
      publicUrl: "http://localhost:3000",
      port: 3000,
      databaseUrl: undefined,
      dataDir: "./data",
    });
  });

  it.each([
    [{ PORT: "abc" }, /^PORT: expected a whole number from 1 to 65535 \(got "abc"\)$/],
    [{ PORT: "70000" }, /^PORT: expected a whole number/],
    [{ DATABASE_URL: "nope" }, /^DATABASE_URL: expected a postgres:\/\/ or postgresql:\/\/ connection URL$/],
    [{ CAIRN_PUBLIC_URL: "ftp://x" }, /^CAIRN_PUBLIC_URL: expected an http:\/\/ or https:\/\/ URL/],
    [{ SMTP_URL: "mail.example.org" }, /^SMTP_URL: expected an smtp:\/\/ or smtps:\/\/ URL/],
    [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL: /],
    [{ CAIRN_MASTER_KEY: "short" }, /^CAIRN_MASTER_KEY: expected 32 bytes in base64/],
  ])("names the variable and what it expects for %o", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("never echoes a secret value back", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://user:hunter2@db" })).toThrow(/^(?!.*hunter2)/);
  });

  it("strips a trailing slash from the public URL", () => {
    expect(loadConfig({ CAIRN_PUBLIC_URL: "https://badges.example.edu/" }).publicUrl).toBe(
      "https://badges.example.edu",
    );
  });
});
