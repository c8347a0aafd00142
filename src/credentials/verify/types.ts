import type { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import type { JsonLdContext } from "../contexts.ts";
import type { DidResolver } from "../did/resolver.ts";

/** "nested" appears only on a CLR: the verdict over the credentials it carries (each also in `credentials`). */
export type CheckId = "format" | "proof" | "issuer" | "validity" | "status" | "nested";
export type CheckStatus = "passed" | "failed" | "skipped";
export type Check = { id: CheckId; status: CheckStatus; message: string };

export type CredentialSummary = {
  format: "ldp" | "jwt";
  id?: string;
  types: string[];
  issuer: { id?: string; name?: string };
  name?: string;
  achievement?: { id?: string; name?: string };
  subject?: string;
  validFrom?: string;
  validUntil?: string;
};

export type VerificationResult = {
  verified: boolean;
  checks: Check[];
  credential?: CredentialSummary;
  /** For a presentation or a CLR: one result per contained (nested) credential, in order. */
  credentials?: VerificationResult[];
};

export type JsonRecord = Record<string, unknown>;

export type VerifyDeps = {
  /** Injected clock (house rule 6). */
  now: () => Date;
  /** Tolerated clock difference for validFrom/validUntil, in seconds (default 300). */
  maxClockSkewSeconds?: number;
  didResolver: DidResolver;
  /** Fetches a verification method by HTTP(S) URL (already size/time limited by the caller or http-fetch). */
  fetchKeyDocument?: (url: string) => Promise<unknown>;
  /** Fetches a status list credential or a 1EdTech revocation list (JSON object, or a VC-JWT string). */
  fetchStatusList?: (url: string) => Promise<unknown>;
  /** Contexts explicitly allowed in addition to the bundled ones. */
  extraContexts?: ReadonlyMap<string, JsonLdContext>;
  /** Accept a key embedded in a JWT header (`jwk`) as the issuer's: off by default, as it proves nothing. */
  trustEmbeddedJwk?: boolean;
  /** Builds the eddsa-rdfc-2022 verification suite; default: the reference one (see fast/fast-data-integrity.ts). */
  createVerifySuite?: () => DataIntegrityProof;
  /** Accept any VC 2.0 credential, not only Open Badges (the VC-API endpoints and W3C suites need this). */
  acceptAnyCredential?: boolean;
  /** Largest accepted input, in bytes (default 1 MiB). */
  maxInputBytes?: number;
  /** Deepest accepted JSON nesting (default 64). */
  maxJsonDepth?: number;
};

export const DEFAULT_MAX_INPUT_BYTES = 1024 * 1024;
export const DEFAULT_MAX_JSON_DEPTH = 64;

export function passed(id: CheckId, message: string): Check {
  return { id, status: "passed", message };
}
export function failed(id: CheckId, message: string): Check {
  return { id, status: "failed", message };
}
export function skipped(id: CheckId, message: string): Check {
  return { id, status: "skipped", message };
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function issuerIdOf(credential: JsonRecord): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === "string") return issuer;
  return isRecord(issuer) && typeof issuer.id === "string" ? issuer.id : undefined;
}
