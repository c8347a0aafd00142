import { bundledContexts, type JsonLdContext } from "./contexts.ts";
import { CredentialEngineError } from "./errors.ts";

export type RemoteDocument = {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
  /** "static" lets jsonld keep the resolved context in its shared per-process cache. */
  tag?: "static";
};
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Resolves a DID or DID URL (with fragment) to a JSON document: a DID document or one verification method. */
export type DidUrlDereferencer = (didUrl: string) => Promise<Record<string, unknown>>;

export type DocumentLoaderOptions = {
  /** Resolves did: URLs. Without it every did: URL is refused. */
  dereferenceDid?: DidUrlDereferencer;
  /** Loads other non-context documents (e.g. an HTTP(S) verification method), already vetted by the caller. */
  loadOther?: (url: string) => Promise<unknown | undefined>;
  /** Extra contexts explicitly allowed by the caller (house rule 6), e.g. a test vector's example context. */
  extraContexts?: ReadonlyMap<string, JsonLdContext>;
};

/**
 * A JSON-LD document loader that serves bundled contexts only and never reaches the network itself.
 * Context documents are returned as the same frozen object each time, tagged "static", so jsonld
 * can reuse its resolved copy across calls instead of re-resolving it.
 */
export function createDocumentLoader(options: DocumentLoaderOptions = {}): DocumentLoader {
  const contexts = new Map(bundledContexts());
  for (const [url, context] of options.extraContexts ?? []) contexts.set(url, context);
  return async (url: string): Promise<RemoteDocument> => {
    const context = contexts.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context, tag: "static" };
    if (url.startsWith("did:")) {
      if (!options.dereferenceDid) {
        throw new CredentialEngineError("document_refused", `Refused to load "${url}": no DID resolver.`);
      }
      return { contextUrl: null, documentUrl: url, document: await options.dereferenceDid(url) };
    }
    const other = options.loadOther ? await options.loadOther(url) : undefined;
    if (other !== undefined) return { contextUrl: null, documentUrl: url, document: other };
    throw new CredentialEngineError(
      "document_refused",
      `Refused to load "${url}": it is not a bundled JSON-LD context and Cairn does not fetch documents.`,
    );
  };
}
