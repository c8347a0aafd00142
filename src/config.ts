import { z } from "zod";

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: "expected a postgres:// or postgresql:// connection URL",
  });

const schema = z.object({
  CAIRN_PUBLIC_URL: z
    .string()
    .default("http://localhost:3000")
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      message: "expected an http:// or https:// URL such as https://badges.example.edu",
    })
    .transform((value) => value.replace(/\/+$/, "")),
  PORT: z.coerce
    .number({ message: "expected a whole number from 1 to 65535" })
    .int("expected a whole number from 1 to 65535")
    .min(1, "expected a whole number from 1 to 65535")
    .max(65535, "expected a whole number from 1 to 65535")
    .default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: postgresUrl.optional(),
  CAIRN_DATA_DIR: z.string().min(1).default("./data"),
  CAIRN_MASTER_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64").length === 32, {
      message: "expected 32 bytes in base64 (generate one with: openssl rand -base64 32)",
    })
    .optional(),
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\//.test(value) && URL.canParse(value), {
      message: "expected an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587",
    })
    .optional(),
  MAIL_FROM: z.string().min(3).default("Cairn <no-reply@localhost>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CAIRN_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
});

export type Config = {
  publicUrl: string;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  masterKey: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  bodyLimit: number;
};

const SECRET_VARIABLES = new Set(["DATABASE_URL", "CAIRN_MASTER_KEY", "SMTP_URL"]);

export class ConfigError extends Error {}

/** Parses the environment once. A bad value becomes one line naming the variable and what is expected. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    const shown = SECRET_VARIABLES.has(name) ? "" : ` (got ${JSON.stringify(env[name])})`;
    throw new ConfigError(`${name}: ${issue?.message ?? "invalid value"}${shown}`);
  }
  const v = parsed.data;
  return {
    publicUrl: v.CAIRN_PUBLIC_URL,
    port: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL,
    dataDir: v.CAIRN_DATA_DIR,
    masterKey: v.CAIRN_MASTER_KEY,
    smtpUrl: v.SMTP_URL,
    mailFrom: v.MAIL_FROM,
    logLevel: v.LOG_LEVEL,
    bodyLimit: v.CAIRN_BODY_LIMIT,
  };
}
