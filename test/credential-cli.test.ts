import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliValues, createCredentialCommands } from "../src/cli/credential-commands.ts";
import { didKeyFromPublicKey } from "../src/credentials/did/did-key.ts";
import { createDocumentLoader } from "../src/credentials/document-loader.ts";
import type { HttpFetch } from "../src/credentials/http-fetch.ts";
import { generateEd25519KeyPair } from "../src/credentials/keys.ts";
import { signDataIntegrityReference } from "../src/credentials/proofs/data-integrity-reference.ts";
import { sampleCredential } from "../src/credentials/test-fixtures.ts";
import type { JsonRecord } from "../src/credentials/verify/types.ts";

// A valid 1×1 PNG (signature, IHDR, IDAT, IEND).
const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>';

let dir: string;
let signed: JsonRecord;
let credentialFile: string;
let out: string[];
let err: string[];
let stdin = new Uint8Array();

const noNetwork: HttpFetch = async (url) => {
  throw new Error(`no network in tests (${url})`);
};
const commands = createCredentialCommands({
  stdout: (text) => out.push(text),
  stderr: (text) => err.push(text),
  readStdin: async () => stdin,
  fetch: noNetwork,
});

async function run(name: "verify" | "bake" | "unbake", values: CliValues) {
  out = [];
  err = [];
  const code = await commands[name]?.run(values);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cairn-cli-"));
  const pair = await generateEd25519KeyPair();
  const did = didKeyFromPublicKey(pair.publicKeyMultibase);
  signed = await signDataIntegrityReference(await sampleCredential(did), {
    key: { ...pair, id: `${did}#${pair.publicKeyMultibase}`, controller: did },
    documentLoader: createDocumentLoader(),
    created: new Date(),
  });
  credentialFile = await file("credential.json", JSON.stringify(signed, null, 2));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("cairn verify", () => {
  it("verifies a did:key credential from a file: exit 0, one line per check and a verdict", async () => {
    const { code, stdout } = await run("verify", { _: [credentialFile] });
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/^✓ format: /m);
    expect(stdout).toMatch(/^✓ proof: /m);
    expect(stdout).toMatch(/^– status: /m);
    expect(stdout).toMatch(/^VERIFIED — issuer Acme Academy \(did:key:z6Mk.*\) — achievement Data Literacy/m);
  });

  it("prints the report as JSON with --json", async () => {
    const { code, stdout } = await run("verify", { _: [credentialFile], json: true });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.verified).toBe(true);
    expect(report.checks.map((check: { id: string }) => check.id)).toEqual([
      "format",
      "proof",
      "issuer",
      "validity",
      "status",
    ]);
  });

  it("reads stdin for -", async () => {
    stdin = new TextEncoder().encode(JSON.stringify(signed));
    expect((await run("verify", { _: ["-"] })).code).toBe(0);
  });

  it("exits 1 for a tampered credential", async () => {
    const tampered = structuredClone(signed);
    (tampered.credentialSubject as JsonRecord).id = "did:example:mallory";
    const { code, stdout } = await run("verify", {
      _: [await file("tampered.json", JSON.stringify(tampered))],
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^✗ proof: /m);
    expect(stdout).toMatch(/^NOT VERIFIED/m);
  });

  it("exits 1 for valid JSON that is not a credential, 2 for garbage, a missing file or argument", async () => {
    expect((await run("verify", { _: [await file("other.json", '{"hello":"world"}')] })).code).toBe(1);
    const garbage = await run("verify", {
      _: [await file("garbage.bin", "\u0000\u0001 not a credential {")],
    });
    expect(garbage.code).toBe(2);
    expect(garbage.stdout).toMatch(/^✗ format: /m);
    const missing = await run("verify", { _: [join(dir, "missing.json")] });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^cairn verify: .*missing\.json/);
    expect((await run("verify", {})).code).toBe(2);
    expect((await run("verify", { _: [] })).stderr).toMatch(/missing argument/);
  });

  it("exits 2 when a URL cannot be fetched", async () => {
    const { code, stderr } = await run("verify", { _: ["https://badges.example/credential.json"] });
    expect(code).toBe(2);
    expect(stderr).toMatch(/Could not fetch/);
  });
});

describe("cairn bake and unbake", () => {
  it.each([
    ["png", TINY_PNG],
    ["svg", SVG],
  ])("round-trips a credential through a %s, which still verifies", async (kind, image) => {
    const imagePath = await file(`badge.${kind}`, image);
    const bakedPath = join(dir, `baked.${kind}`);
    const baked = await run("bake", { image: imagePath, credential: credentialFile, out: bakedPath });
    expect(baked.code, baked.stderr).toBe(0);
    const unbaked = await run("unbake", { _: [bakedPath] });
    expect(unbaked.code).toBe(0);
    expect(JSON.parse(unbaked.stdout)).toEqual(signed);
    const written = join(dir, `unbaked-${kind}.json`);
    expect((await run("unbake", { _: [bakedPath], out: written })).code).toBe(0);
    expect(JSON.parse(await readFile(written, "utf8"))).toEqual(signed);
    expect((await run("verify", { _: [bakedPath] })).code).toBe(0);
  });

  it("bakes a VC-JWT text as is", async () => {
    const jwt = "eyJhbGciOiJFZERTQSJ9.eyJ2YyI6eyJpZCI6InVybjp4In19.c2ln";
    const bakedPath = join(dir, "jwt.png");
    const jwtFile = await file("credential.jwt", `${jwt}\n`);
    const baked = await run("bake", {
      image: await file("b.png", TINY_PNG),
      credential: jwtFile,
      out: bakedPath,
    });
    expect(baked.code, baked.stderr).toBe(0);
    expect((await run("unbake", { _: [bakedPath] })).stdout).toBe(`${jwt}\n`);
  });

  it("refuses an image that is neither PNG nor SVG, a non-credential, or missing options (exit 2)", async () => {
    const notImage = await file("notes.txt", "hello");
    const outPath = join(dir, "never.png");
    expect((await run("bake", { image: notImage, credential: credentialFile, out: outPath })).code).toBe(2);
    const png = await file("c.png", TINY_PNG);
    expect((await run("bake", { image: png, credential: notImage, out: outPath })).code).toBe(2);
    expect((await run("bake", { image: png, credential: credentialFile })).stderr).toMatch(
      /--out is required/,
    );
    expect((await run("unbake", { _: [notImage] })).code).toBe(2);
    expect((await run("unbake", {})).code).toBe(2);
  });

  it("exits 1 when the image carries no credential", async () => {
    const { code, stderr } = await run("unbake", { _: [await file("plain.svg", SVG)] });
    expect(code).toBe(1);
    expect(stderr).toMatch(/carries no credential/);
  });
});
