import { compactVerify, decodeProtectedHeader, importSPKI } from "jose";
import { errorMessage } from "../verify/types.ts";
import { allPassed, failed, idOf, isRecord, type JsonRecord, passed, skipped } from "./fields.ts";
import { ob2Display, revocationListCheck, validityCheck } from "./ob2-checks.ts";
import { fetchDocument, type Loaded, loadBadgeAndIssuer } from "./ob2-load.ts";
import {
  describeIssues,
  type Ob2Assertion,
  type Ob2Key,
  type Ob2Profile,
  ob2AssertionSchema,
  ob2KeySchema,
} from "./ob2-schemas.ts";
import type { ImportCheck, ImportDeps, ImportResult } from "./types.ts";

// Asymmetric JWS algorithms a PEM public key can verify (OB 2.0 names RS256; "none" and HMAC never).
const ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

/** The payload of a compact JWS, if it is a JSON object; undefined otherwise. Never throws. */
export function jwsPayload(jws: string): Record<string, unknown> | undefined {
  try {
    const payload: unknown = JSON.parse(Buffer.from(jws.split(".")[1] ?? "", "base64url").toString("utf8"));
    return isRecord(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Open Badges 2.0 signed verification: the JWS is checked with the key its `verification.creator`
 * names (else the issuer's first `publicKey`); that key's owner must be the issuer, who must vouch for
 * it (see ownershipCheck); the issuer's revocation list must not name the assertion; it must not have
 * expired. Checks: signature, badge, issuer, key, revocation, validity.
 */
export async function importSignedAssertion(jws: string, deps: ImportDeps): Promise<ImportResult> {
  const parsed = ob2AssertionSchema.safeParse(jwsPayload(jws));
  if (!parsed.success)
    return {
      ok: false,
      message: `The signed badge does not carry a valid Open Badges 2.0 assertion: ${describeIssues(parsed.error)}.`,
    };
  return verifySigned(parsed.data, jws, jws, deps);
}

/** A signed assertion given as plain JSON: everything but the signature can be checked, which fails. */
export async function importSignedCopy(json: JsonRecord, deps: ImportDeps): Promise<ImportResult> {
  const parsed = ob2AssertionSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      message: `This is not a valid Open Badges 2.0 assertion: ${describeIssues(parsed.error)}.`,
    };
  return verifySigned(parsed.data, undefined, json, deps);
}

async function verifySigned(
  assertion: Ob2Assertion,
  jws: string | undefined,
  original: string | JsonRecord,
  deps: ImportDeps,
): Promise<ImportResult> {
  const loaded = await loadBadgeAndIssuer(assertion, deps);
  const keyUrl = assertion.verification?.creator ?? firstPublicKey(loaded.issuer);
  const key: Loaded<Ob2Key> | undefined = keyUrl
    ? await fetchDocument(keyUrl, "public key", ob2KeySchema, deps)
    : undefined;

  const checks = [
    jws === undefined
      ? failed(
          "signature",
          "This copy carries no signature: import the signed badge itself (its image or JWS).",
        )
      : await signatureCheck(jws, keyUrl, key),
    loaded.checks.badge,
    loaded.checks.issuer,
    ownershipCheck(keyUrl, key, loaded.issuer),
    await revocationListCheck(assertion, loaded.issuer, deps),
    validityCheck(assertion, deps.now()),
  ];
  return {
    ok: true,
    kind: "ob2",
    format: "ob2-signed",
    verified: allPassed(checks),
    checks,
    original,
    display: ob2Display(assertion, loaded.badge, loaded.issuerForDisplay),
  };
}

async function signatureCheck(
  jws: string,
  keyUrl: string | undefined,
  key: Loaded<Ob2Key> | undefined,
): Promise<ImportCheck> {
  if (!keyUrl || !key)
    return failed(
      "signature",
      "The assertion names no key (verification.creator) and the issuer lists none.",
    );
  if (!key.ok) return failed("signature", key.message);
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(jws).alg;
  } catch (error) {
    return failed("signature", `The JWS header cannot be read: ${errorMessage(error)}`);
  }
  if (typeof alg !== "string" || !ALGORITHMS.includes(alg))
    return failed("signature", `Unsupported JWS algorithm "${String(alg)}".`);
  try {
    const publicKey = await importSPKI(key.value.publicKeyPem, alg);
    await compactVerify(jws, publicKey, { algorithms: [alg] });
  } catch (error) {
    return failed(
      "signature",
      `The signature does not verify with the key at ${keyUrl}: ${errorMessage(error)}`,
    );
  }
  return passed("signature", `Signed (${alg}) with the key at ${keyUrl}.`);
}

/**
 * The key must name the issuer as its owner, and the issuer must vouch for it: its profile lists the key
 * under publicKey, or the key is on the issuer's own host. (Anyone can publish a key naming any owner.)
 */
function ownershipCheck(
  keyUrl: string | undefined,
  key: Loaded<Ob2Key> | undefined,
  issuer: Ob2Profile | undefined,
): ImportCheck {
  if (!keyUrl || !key?.ok) return skipped("key", "Not checked: the public key could not be loaded.");
  if (!issuer) return skipped("key", "Not checked: the issuer profile could not be loaded.");
  if (key.value.owner !== issuer.id)
    return failed(
      "key",
      `The key at ${keyUrl} belongs to ${key.value.owner}, not to the issuer ${issuer.id}.`,
    );
  if (publicKeys(issuer).includes(keyUrl))
    return passed("key", `The key at ${keyUrl} belongs to the issuer ${issuer.id}, whose profile lists it.`);
  if (sameHost(keyUrl, issuer.id))
    return passed("key", `The key at ${keyUrl} belongs to the issuer ${issuer.id} and is hosted beside it.`);
  return failed(
    "key",
    `The key at ${keyUrl} claims the issuer ${issuer.id}, but the issuer neither lists it under publicKey nor hosts it.`,
  );
}

function publicKeys(issuer: Ob2Profile | undefined): string[] {
  const keys = issuer?.publicKey;
  const list: unknown[] = Array.isArray(keys) ? keys : [keys];
  return list.map(idOf).filter((id): id is string => id !== undefined);
}

function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).hostname === new URL(b).hostname;
  } catch {
    return false;
  }
}

function firstPublicKey(issuer: Ob2Profile | undefined): string | undefined {
  return publicKeys(issuer)[0];
}
