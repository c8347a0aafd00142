import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createAdmin } from "./app/accounts/create-admin.ts";
import { seedDemoCatalog } from "./app/demo/demo-catalog.ts";
import { issueDemoCredentials } from "./app/demo/demo-credentials.ts";
import { demoEarningLines, seedDemoEarning } from "./app/demo/demo-earning.ts";
import { completeDemoPathways, seedDemoPathway } from "./app/demo/demo-pathway.ts";
import { demoImpostorCredential, seedDemoAccreditation } from "./app/demo/demo-trust.ts";
import { fillDemoWallets } from "./app/demo/demo-wallets.ts";
import { DEMO_PASSWORD, seedDemo } from "./app/demo/seed-demo.ts";
import { createOrganizationInput, email, password } from "./app/inputs.ts";
import { rotateSigningKey } from "./app/issuing/issuer-keys.ts";
import { createOrganization } from "./app/organizations/create-organization.ts";
import { ensureStarterSkills } from "./app/skills/ensure-starter-skills.ts";
import { CREDENTIAL_COMMANDS } from "./cli/credential-commands.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { isDomainError } from "./domain/errors.ts";
import { record } from "./domain/wallet/credential-display.ts";
import { createLogger, openRuntime, type Runtime, serve } from "./main.ts";

type Command = {
  summary: string;
  usage: string;
  options: Record<string, { type: "string" | "boolean"; description: string }>;
  /** Commands that take positional arguments receive them as `_`. */
  run(values: Record<string, string | boolean | string[] | undefined>): Promise<number | undefined>;
};

/** A usage problem: one line on stderr and exit code 2. */
class UsageError extends Error {}

const env = () => loadConfig(process.env);
const quiet = () => createLogger({ logLevel: process.env.LOG_LEVEL === undefined ? "warn" : env().logLevel });

async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(env(), { workers: false, logger: quiet() });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

const required = (values: Record<string, unknown>, name: string): string => {
  const value = values[name];
  if (typeof value !== "string" || !value) throw new UsageError(`--${name} is required`);
  return value;
};
const check = <T>(
  parsed:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T => {
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new UsageError(`--${String(issue?.path[0] ?? "input")}: ${issue?.message}`);
};

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: "Run the web server and the job workers",
    usage: "cairn serve [--no-workers]",
    options: {
      "no-workers": {
        type: "boolean",
        description: "Serve HTTP only; run `cairn worker` processes for jobs",
      },
    },
    async run(values) {
      await serve(env(), { workers: !values["no-workers"] });
      return undefined;
    },
  },
  worker: {
    summary: "Run job workers only (mail, status lists …), for scaling out",
    usage: "cairn worker",
    options: {},
    async run() {
      const runtime = await openRuntime(env(), { workers: true });
      runtime.logger.info("workers running");
      const stop = async () => {
        await runtime.close();
        process.exit(0);
      };
      process.once("SIGTERM", () => void stop());
      process.once("SIGINT", () => void stop());
      return undefined;
    },
  },
  migrate: {
    summary: "Apply pending database migrations (also done at start-up)",
    usage: "cairn migrate",
    options: {},
    run: () =>
      withRuntime(async () => {
        console.log("Database is up to date.");
        return 0;
      }),
  },
  "admin create": {
    summary: "Create a platform admin, or make an existing account one",
    usage: "cairn admin create --email <address> --password <password> [--name <name>]",
    options: {
      email: { type: "string", description: "The admin's email address" },
      password: { type: "string", description: "At least 10 characters" },
      name: { type: "string", description: "Display name (default: the address's local part)" },
    },
    async run(values) {
      const input = {
        email: check(email.safeParse(required(values, "email"))),
        password: check(password.safeParse(required(values, "password"))),
        name: typeof values.name === "string" ? values.name : undefined,
      };
      return withRuntime(async ({ deps }) => {
        const { user, created } = await createAdmin(deps, input);
        console.log(`${created ? "Created" : "Updated"} platform admin ${user.email}.`);
        return 0;
      });
    },
  },
  "org create": {
    summary: "Create an organization and print its id, slug and a new full-scope API key",
    usage: "cairn org create --name <name> --slug <slug> [--website <url>] [--country <CC>] [--json]",
    options: {
      name: { type: "string", description: "The organization's name" },
      slug: { type: "string", description: "Its web address part: 3–40 lowercase letters, digits, hyphens" },
      website: { type: "string", description: "Website (https://…)" },
      country: { type: "string", description: "Two-letter country code" },
      json: { type: "boolean", description: "Print one JSON object" },
    },
    async run(values) {
      const input = check(
        createOrganizationInput.safeParse({
          name: required(values, "name"),
          slug: required(values, "slug"),
          website: values.website,
          country: values.country,
        }),
      );
      return withRuntime(async ({ deps }) => {
        const { organization, apiKey } = await createOrganization(deps, null, input);
        const result = { id: organization.id, slug: organization.slug, name: organization.name, apiKey };
        if (values.json) console.log(JSON.stringify(result));
        else
          console.log(
            `Created ${result.name}\n  id:      ${result.id}\n  slug:    ${result.slug}\n  API key: ${apiKey}  (shown once)`,
          );
        return 0;
      });
    },
  },
  "keys rotate": {
    summary: "Add a new signing key for an organization; earlier keys stay in its DID document",
    usage: "cairn keys rotate --org <slug>",
    options: { org: { type: "string", description: "The organization's slug" } },
    async run(values) {
      const slug = required(values, "org");
      return withRuntime(async ({ deps }) => {
        const { keyId, retired } = await rotateSigningKey(deps, slug);
        console.log(
          `New signing key ${keyId} for ${slug}.${retired.length ? ` Retired (still published): ${retired.join(", ")}.` : ""}`,
        );
        return 0;
      });
    },
  },
  ...CREDENTIAL_COMMANDS,
  demo: {
    summary: "Seed a demo organization with staff, learners and issued credentials, and print their sign-ins",
    usage: "cairn demo",
    options: {},
    run: () =>
      withRuntime(async ({ deps, config }) => {
        await ensureStarterSkills(deps);
        const { organization, accounts } = await seedDemo(deps);
        const learners = accounts.filter((a) => a.role.startsWith("learner"));
        const earning = await seedDemoEarning(deps, organization.slug, {
          owner: "owner@northfield.test",
          assessor: "assessor@northfield.test",
        });
        await seedDemoAccreditation(deps, organization.slug, "quinn@quality.test");
        const catalog = await seedDemoCatalog(
          deps,
          await deps.passwords.hash(DEMO_PASSWORD),
          "quinn@quality.test",
        );
        const credentials = await issueDemoCredentials(deps, organization.slug, learners);
        const emails = learners.map((l) => l.email);
        const owner = accounts.find((a) => a.role.startsWith("owner"))?.email ?? "";
        const pathway = await seedDemoPathway(deps, organization.slug, owner, emails);
        await fillDemoWallets(deps, emails);
        await completeDemoPathways(deps, emails);
        const shared = await fillDemoWallets(deps, emails);
        const folder = join(config.dataDir, "demo-credentials");
        mkdirSync(folder, { recursive: true });
        for (const c of credentials)
          writeFileSync(join(folder, c.file), `${JSON.stringify(c.credential, null, 2)}\n`);
        const genuine = record(credentials.find((c) => !c.revoked)?.credential);
        const impostor = join(folder, "impostor.json");
        if (genuine) {
          const fake = await demoImpostorCredential(deps, genuine, "Northfie1d University");
          writeFileSync(impostor, `${JSON.stringify(fake, null, 2)}\n`);
        }
        console.log(
          `Demo data is ready: ${organization.name} at ${config.publicUrl}/orgs/${organization.slug}\n`,
        );
        console.log(`Every account's password: ${DEMO_PASSWORD}\n`);
        for (const account of accounts)
          console.log(`  ${account.email.padEnd(28)} ${account.name.padEnd(16)} ${account.role}`);
        console.log(
          `\nSigned Open Badges 3.0 credentials, issued to the learners (revoked ones say so when verified):`,
        );
        for (const c of credentials)
          console.log(
            `  ${join(folder, c.file)}  ${c.achievement} → ${c.learner}${c.revoked ? "  (revoked)" : ""}`,
          );
        console.log(
          `\nStart Cairn with \`npm start\`, sign in at ${config.publicUrl}/signin, and verify a credential with`,
        );
        console.log(`  npx cairn verify ${join(folder, credentials[0]?.file ?? "")}`);
        console.log(`  DID document: ${config.publicUrl}/orgs/${organization.slug}/did.json`);
        console.log(
          `  Micro-credential definitions (sign in as the owner): ${config.publicUrl}/orgs/${organization.slug}/achievements`,
        );
        console.log(`\nLearners' wallets: sign in as a learner and open ${config.publicUrl}/wallet`);
        for (const s of shared) console.log(`  Public credential page of ${s.learner}: ${s.url}`);
        console.log(
          `\n${organization.name} is accredited by the Quality Agency for Micro-credentials: see ${config.publicUrl}/issuers/${organization.slug}`,
        );
        console.log(
          `  Paste ${impostor} into ${config.publicUrl}/verify: signed by someone else as "Northfie1d University", it is flagged.`,
        );
        console.log(
          `  Issuer analytics (sign in as the owner): ${config.publicUrl}/orgs/${organization.slug}/analytics`,
        );
        console.log(
          `\nThe public catalog: ${config.publicUrl}/catalog (search, filter, compare), with providers ${catalog.providers
            .map((p) => p.name)
            .join(", ")}; their owner is ${catalog.owner.email}.`,
        );
        console.log(`\nEmployers: sign in as emma@employer.test and open`);
        console.log(`  ${config.publicUrl}/orgs/northwind/talent (learners who opted in, by verified skill)`);
        console.log(`  ${config.publicUrl}/orgs/northwind/workforce (the team's skills-gap matrix)`);
        if (pathway) {
          console.log(
            `\nA pathway that stacks four micro-credentials into the ${pathway.name}: ${pathway.url}`,
          );
          console.log(
            `  ${emails[0]} completed it (the certificate is in the wallet); ${emails[1]} is part-way.`,
          );
        }
        if (earning) console.log(demoEarningLines(earning, config.publicUrl, organization.slug).join("\n"));
        return 0;
      }),
  },
};

function helpText(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`);
  return [
    "Cairn: verifiable micro-credentials.",
    "",
    "Usage: cairn <command> [options]",
    "",
    "Commands:",
    ...rows,
    "",
    "Run `cairn <command> --help` for a command's options.",
  ].join("\n");
}

function commandHelp(command: Command): string {
  const rows = Object.entries(command.options).map(([name, o]) => `  --${name.padEnd(12)} ${o.description}`);
  return [
    command.summary,
    "",
    `Usage: ${command.usage}`,
    ...(rows.length ? ["", "Options:", ...rows] : []),
    "  --help         Show this help",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number | undefined> {
  const [first, second] = argv;
  if (!first || first === "--help" || first === "-h" || first === "help") {
    console.log(helpText());
    return first ? 0 : 2;
  }
  const name = second && COMMANDS[`${first} ${second}`] ? `${first} ${second}` : first;
  const command = COMMANDS[name];
  if (!command) {
    console.error(`cairn: unknown command "${argv.slice(0, 2).join(" ")}". Run \`cairn --help\`.`);
    return 2;
  }
  try {
    const rest = argv.slice(name.split(" ").length);
    const positional = name in CREDENTIAL_COMMANDS;
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: positional,
    });
    if (values.help) {
      console.log(commandHelp(command));
      return 0;
    }
    return await command.run(positional ? { ...values, _: positionals } : values);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      console.error(`cairn ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`cairn ${name}: ${error.message}`);
      return 2;
    }
    if (isDomainError(error)) {
      console.error(`cairn ${name}: ${error.message}`);
      return error.code === "database_locked" || error.code.endsWith("_taken") ? 2 : 1;
    }
    console.error(`cairn ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
