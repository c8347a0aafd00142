import { decodeVcJwt } from "../proofs/vc-jwt.ts";
import { textDepth } from "../verify/parse-input.ts";
import { errorMessage } from "../verify/types.ts";
import { isHttpUrl, isRecord, type JsonRecord, text, typesOf } from "./fields.ts";
import { importHostedAssertion } from "./ob2-hosted.ts";
import { importSignedAssertion, importSignedCopy, jwsPayload } from "./ob2-signed.ts";
import { readInputText } from "./read-input.ts";
import type { ImportDeps, ImportResult } from "./types.ts";
import { importVc } from "./vc-import.ts";

// The wallet's one entry point for importing "anything": OB 3.0 and CLR 2.0 credentials (JSON-LD,
// VC-JWT, baked PNG/SVG) and Open Badges 2.0 assertions (a hosted one's URL or JSON, a signed one's
// JWS, baked PNG/SVG). Never throws: unreadable input is {ok: false}, every other problem a failed check.

export type {
  ImportCheck,
  ImportDeps,
  ImportDisplay,
  ImportedKind,
  ImportFormat,
  ImportResult,
} from "./types.ts";

const JWS_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_JSON_DEPTH = 64;
const CREDENTIALS_CONTEXTS = [
  "https://www.w3.org/ns/credentials/v2",
  "https://www.w3.org/2018/credentials/v1",
];
const NOT_A_BADGE =
  "This is not a badge: expected a credential (JSON or JWT), an Open Badges 2.0 assertion or its URL, or a baked PNG/SVG image.";

export async function readImport(input: Uint8Array | string, deps: ImportDeps): Promise<ImportResult> {
  try {
    const read = readInputText(input);
    if (!read.ok) return read;
    return await importText(read.text, deps);
  } catch (error) {
    return { ok: false, message: `The badge could not be imported: ${errorMessage(error)}` };
  }
}

async function importText(value: string, deps: ImportDeps): Promise<ImportResult> {
  if (/^https?:\/\/\S+$/i.test(value) && isHttpUrl(value)) return importUrl(value, deps);
  if (JWS_PATTERN.test(value)) return importJws(value, deps);
  if (!value.startsWith("{")) return { ok: false, message: NOT_A_BADGE };
  if (textDepth(value) > MAX_JSON_DEPTH)
    return { ok: false, message: `The JSON is nested deeper than ${MAX_JSON_DEPTH} levels.` };
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (error) {
    return { ok: false, message: `The JSON cannot be read: ${errorMessage(error)}` };
  }
  return isRecord(json) ? importObject(json, deps) : { ok: false, message: NOT_A_BADGE };
}

async function importJws(jws: string, deps: ImportDeps): Promise<ImportResult> {
  const payload = jwsPayload(jws);
  if (!payload) return { ok: false, message: "This JWT's payload is not a JSON object." };
  if (isRecord(payload.vc) || isCredential(payload)) {
    let credential: JsonRecord;
    try {
      credential = decodeVcJwt(jws).credential;
    } catch (error) {
      return { ok: false, message: `This JWT cannot be read: ${errorMessage(error)}` };
    }
    return importVc({ original: jws, credential }, "jwt", deps);
  }
  if (isOb2Assertion(payload)) return importSignedAssertion(jws, deps);
  return {
    ok: false,
    message: "This JWT carries neither a verifiable credential nor an Open Badges 2.0 assertion.",
  };
}

async function importObject(json: JsonRecord, deps: ImportDeps): Promise<ImportResult> {
  if (typesOf(json.type).includes("VerifiablePresentation"))
    return { ok: false, message: "This is a presentation: import the credentials it contains one by one." };
  if (isCredential(json)) return importVc({ original: json, credential: json }, "ldp", deps);
  if (!isOb2Assertion(json))
    return {
      ok: false,
      message: "This JSON is neither a verifiable credential nor an Open Badges 2.0 assertion.",
    };
  const verification = isRecord(json.verification) ? text(json.verification.type)?.toLowerCase() : undefined;
  if (verification === "signed" || verification === "signedbadge") return importSignedCopy(json, deps);
  const id = text(json.id);
  const hosted = verification === "hosted" || verification === "hostedbadge" || verification === undefined;
  if (hosted && id && isHttpUrl(id)) return importHostedAssertion({ url: id, local: json }, deps);
  if (hosted)
    return { ok: false, message: "This hosted Open Badges 2.0 assertion has no http(s) id to verify it at." };
  return { ok: false, message: `Unknown Open Badges 2.0 verification type "${verification}".` };
}

/** A URL: a hosted OB 2.0 assertion (the usual case), or a credential published at that address. */
async function importUrl(url: string, deps: ImportDeps): Promise<ImportResult> {
  let fetched: unknown;
  try {
    fetched = await deps.fetchJson(url);
  } catch (error) {
    return { ok: false, message: `Could not fetch ${url}: ${errorMessage(error)}` };
  }
  if (isRecord(fetched) && isCredential(fetched))
    return importVc({ original: fetched, credential: fetched }, "ldp", deps);
  if (isRecord(fetched) && isOb2Assertion(fetched)) return importHostedAssertion({ url, fetched }, deps);
  return {
    ok: false,
    message: `The document at ${url} is neither an Open Badges assertion nor a credential.`,
  };
}

function isCredential(json: JsonRecord): boolean {
  const contexts = Array.isArray(json["@context"]) ? json["@context"] : [json["@context"]];
  return (
    typesOf(json.type).includes("VerifiableCredential") ||
    contexts.some((context) => typeof context === "string" && CREDENTIALS_CONTEXTS.includes(context))
  );
}

function isOb2Assertion(json: JsonRecord): boolean {
  return (
    typesOf(json.type).includes("Assertion") || (json.badge !== undefined && json.recipient !== undefined)
  );
}
