import { CredentialEngineError } from "../errors.ts";
import { DEFAULT_FETCH_LIMITS, type FetchLimits, fetchJsonLimited, type HttpFetch } from "../http-fetch.ts";
import { resolveDidKey } from "./did-key.ts";
import { didWebToUrl } from "./did-web.ts";

export type JsonRecord = Record<string, unknown>;

export type DidResolver = {
  /** The DID document of a DID (did:key offline, did:web via the injected fetch). */
  resolve(did: string): Promise<JsonRecord>;
  /** A DID URL: with a fragment, the verification method it names (with its controller); else the document. */
  dereference(didUrl: string): Promise<JsonRecord>;
};

export type DidResolverOptions = {
  /** Fetch used for did:web; without it did:web is refused. */
  fetch?: HttpFetch;
  limits?: FetchLimits;
  /** Answers for DIDs this deployment serves itself (no HTTP round trip); undefined falls through. */
  resolveLocal?: (did: string) => Promise<JsonRecord | undefined>;
};

export function createDidResolver(options: DidResolverOptions = {}): DidResolver {
  const limits = options.limits ?? DEFAULT_FETCH_LIMITS;

  async function resolve(did: string): Promise<JsonRecord> {
    const local = options.resolveLocal ? await options.resolveLocal(did) : undefined;
    if (local) return local;
    if (did.startsWith("did:key:")) return resolveDidKey(did);
    if (did.startsWith("did:web:")) {
      if (!options.fetch)
        throw new CredentialEngineError("unsupported_did", `No fetch configured for ${did}.`);
      const document = await fetchJsonLimited(options.fetch, didWebToUrl(did).href, limits);
      if (!isRecord(document) || document.id !== did) {
        throw new CredentialEngineError(
          "invalid_did_document",
          `The DID document for ${did} has another id.`,
        );
      }
      return document;
    }
    throw new CredentialEngineError("unsupported_did", `DID method of "${did}" is not supported.`);
  }

  async function dereference(didUrl: string): Promise<JsonRecord> {
    const [did = "", fragment] = didUrl.split("#", 2);
    const document = await resolve(did);
    if (fragment === undefined) return document;
    const method = findVerificationMethod(document, did, didUrl);
    if (!method)
      throw new CredentialEngineError("key_not_found", `${didUrl} is not in the DID document of ${did}.`);
    return method;
  }

  return { resolve, dereference };
}

/** Finds a verification method by absolute id in a DID document, accepting relative ids ("#key-1"). */
export function findVerificationMethod(
  document: JsonRecord,
  did: string,
  id: string,
): JsonRecord | undefined {
  const methods = Array.isArray(document.verificationMethod) ? document.verificationMethod : [];
  for (const method of methods) {
    if (!isRecord(method) || typeof method.id !== "string") continue;
    if (absoluteId(did, method.id) === id) {
      return { ...method, id, controller: typeof method.controller === "string" ? method.controller : did };
    }
  }
  return undefined;
}

/** Ids listed under a relationship (e.g. assertionMethod), made absolute; embedded methods count too. */
export function relationshipIds(document: JsonRecord, did: string, relationship: string): string[] {
  const entries = document[relationship];
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry) => {
    if (typeof entry === "string") return [absoluteId(did, entry)];
    if (isRecord(entry) && typeof entry.id === "string") return [absoluteId(did, entry.id)];
    return [];
  });
}

function absoluteId(did: string, id: string): string {
  return id.startsWith("#") ? `${did}${id}` : id;
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
