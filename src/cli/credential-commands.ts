import { readFile, stat, writeFile } from "node:fs/promises";
import { bakePng, isPng } from "../credentials/baking/png.ts";
import { bakeSvg, isSvg } from "../credentials/baking/svg.ts";
import { unbake } from "../credentials/baking/unbake.ts";
import type { HttpFetch } from "../credentials/http-fetch.ts";
import { createVerifier, fetchBytesLimited } from "../credentials/verifier.ts";
import { parseInput } from "../credentials/verify/parse-input.ts";
import {
  type Check,
  DEFAULT_MAX_INPUT_BYTES,
  errorMessage,
  type VerificationResult,
} from "../credentials/verify/types.ts";

// `cairn verify`, `cairn bake`, `cairn unbake`: no database; verification resolves DIDs, keys and status
// lists over HTTP like any outside verifier, with real time.
//
// Positional arguments: cli.ts parses these commands with `allowPositionals: true` and passes the
// positionals as `values._` (string[]), e.g. `cairn verify badge.png` → run({ _: ["badge.png"] }).
//
// Exit codes: 0 success (verify: verified), 1 a definite "no" (verify: parsed but not verified; unbake:
// no credential in the image), 2 unusable input or usage (missing argument, unreadable file or URL,
// and for verify an input the parser rejects: not JSON / VC-JWT / baked image, malformed JSON, too
// large or too deep — the report's format check then fails before any credential was read).

export type CliValues = Record<string, string | boolean | string[] | undefined>;

export type CredentialCommand = {
  summary: string;
  usage: string;
  options: Record<string, { type: "string" | "boolean"; description: string }>;
  run(values: CliValues): Promise<number | undefined>;
};

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Uint8Array>;
  fetch: HttpFetch;
  now: () => Date;
};

/** Limits for the input itself (a baked PNG may be larger than a DID document). */
const INPUT_LIMITS = { timeoutMs: 5_000, maxBytes: DEFAULT_MAX_INPUT_BYTES };
const MARK: Record<Check["status"], string> = { passed: "✓", failed: "✗", skipped: "–" };

class InputError extends Error {}

export function createCredentialCommands(overrides: Partial<CliIo> = {}): Record<string, CredentialCommand> {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readStream(process.stdin),
    fetch: (url, init) => globalThis.fetch(url, init),
    now: () => new Date(),
    ...overrides,
  };

  async function guarded(name: string, work: () => Promise<number>): Promise<number> {
    try {
      return await work();
    } catch (error) {
      io.stderr(`cairn ${name}: ${errorMessage(error)}\n`);
      return 2;
    }
  }

  async function readSource(source: string): Promise<Uint8Array> {
    if (source === "-") return io.readStdin();
    if (/^https?:\/\//i.test(source)) return fetchBytesLimited(io.fetch, source, INPUT_LIMITS);
    return readLimitedFile(source);
  }

  const verify: CredentialCommand = {
    summary: "Verify a credential (JSON-LD, VC-JWT or baked PNG/SVG) from a file, a URL or stdin",
    usage: "cairn verify <file|url|-> [--json]",
    options: { json: { type: "boolean", description: "Print the verification report as JSON" } },
    run: (values) =>
      guarded("verify", async () => {
        const bytes = await readSource(positional(values, 0, "a file, URL or - for stdin"));
        const result = await createVerifier({ now: io.now, fetch: io.fetch }).verify(bytes);
        io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : report(result));
        if (result.verified) return 0;
        return parseInput(bytes).kind === "error" ? 2 : 1;
      }),
  };

  const bake: CredentialCommand = {
    summary: "Bake a credential (JSON-LD or VC-JWT) into a PNG or SVG image",
    usage: "cairn bake --image <png|svg> --credential <file> --out <file>",
    options: {
      image: { type: "string", description: "The PNG or SVG badge image" },
      credential: { type: "string", description: "The signed credential: JSON-LD or VC-JWT" },
      out: { type: "string", description: "Where to write the baked image" },
    },
    run: (values) =>
      guarded("bake", async () => {
        const imagePath = option(values, "image");
        const credentialPath = option(values, "credential");
        const out = option(values, "out");
        const image = await readLimitedFile(imagePath);
        const credential = new TextDecoder().decode(await readLimitedFile(credentialPath)).trim();
        const parsed = parseInput(credential);
        if (parsed.kind !== "ldp" && parsed.kind !== "jwt")
          throw new InputError(`${credentialPath} is not a JSON-LD or VC-JWT credential.`);
        const text = new TextDecoder().decode(image);
        let baked: Uint8Array;
        if (isPng(image)) baked = bakePng(image, credential);
        else if (isSvg(text)) baked = new TextEncoder().encode(bakeSvg(text, credential));
        else throw new InputError(`${imagePath} is neither a PNG nor an SVG image.`);
        await writeFile(out, baked);
        io.stderr(`Baked ${credentialPath} into ${out}.\n`);
        return 0;
      }),
  };

  const unbakeCommand: CredentialCommand = {
    summary: "Print (or write) the credential baked into a PNG or SVG image",
    usage: "cairn unbake <image> [--out <file>]",
    options: { out: { type: "string", description: "Write the credential to this file" } },
    run: (values) =>
      guarded("unbake", async () => {
        const imagePath = positional(values, 0, "an image file");
        const image = await readLimitedFile(imagePath);
        if (!isPng(image) && !isSvg(new TextDecoder().decode(image.subarray(0, 4096))))
          throw new InputError(`${imagePath} is neither a PNG nor an SVG image.`);
        const result = unbake(image);
        if (!result.found) {
          io.stderr(`cairn unbake: ${imagePath} carries no credential.\n`);
          return 1;
        }
        if (typeof values.out === "string" && values.out) await writeFile(values.out, result.value);
        else io.stdout(`${result.value}\n`);
        return 0;
      }),
  };

  return { verify, bake, unbake: unbakeCommand };
}

/** The commands wired to the process (stdio, real fetch, real time); each reads them only when run. */
export const CREDENTIAL_COMMANDS: Record<string, CredentialCommand> = createCredentialCommands();

/** One line per check, then the verdict with issuer, achievement and subject. */
export function report(result: VerificationResult, indent = ""): string {
  const lines = result.checks.map((check) => `${indent}${MARK[check.status]} ${check.id}: ${check.message}`);
  const summary = result.credential;
  const parts = summary
    ? [
        `issuer ${[summary.issuer.name, summary.issuer.id && `(${summary.issuer.id})`].filter(Boolean).join(" ") || "(unknown)"}`,
        `achievement ${summary.achievement?.name ?? summary.name ?? "(unnamed)"}`,
        `subject ${summary.subject ?? "(none)"}`,
      ]
    : [];
  const verdict = result.verified ? "VERIFIED" : "NOT VERIFIED";
  lines.push(`${indent}${[verdict, ...parts].join(" — ")}`);
  const nested = (result.credentials ?? []).map(
    (item, index) => `${indent}Credential ${index + 1}:\n${report(item, `${indent}  `)}`,
  );
  return `${[...lines, ...nested].join("\n")}\n`;
}

function positional(values: CliValues, index: number, what: string): string {
  const list = values._;
  const value = Array.isArray(list) ? list[index] : undefined;
  if (!value) throw new InputError(`missing argument: ${what}`);
  return value;
}

function option(values: CliValues, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || !value) throw new InputError(`--${name} is required`);
  return value;
}

async function readLimitedFile(path: string): Promise<Uint8Array> {
  const info = await stat(path);
  if (!info.isFile()) throw new InputError(`${path} is not a file.`);
  if (info.size > DEFAULT_MAX_INPUT_BYTES)
    throw new InputError(`${path} is larger than ${DEFAULT_MAX_INPUT_BYTES} bytes.`);
  return new Uint8Array(await readFile(path));
}

async function readStream(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.from(chunk);
    total += bytes.byteLength;
    if (total > DEFAULT_MAX_INPUT_BYTES)
      throw new InputError(`stdin is larger than ${DEFAULT_MAX_INPUT_BYTES} bytes.`);
    chunks.push(bytes);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
