import type { KeyObject } from "node:crypto";
import { CompactSign, compactVerify, decodeProtectedHeader, importJWK, type JWK } from "jose";
import { CredentialEngineError } from "../errors.ts";
import type { SigningKey } from "../keys.ts";
import { ed25519PrivateKeyObject } from "../keys.ts";

type JsonRecord = Record<string, unknown>;

// Registered claims OB 3.0 maps onto a VC-JWT; stripped when recovering the credential from a payload.
const JWT_CLAIMS = ["iss", "sub", "nbf", "jti", "exp", "iat", "aud"] as const;

/**
 * Signs a credential as a VC-JOSE-COSE JWT (payload = the credential) with EdDSA, adding the
 * OB 3.0 claims: iss = issuer id, sub = subject id, nbf = validFrom, exp = validUntil, jti = id.
 */
export async function signVcJwt(
  credential: JsonRecord,
  key: SigningKey,
  privateKey?: KeyObject,
): Promise<string> {
  const claims = ob3JwtClaims(credential);
  const payload = new TextEncoder().encode(JSON.stringify({ ...credential, ...claims }));
  return new CompactSign(payload)
    .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", cty: "vc", kid: key.id })
    .sign(privateKey ?? ed25519PrivateKeyObject(key.secretKeyMultibase));
}

export function ob3JwtClaims(credential: JsonRecord): JsonRecord {
  const issuer = credential.issuer;
  const issuerId = typeof issuer === "string" ? issuer : (issuer as JsonRecord | undefined)?.id;
  const subject = credential.credentialSubject as JsonRecord | undefined;
  const claims: JsonRecord = { iss: issuerId, jti: credential.id };
  if (typeof subject?.id === "string") claims.sub = subject.id;
  if (typeof credential.validFrom === "string")
    claims.nbf = Math.floor(Date.parse(credential.validFrom) / 1000);
  if (typeof credential.validUntil === "string")
    claims.exp = Math.floor(Date.parse(credential.validUntil) / 1000);
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
}

export type DecodedVcJwt = { header: JsonRecord; payload: JsonRecord; credential: JsonRecord };

/** Decodes (without verifying) a VC-JWT: VC 2.0 payloads are the credential; VC 1.1 ones carry it in `vc`. */
export function decodeVcJwt(jwt: string): DecodedVcJwt {
  const parts = jwt.split(".");
  if (parts.length !== 3) throw new CredentialEngineError("invalid_jwt", "A compact JWS has three parts.");
  let header: unknown;
  let payload: unknown;
  try {
    header = decodeProtectedHeader(jwt);
    payload = JSON.parse(Buffer.from(parts[1] ?? "", "base64url").toString("utf8"));
  } catch (cause) {
    throw new CredentialEngineError("invalid_jwt", "The JWT header or payload is not JSON.", { cause });
  }
  if (!isRecord(header) || !isRecord(payload)) {
    throw new CredentialEngineError("invalid_jwt", "The JWT header and payload must be JSON objects.");
  }
  if (isRecord(payload.vc)) return { header, payload, credential: payload.vc };
  const credential = { ...payload };
  for (const claim of JWT_CLAIMS) delete credential[claim];
  return { header, payload, credential };
}

/** Verifies the JWS signature with a JWK or KeyObject; returns false instead of throwing on a bad signature. */
export async function verifyJwsSignature(
  jwt: string,
  key: JWK | KeyObject,
  algorithms: string[],
): Promise<boolean> {
  try {
    const verificationKey = isKeyObject(key)
      ? key
      : await importJWK(key, String(decodeProtectedHeader(jwt).alg));
    await compactVerify(jwt, verificationKey, { algorithms });
    return true;
  } catch {
    return false;
  }
}

function isKeyObject(key: JWK | KeyObject): key is KeyObject {
  return typeof (key as KeyObject).export === "function";
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
