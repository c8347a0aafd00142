import {
  createDidResolver,
  type DidResolver,
  findVerificationMethod,
  type JsonRecord,
} from "./did/resolver.ts";
import { CredentialEngineError } from "./errors.ts";
import type { JsonLdContextCache } from "./fast/context-cache.ts";
import { createJsonLdContextCache } from "./fast/context-cache.ts";
import { createFastVerifySuiteFactory } from "./fast/fast-data-integrity.ts";
import { DEFAULT_FETCH_LIMITS, type FetchLimits, fetchJsonLimited, type HttpFetch } from "./http-fetch.ts";
import { errorMessage, failed, skipped, type VerificationResult, type VerifyDeps } from "./verify/types.ts";
import { verifyCredential } from "./verify/verify-credential.ts";

// The production wiring of verification: the app (verify page, API) and the CLI build it the same way.
// Everything outside Cairn is reached through one guarded fetch: 5 s timeout, 256 KiB per document,
// https only (http for localhost / 127.0.0.1), and the timeout holds even if the fetch ignores its signal.

export type VerifierLimits = Partial<FetchLimits> & {
  /** Largest accepted credential input, in bytes (default 1 MiB). */
  maxInputBytes?: number;
  /** Deepest accepted JSON nesting (default 64). */
  maxJsonDepth?: number;
};

export type VerifierOptions = {
  /** Injected clock; the CLI passes real time. */
  now: () => Date;
  /** HTTP access for did:web, key URLs and status lists (default: globalThis.fetch); always guarded and limited. */
  fetch?: HttpFetch;
  /** DID documents this deployment serves itself, answered without HTTP; undefined falls through to HTTP. */
  localDidDocument?: (did: string) => Promise<JsonRecord | undefined>;
  /** Status list credentials this deployment serves itself; undefined falls through to HTTP. */
  localStatusList?: (url: string) => Promise<unknown | undefined>;
  /** One JSON-LD context cache shared by every verification of this verifier (default: a new one). */
  contextCache?: JsonLdContextCache;
  limits?: VerifierLimits;
  /** Tolerated clock difference for validFrom/validUntil, in seconds (default 300). */
  maxClockSkewSeconds?: number;
};

export type VerifyOptions = {
  /** Accept any VC 2.0 credential, not only Open Badges (VC-API, W3C suites). */
  acceptAnyCredential?: boolean;
};

export type Verifier = {
  /** Verifies a credential or a presentation (detected from its type); JSON text or object, VC-JWT, baked PNG/SVG bytes. Never throws. */
  verify(input: unknown, options?: VerifyOptions): Promise<VerificationResult>;
};

export function createVerifier(options: VerifierOptions): Verifier {
  const limits: FetchLimits = {
    timeoutMs: options.limits?.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs,
    maxBytes: options.limits?.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes,
  };
  const net = secureOnly(guardFetch(options.fetch ?? ((url, init) => globalThis.fetch(url, init))));
  const createVerifySuite = createFastVerifySuiteFactory({
    contextCache: options.contextCache ?? createJsonLdContextCache(),
  });
  const didResolver = createDidResolver({ fetch: net, limits, resolveLocal: options.localDidDocument });

  async function fetchStatusList(url: string): Promise<unknown> {
    const local = options.localStatusList ? await options.localStatusList(url) : undefined;
    if (local !== undefined) return local;
    const text = new TextDecoder().decode(await fetchBytesLimited(net, url, limits)).trim();
    try {
      return JSON.parse(text);
    } catch {
      return text; // a VC-JWT status list; anything else fails the status check when parsed
    }
  }

  const deps: VerifyDeps = {
    now: options.now,
    maxClockSkewSeconds: options.maxClockSkewSeconds,
    didResolver,
    fetchKeyDocument: (url) => fetchJsonLimited(net, url, limits),
    fetchStatusList,
    createVerifySuite,
    maxInputBytes: options.limits?.maxInputBytes,
    maxJsonDepth: options.limits?.maxJsonDepth,
  };

  return {
    async verify(input, verifyOptions = {}) {
      try {
        return await verifyCredential(input, {
          ...deps,
          didResolver: memoized(didResolver),
          acceptAnyCredential: verifyOptions.acceptAnyCredential ?? false,
        });
      } catch (error) {
        // verifyCredential never throws; this guards the wiring itself.
        const notChecked = (["proof", "issuer", "validity", "status"] as const).map((id) =>
          skipped(id, "Not checked: verification failed."),
        );
        return {
          verified: false,
          checks: [failed("format", `Verification failed: ${errorMessage(error)}`), ...notChecked],
        };
      }
    },
  };
}

/** One verification resolves each DID once (the proof and issuer checks both need the document). */
function memoized(resolver: DidResolver): DidResolver {
  const documents = new Map<string, Promise<JsonRecord>>();
  const resolve = (did: string) => {
    let pending = documents.get(did);
    if (!pending) {
      pending = resolver.resolve(did);
      documents.set(did, pending);
    }
    return pending;
  };
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

/**
 * Makes a fetch honour its abort signal even when it would not: the response and its body are cut
 * when the signal fires (a hanging server or an endless body ends as a fetch error, never a hang).
 */
export function guardFetch(fetch: HttpFetch): HttpFetch {
  return async (url, init) => {
    const { signal } = init;
    const aborted = new Promise<never>((_, reject) => {
      if (signal.aborted) reject(signal.reason);
      else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
    aborted.catch(() => undefined);
    const response = await Promise.race([fetch(url, init), aborted]);
    if (!response.body || [101, 204, 205, 304].includes(response.status)) return response;
    return new Response(response.body.pipeThrough(new TransformStream(), { signal }), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** Refuses any URL but https, and http on localhost / 127.0.0.1 (as did:web does). */
export function secureOnly(fetch: HttpFetch): HttpFetch {
  return (url, init) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return Promise.reject(new CredentialEngineError("fetch_failed", `"${url}" is not a URL.`));
    }
    const local = parsed.hostname === "localhost" || parsed.hostname === "127.0.0.1";
    if (parsed.protocol === "https:" || (parsed.protocol === "http:" && local)) return fetch(url, init);
    return Promise.reject(
      new CredentialEngineError("fetch_failed", `Refusing ${url}: only https (or http on localhost).`),
    );
  };
}

/** GETs raw bytes with a timeout and a size limit (read as a stream). Throws CredentialEngineError("fetch_failed"). */
export async function fetchBytesLimited(
  fetch: HttpFetch,
  url: string,
  limits: FetchLimits,
  accept = "application/json, application/ld+json, application/vc+jwt, application/jwt, image/*",
): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const fail = (message: string, cause?: unknown) =>
    new CredentialEngineError("fetch_failed", message, cause === undefined ? undefined : { cause });
  let response: Response;
  try {
    response = await guardFetch(fetch)(url, { signal, headers: { accept } });
  } catch (cause) {
    throw fail(`Could not fetch ${url}: ${errorMessage(cause)}`, cause);
  }
  if (!response.ok) throw fail(`Fetching ${url} answered ${response.status}.`);
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw fail(`${url} returned more than ${limits.maxBytes} bytes.`);
      }
      chunks.push(value);
    }
  } catch (cause) {
    if (cause instanceof CredentialEngineError) throw cause;
    throw fail(`Reading ${url} failed: ${errorMessage(cause)}`, cause);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
