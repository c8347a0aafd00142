import type { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import type { JWK } from "jose";
import { createDocumentLoader, type DocumentLoader } from "../document-loader.ts";
import { ed25519PublicKeyObject } from "../keys.ts";
import { referenceVerifySuite } from "../proofs/data-integrity-reference.ts";
import { verifyJwsSignature } from "../proofs/vc-jwt.ts";
import type { KeyResolver } from "./key-resolver.ts";
import {
  asArray,
  type Check,
  errorMessage,
  failed,
  isRecord,
  issuerIdOf,
  type JsonRecord,
  passed,
  type VerifyDeps,
} from "./types.ts";

export type ProofOutcome = { check: Check; keyIds: string[]; embeddedJwk: boolean };

const JWT_ALGORITHMS = ["EdDSA", "ES256", "ES384", "RS256", "PS256"];
const SUPPORTED_CRYPTOSUITES = ["eddsa-rdfc-2022"];

/** Verification-time document loader: bundled contexts, plus keys through the shared key resolver. */
export function verificationLoader(deps: VerifyDeps, resolveKey: KeyResolver): DocumentLoader {
  const loadKey = async (url: string) => {
    const resolved = await resolveKey(url);
    if (!resolved.ok) throw new Error(resolved.message);
    return resolved.method;
  };
  return createDocumentLoader({
    ...(deps.extraContexts ? { extraContexts: deps.extraContexts } : {}),
    dereferenceDid: (url) => (url.includes("#") ? loadKey(url) : deps.didResolver.resolve(url)),
    loadOther: (url) => (/^https?:\/\//.test(url) ? loadKey(url) : Promise.resolve(undefined)),
  });
}

/** Checks every Data Integrity proof Cairn supports (at least one must exist; all must verify). */
export async function checkDataIntegrityProofs(
  credential: JsonRecord,
  documentLoader: DocumentLoader,
  createSuite: () => DataIntegrityProof = referenceVerifySuite,
): Promise<ProofOutcome> {
  const proofs = asArray(credential.proof).filter(isRecord);
  const supported = proofs.filter(
    (proof) =>
      proof.type === "DataIntegrityProof" && SUPPORTED_CRYPTOSUITES.includes(String(proof.cryptosuite)),
  );
  if (supported.length === 0) {
    const kinds = proofs
      .map((proof) => `${String(proof.type)}/${String(proof.cryptosuite ?? "-")}`)
      .join(", ");
    return outcome(
      failed(
        "proof",
        `No supported proof (need DataIntegrityProof eddsa-rdfc-2022; found ${kinds || "none"}).`,
      ),
    );
  }
  const { proof: _proofs, ...document } = credential;
  const suite = createSuite();
  const keyIds: string[] = [];
  for (const proof of supported) {
    const keyId = String(proof.verificationMethod ?? "");
    keyIds.push(keyId);
    const result = await suite.verifyProof({
      proof: { "@context": credential["@context"], ...proof },
      document,
      documentLoader,
      proofSet: supported,
    });
    if (!result.verified) {
      return outcome(
        failed(
          "proof",
          `The eddsa-rdfc-2022 proof by ${keyId} does not verify: ${errorMessage(result.error)}`,
        ),
        keyIds,
      );
    }
  }
  const ignored = proofs.length - supported.length;
  const note = ignored > 0 ? ` (${ignored} proof(s) of unsupported types ignored)` : "";
  return outcome(passed("proof", `${supported.length} eddsa-rdfc-2022 proof(s) verified${note}.`), keyIds);
}

/** Checks a VC-JWT signature with the key named by `kid` (or an embedded `jwk`) and its OB 3.0 claims. */
export async function checkJwtProof(
  jwt: string,
  header: JsonRecord,
  payload: JsonRecord,
  credential: JsonRecord,
  resolveKey: KeyResolver,
): Promise<ProofOutcome> {
  const alg = String(header.alg);
  if (!JWT_ALGORITHMS.includes(alg))
    return outcome(failed("proof", `JWT algorithm "${alg}" is not accepted.`));
  let key: JWK | ReturnType<typeof ed25519PublicKeyObject>;
  const keyIds: string[] = [];
  let embeddedJwk = false;
  if (typeof header.kid === "string") {
    keyIds.push(header.kid);
    const resolved = await resolveKey(header.kid);
    if (!resolved.ok) return outcome(failed("proof", resolved.message), keyIds);
    const { method } = resolved;
    if (isRecord(method.publicKeyJwk)) key = method.publicKeyJwk as JWK;
    else if (typeof method.publicKeyMultibase === "string")
      key = ed25519PublicKeyObject(method.publicKeyMultibase);
    else return outcome(failed("proof", `Key ${header.kid} has no usable public key.`), keyIds);
  } else if (isRecord(header.jwk)) {
    key = header.jwk as JWK;
    embeddedJwk = true;
  } else {
    return outcome(failed("proof", "The JWT names no key (no kid and no jwk header)."));
  }
  if (!(await verifyJwsSignature(jwt, key, JWT_ALGORITHMS))) {
    return outcome(failed("proof", "The JWT signature does not verify."), keyIds, embeddedJwk);
  }
  const mismatch = claimMismatch(payload, credential);
  if (mismatch) return outcome(failed("proof", mismatch), keyIds, embeddedJwk);
  return outcome(passed("proof", `VC-JWT ${alg} signature verified.`), keyIds, embeddedJwk);
}

function claimMismatch(payload: JsonRecord, credential: JsonRecord): string | undefined {
  const issuerId = issuerIdOf(credential);
  if (payload.iss !== undefined && payload.iss !== issuerId)
    return `JWT iss "${String(payload.iss)}" is not the issuer.`;
  if (payload.jti !== undefined && credential.id !== undefined && payload.jti !== credential.id) {
    return `JWT jti "${String(payload.jti)}" is not the credential id.`;
  }
  const subject = credential.credentialSubject;
  if (
    payload.sub !== undefined &&
    isRecord(subject) &&
    subject.id !== undefined &&
    payload.sub !== subject.id
  ) {
    return `JWT sub "${String(payload.sub)}" is not the subject id.`;
  }
  return undefined;
}

function outcome(check: Check, keyIds: string[] = [], embeddedJwk = false): ProofOutcome {
  return { check, keyIds, embeddedJwk };
}
