import { CredentialEngineError } from "./errors.ts";

/** The slice of the web `fetch` the engine needs; inject `globalThis.fetch` in production, a fake in tests. */
export type HttpFetch = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string> },
) => Promise<Response>;

export type FetchLimits = { timeoutMs: number; maxBytes: number };

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 5_000, maxBytes: 256 * 1024 };

/**
 * GETs a JSON document with a timeout and a body size limit (read as a stream, so a huge or
 * endless body is cut off rather than buffered). Throws CredentialEngineError("fetch_failed").
 */
export async function fetchJsonLimited(fetch: HttpFetch, url: string, limits: FetchLimits): Promise<unknown> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "application/json, application/ld+json" } });
  } catch (cause) {
    throw new CredentialEngineError("fetch_failed", `Could not fetch ${url}: ${describe(cause)}`, { cause });
  }
  if (!response.ok)
    throw new CredentialEngineError("fetch_failed", `Fetching ${url} answered ${response.status}.`);
  const text = await readLimited(response, url, limits.maxBytes);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new CredentialEngineError("fetch_failed", `${url} did not return JSON.`, { cause });
  }
}

async function readLimited(response: Response, url: string, maxBytes: number): Promise<string> {
  if (!response.body) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new CredentialEngineError("fetch_failed", `${url} returned more than ${maxBytes} bytes.`);
      }
      chunks.push(value);
    }
  } catch (cause) {
    if (cause instanceof CredentialEngineError) throw cause;
    throw new CredentialEngineError("fetch_failed", `Reading ${url} failed: ${describe(cause)}`, { cause });
  }
  return Buffer.concat(chunks).toString("utf8");
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
