// Credential engine benchmark: issue/s and verify/s for eddsa-rdfc-2022 and VC-JWT, Cairn's engine
// beside a plain reference-library setup, in the same run. `npm run bench:credentials` (tsx).
// BENCH_SECONDS: timed seconds per case and round (default 3); BENCH_ROUNDS: rounds (default 3).
// Each case is warmed up, then timed in every round (rounds interleave the cases); the median is reported.
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { bundledContexts } from "../src/credentials/contexts.ts";
import { createDocumentLoader } from "../src/credentials/document-loader.ts";
import { createJsonLdContextCache } from "../src/credentials/fast/context-cache.ts";
import {
  createDataIntegrityIssuer,
  createFastVerifySuiteFactory,
} from "../src/credentials/fast/fast-data-integrity.ts";
import { ed25519PrivateKeyObject } from "../src/credentials/keys.ts";
import { signVcJwt } from "../src/credentials/proofs/vc-jwt.ts";
import {
  createTestIssuer,
  sampleCredential,
  TEST_NOW,
  verifyDepsFor,
} from "../src/credentials/test-fixtures.ts";
import { createKeyResolver } from "../src/credentials/verify/key-resolver.ts";
import { checkDataIntegrityProofs, verificationLoader } from "../src/credentials/verify/proof-check.ts";
import { verifyCredential } from "../src/credentials/verify/verify-credential.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const issuer = await createTestIssuer();
const credential = await sampleCredential(issuer.did);
const didDocument = [...issuer.documents.values()][0] as {
  verificationMethod: Array<Record<string, unknown>>;
};

// The plain reference setup: a loader returning the bundled contexts as fresh (unfrozen) copies,
// untagged, as most apps write it, the DID document and key, and the reference Multikey signer/verifier.
const plainDocuments = new Map<string, unknown>(structuredClone([...bundledContexts()]));
plainDocuments.set(issuer.did, didDocument);
plainDocuments.set(issuer.key.id, {
  "@context": "https://w3id.org/security/multikey/v1",
  ...didDocument.verificationMethod[0],
});
const plainLoader = async (url: string) => {
  if (!plainDocuments.has(url)) throw new Error(`not found: ${url}`);
  return { contextUrl: null, documentUrl: url, document: plainDocuments.get(url) };
};
const referenceKey = await Ed25519Multikey.from({ ...issuer.key });

async function referenceIssue() {
  const suite = new DataIntegrityProof({ signer: referenceKey.signer(), cryptosuite, date: TEST_NOW });
  return vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: plainLoader,
    now: TEST_NOW,
  });
}
async function vcVerify(
  signed: Record<string, unknown>,
  suite: DataIntegrityProof,
  documentLoader: typeof plainLoader,
) {
  const result = await vc.verifyCredential({ credential: signed, suite, documentLoader, now: TEST_NOW });
  if (!result.verified) throw new Error(`vc.verifyCredential failed: ${result.error?.message}`);
}

// Cairn: one context cache per process, shared by the issuer and the verifier.
const contextCache = createJsonLdContextCache();
const cairnIssue = createDataIntegrityIssuer(issuer.key, createDocumentLoader(), { contextCache });
const createVerifySuite = createFastVerifySuiteFactory({ contextCache });
const deps = verifyDepsFor(issuer, { createVerifySuite });
const privateKey = ed25519PrivateKeyObject(issuer.key.secretKeyMultibase);

const referenceSigned = await referenceIssue();
const cairnSigned = await cairnIssue(credential, TEST_NOW);
if (JSON.stringify(referenceSigned) !== JSON.stringify(cairnSigned))
  throw new Error("proofs differ between engines");
console.log("signed credentials byte-identical between reference and Cairn engines: yes");
const jwt = await signVcJwt(credential, issuer.key, privateKey);

type Case = { name: string; run: () => Promise<unknown>; results: number[] };
const cases: Case[] = [];
const add = (name: string, run: () => Promise<unknown>) => {
  const item = { name, run, results: [] };
  cases.push(item);
  return item;
};

const refIssue = add("eddsa-rdfc-2022 issue, reference setup", referenceIssue);
const fastIssue = add("eddsa-rdfc-2022 issue, Cairn engine", () => cairnIssue(credential, TEST_NOW));
const refVerify = add("eddsa-rdfc-2022 verify, reference vc.verifyCredential", () =>
  vcVerify(referenceSigned, new DataIntegrityProof({ cryptosuite }), plainLoader),
);
const fastProof = add("eddsa-rdfc-2022 verify, Cairn proof check", async () => {
  // what the pipeline's proof check does per call: fresh key resolver and loader, then the proof(s)
  const loader = verificationLoader(deps, createKeyResolver(deps));
  const outcome = await checkDataIntegrityProofs(cairnSigned, loader, createVerifySuite);
  if (outcome.check.status !== "passed") throw new Error(outcome.check.message);
});
const cairnLoader = verificationLoader(deps, createKeyResolver(deps));
const fastVcVerify = add("eddsa-rdfc-2022 verify, vc.verifyCredential + Cairn suite/loader", () =>
  vcVerify(cairnSigned, createVerifySuite(), cairnLoader),
);
const fullPipeline = add("eddsa-rdfc-2022 verify, Cairn full pipeline*", async () => {
  if (!(await verifyCredential(cairnSigned, deps)).verified) throw new Error("Cairn verify failed");
});
const refJwt = add("VC-JWT issue, key imported per call", () => signVcJwt(credential, issuer.key));
const fastJwt = add("VC-JWT issue, cached KeyObject", () => signVcJwt(credential, issuer.key, privateKey));
add("VC-JWT verify, Cairn full pipeline*", async () => {
  if (!(await verifyCredential(jwt, deps)).verified) throw new Error("JWT verify failed");
});

async function timed(run: () => Promise<unknown>, ms: number): Promise<number> {
  let count = 0;
  const start = performance.now();
  const end = start + ms;
  let now = start;
  while (now < end) {
    await run();
    count++;
    now = performance.now();
  }
  return (count * 1000) / (now - start);
}

for (const item of cases) await timed(item.run, Math.min(1000, seconds * 500)); // warm-up: JIT and caches
for (let round = 0; round < rounds; round++) {
  for (const item of cases) item.results.push(await timed(item.run, seconds * 1000));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
console.log(`\n${rounds} rounds × ${seconds} s per case; median (min–max) operations per second:`);
for (const item of cases) {
  const low = Math.min(...item.results).toFixed(0);
  const high = Math.max(...item.results).toFixed(0);
  console.log(`${item.name.padEnd(62)} ${median(item.results).toFixed(0).padStart(6)} /s  (${low}–${high})`);
}
console.log("* does more than the reference: format, issuer (DID), validity and status checks too");

const ratio = (a: Case, b: Case) => `${(median(a.results) / median(b.results)).toFixed(2)}×`;
console.log("\nCairn / reference (medians):");
for (const [name, a, b] of [
  ["eddsa-rdfc-2022 issue", fastIssue, refIssue],
  ["eddsa-rdfc-2022 verify, proof check", fastProof, refVerify],
  ["eddsa-rdfc-2022 verify, same vc.verifyCredential call", fastVcVerify, refVerify],
  ["eddsa-rdfc-2022 verify, full pipeline* (not like for like)", fullPipeline, refVerify],
  ["VC-JWT issue", fastJwt, refJwt],
] as const) {
  console.log(`  ${name.padEnd(58)} ${ratio(a, b)}`);
}
