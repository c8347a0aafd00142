// Credential engine benchmark: issue/s and verify/s for eddsa-rdfc-2022 and VC-JWT, Cairn's engine
// beside a plain reference-library setup, in the same run. `npm run bench:credentials` (tsx).
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { bundledContexts } from "../src/credentials/contexts.ts";
import { createDocumentLoader } from "../src/credentials/document-loader.ts";
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
import { verifyCredential } from "../src/credentials/verify/verify-credential.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const issuer = await createTestIssuer();
const credential = await sampleCredential(issuer.did);
const didDocument = [...issuer.documents.values()][0] as {
  verificationMethod: Array<Record<string, unknown>>;
};

// The plain reference setup: a loader returning bundled contexts (untagged, as most apps write it),
// the DID document and key, and the reference Multikey signer/verifier.
const plainDocuments = new Map<string, unknown>(bundledContexts());
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
async function referenceVerify(signed: Record<string, unknown>) {
  const suite = new DataIntegrityProof({ cryptosuite });
  const result = await vc.verifyCredential({
    credential: signed,
    suite,
    documentLoader: plainLoader,
    now: TEST_NOW,
  });
  if (!result.verified) throw new Error("reference verify failed");
}

const cairnIssue = createDataIntegrityIssuer(issuer.key, createDocumentLoader());
const deps = verifyDepsFor(issuer, { createVerifySuite: createFastVerifySuiteFactory() });
const privateKey = ed25519PrivateKeyObject(issuer.key.secretKeyMultibase);

async function rate(name: string, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 50; i++) await run(); // warm-up: JIT and caches
  let count = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    await run();
    count++;
  }
  const perSecond = count / seconds;
  console.log(`${name.padEnd(44)} ${perSecond.toFixed(0).padStart(7)} /s`);
  return perSecond;
}

const referenceSigned = await referenceIssue();
const cairnSigned = await cairnIssue(credential, TEST_NOW);
if (JSON.stringify(referenceSigned) !== JSON.stringify(cairnSigned))
  throw new Error("proofs differ between engines");
console.log("proofs byte-identical between reference and Cairn engines: yes\n");

const jwt = await signVcJwt(credential, issuer.key, privateKey);
const ratios: Array<[string, number]> = [];
const refIssue = await rate("eddsa-rdfc-2022 issue, reference setup", referenceIssue);
const fastIssue = await rate("eddsa-rdfc-2022 issue, Cairn engine", () => cairnIssue(credential, TEST_NOW));
ratios.push(["eddsa-rdfc-2022 issue", fastIssue / refIssue]);
const refVerify = await rate("eddsa-rdfc-2022 verify, reference vc.verify", () =>
  referenceVerify(referenceSigned),
);
const fastVerify = await rate("eddsa-rdfc-2022 verify, Cairn full pipeline", async () => {
  if (!(await verifyCredential(cairnSigned, deps)).verified) throw new Error("Cairn verify failed");
});
ratios.push(["eddsa-rdfc-2022 verify", fastVerify / refVerify]);
const refJwt = await rate("VC-JWT issue, key imported per call", () => signVcJwt(credential, issuer.key));
const fastJwt = await rate("VC-JWT issue, cached KeyObject", () =>
  signVcJwt(credential, issuer.key, privateKey),
);
ratios.push(["VC-JWT issue", fastJwt / refJwt]);
await rate("VC-JWT verify, Cairn full pipeline", async () => {
  if (!(await verifyCredential(jwt, deps)).verified) throw new Error("JWT verify failed");
});

console.log("\nCairn / reference:");
for (const [name, ratio] of ratios) console.log(`  ${name.padEnd(26)} ${ratio.toFixed(2)}×`);
