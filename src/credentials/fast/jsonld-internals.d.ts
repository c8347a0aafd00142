// Declarations for the one jsonld internal the fast path builds on: its ContextResolver, which
// jsonld accepts through the `contextResolver` option of expand/toRDF/canonize (see context-cache.ts).
declare module "jsonld/lib/ContextResolver.js" {
  export type SharedCache = {
    get(key: string): Map<string, unknown> | undefined;
    set(key: string, value: Map<string, unknown>): void;
  };
  export default class ContextResolver {
    constructor(options: { sharedCache: SharedCache });
    perOpCache: Map<string, unknown>;
    sharedCache: SharedCache;
    resolve(options: {
      activeCtx: unknown;
      context: unknown;
      documentLoader: unknown;
      base: unknown;
      cycles?: Set<string>;
    }): Promise<unknown[]>;
    _get(key: string): unknown;
    _cacheResolvedContext(options: { key: string; resolved: unknown; tag?: string }): unknown;
    _resolveRemoteContext(options: {
      activeCtx: unknown;
      url: string;
      documentLoader: unknown;
      base: unknown;
      cycles: Set<string>;
    }): Promise<unknown>;
  }
}
