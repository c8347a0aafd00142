import { relationshipIds } from "../did/resolver.ts";
import { errorMessage, isRecord, type JsonRecord, type VerifyDeps } from "./types.ts";

export type ResolvedKey =
  | {
      ok: true;
      keyId: string;
      method: JsonRecord;
      controller: string | undefined;
      /** For DID keys: whether the controller's DID document lists the key under assertionMethod. */
      listedForAssertion: boolean | undefined;
    }
  | { ok: false; keyId: string; message: string };

export type KeyResolver = (keyId: string) => Promise<ResolvedKey>;

/**
 * Resolves verification methods (did:key offline, did:web through the injected resolver, HTTP(S)
 * through the injected fetcher), memoised per verification run so proof and issuer checks share one lookup.
 */
export function createKeyResolver(deps: VerifyDeps): KeyResolver {
  const cache = new Map<string, Promise<ResolvedKey>>();
  return (keyId) => {
    let pending = cache.get(keyId);
    if (!pending) {
      pending = resolveKey(deps, keyId);
      cache.set(keyId, pending);
    }
    return pending;
  };
}

async function resolveKey(deps: VerifyDeps, keyId: string): Promise<ResolvedKey> {
  try {
    if (keyId.startsWith("did:")) {
      const method = await deps.didResolver.dereference(keyId);
      const controller = typeof method.controller === "string" ? method.controller : undefined;
      const did = keyId.split("#")[0] ?? "";
      const document = await deps.didResolver.resolve(controller ?? did);
      const listed = relationshipIds(document, controller ?? did, "assertionMethod").includes(keyId);
      return { ok: true, keyId, method, controller, listedForAssertion: listed };
    }
    if (/^https?:\/\//.test(keyId)) {
      if (!deps.fetchKeyDocument)
        return { ok: false, keyId, message: `No fetcher configured for key ${keyId}.` };
      const method = await deps.fetchKeyDocument(keyId);
      if (!isRecord(method))
        return { ok: false, keyId, message: `Key ${keyId} did not resolve to a JSON object.` };
      if (method.id !== undefined && method.id !== keyId) {
        return {
          ok: false,
          keyId,
          message: `Key document at ${keyId} has another id (${String(method.id)}).`,
        };
      }
      const controller = typeof method.controller === "string" ? method.controller : undefined;
      return { ok: true, keyId, method: { ...method, id: keyId }, controller, listedForAssertion: undefined };
    }
    return { ok: false, keyId, message: `Unsupported verification method URL "${keyId}".` };
  } catch (error) {
    return { ok: false, keyId, message: `Could not resolve key ${keyId}: ${errorMessage(error)}` };
  }
}
