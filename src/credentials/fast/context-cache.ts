import ContextResolver, { type SharedCache } from "jsonld/lib/ContextResolver.js";

// A per-process JSON-LD context cache that jsonld's own expansion uses through its
// `contextResolver` option. jsonld's algorithm runs unchanged; only its caching changes:
//
//  1. Resolved contexts: jsonld keys an inline (e.g. type-scoped) context by JSON.stringify of it
//     on every application. Deep-frozen context objects (the bundled contexts, see contexts.ts) are
//     keyed by identity instead, and every resolved context is shared across calls.
//  2. Processed contexts: jsonld keys "context C applied to active context A" by A's identity. A
//     type-scoped context is applied to a fresh clone of A, and reverting a type-scoped context
//     makes another fresh clone, so those lookups miss on every call and the scoped context is
//     processed again (with a deep clone of every term definition). Here an unmodified clone is
//     keyed by what it was cloned from plus its previous context, so equal content gets one key.
//  3. Cloning: jsonld deep-clones every term definition when it clones an active context. Term
//     definitions are never changed once created (jsonld replaces them), so clones of contexts this
//     cache produced share them; the clone is otherwise field-for-field jsonld's.
//
// Active contexts are treated as jsonld treats its cached ones: immutable once processed.

type ActiveContext = {
  mappings: Map<string, unknown>;
  protected: Record<string, unknown>;
  previousContext?: ActiveContext;
  inverse: unknown;
  clone: () => ActiveContext;
  getInverse: unknown;
  revertToPreviousContext: unknown;
  processingMode?: unknown;
  "@base"?: unknown;
  "@language"?: unknown;
  "@vocab"?: unknown;
  "@direction"?: unknown;
  "@version"?: unknown;
};
type Processed = { context: ActiveContext; events: unknown[] };

/** Term definitions changed after cloning mark the clone as modified. */
class TrackedMap extends Map<string, unknown> {
  modified = false;
  override set(key: string, value: unknown): this {
    this.modified = true;
    return super.set(key, value);
  }
  override delete(key: string): boolean {
    this.modified = true;
    return super.delete(key);
  }
  override clear(): void {
    this.modified = true;
    super.clear();
  }
}

type CloneInfo = {
  source: ActiveContext;
  mappings: TrackedMap;
  protectedCount: number;
  base: unknown;
  language: unknown;
  vocab: unknown;
};

export type JsonLdContextCache = {
  /** A context resolver for one jsonld operation (pass as the `contextResolver` option). */
  resolver(): ContextResolver;
};

/** Creates a context cache; keep one per process (safe to lose), share it across calls. */
export function createJsonLdContextCache(options: { maxSharedEntries?: number } = {}): JsonLdContextCache {
  const sharedCache = boundedCache(options.maxSharedEntries ?? 200);
  const byIdentity = new WeakMap<object, CachedContext>();
  const deepFrozen = new WeakSet<object>();
  const roots = new WeakSet<ActiveContext>();
  const clones = new WeakMap<ActiveContext, CloneInfo>();
  const interned = new WeakMap<object, WeakMap<object, object>>();
  const noPrevious = {};

  function unmodified(context: ActiveContext, info: CloneInfo): boolean {
    return (
      context.mappings === info.mappings &&
      !info.mappings.modified &&
      Object.keys(context.protected).length === info.protectedCount &&
      context["@base"] === info.base &&
      context["@language"] === info.language &&
      context["@vocab"] === info.vocab &&
      context["@direction"] === undefined &&
      context["@version"] === undefined &&
      context.processingMode === undefined
    );
  }

  /** The context whose content (previous context aside) `context` has, if known and stable. */
  function sourceOf(context: ActiveContext): ActiveContext | undefined {
    if (roots.has(context)) return context;
    const info = clones.get(context);
    return info && unmodified(context, info) ? info.source : undefined;
  }

  /** A key equal for active contexts of equal content (falls back to identity, as jsonld does). */
  function keyOf(context: ActiveContext): object {
    const info = clones.get(context);
    if (!info || !unmodified(context, info)) return context;
    const previous = context.previousContext ? keyOf(context.previousContext) : noPrevious;
    let bySource = interned.get(info.source);
    if (!bySource) {
      bySource = new WeakMap();
      interned.set(info.source, bySource);
    }
    let key = bySource.get(previous);
    if (!key) {
      key = {};
      bySource.set(previous, key);
    }
    return key;
  }

  // Field-for-field jsonld's _cloneActiveContext, with term definitions shared instead of copied.
  function cloneActiveContext(this: ActiveContext): ActiveContext {
    const mappings = new TrackedMap(this.mappings);
    mappings.modified = false;
    const child: ActiveContext = {
      mappings,
      clone: this.clone,
      inverse: null,
      getInverse: this.getInverse,
      protected: { ...this.protected },
      revertToPreviousContext: this.revertToPreviousContext,
    };
    if (this.previousContext) child.previousContext = this.previousContext.clone();
    if ("@base" in this) child["@base"] = this["@base"];
    if ("@language" in this) child["@language"] = this["@language"];
    if ("@vocab" in this) child["@vocab"] = this["@vocab"];
    const source = sourceOf(this);
    if (source) {
      clones.set(child, {
        source,
        mappings,
        protectedCount: Object.keys(child.protected).length,
        base: child["@base"],
        language: child["@language"],
        vocab: child["@vocab"],
      });
    }
    return child;
  }

  function adopt(processed: unknown): void {
    if (!isProcessed(processed)) return; // e.g. an @import document, cached as is
    const context = processed.context;
    clones.delete(context);
    roots.add(context);
    context.clone = cloneActiveContext;
  }

  class CachedContext {
    readonly processed = new WeakMap<object, unknown>();
    constructor(readonly document: unknown) {}
    getProcessed(activeCtx: ActiveContext): unknown {
      return this.processed.get(keyOf(activeCtx));
    }
    setProcessed(activeCtx: ActiveContext, processed: unknown): void {
      adopt(processed);
      this.processed.set(keyOf(activeCtx), processed);
    }
  }

  function isDeepFrozen(value: object): boolean {
    if (deepFrozen.has(value)) return true;
    if (!Object.isFrozen(value)) return false;
    for (const child of Object.values(value)) {
      if (typeof child === "object" && child !== null && !isDeepFrozen(child)) return false;
    }
    deepFrozen.add(value);
    return true;
  }

  class CachingContextResolver extends ContextResolver {
    override async resolve(input: {
      activeCtx: unknown;
      context: unknown;
      documentLoader: unknown;
      base: unknown;
      cycles?: Set<string>;
    }): Promise<unknown[]> {
      let context = input.context;
      if (isPlainObject(context) && context["@context"]) context = context["@context"];
      const all: unknown[] = [];
      for (const ctx of Array.isArray(context) ? context : [context]) {
        if (isPlainObject(ctx) && isDeepFrozen(ctx)) {
          let resolved = byIdentity.get(ctx);
          if (!resolved) {
            resolved = new CachedContext(ctx);
            byIdentity.set(ctx, resolved);
          }
          all.push(resolved);
          continue;
        }
        if (isPlainObject(ctx)) {
          // jsonld's own path for other inline contexts, with this cache's resolved-context type
          const key = JSON.stringify(ctx);
          let resolved = this._get(key);
          if (!resolved) {
            resolved = new CachedContext(ctx);
            this._cacheResolvedContext({ key, resolved, tag: "static" });
          }
          all.push(resolved);
          continue;
        }
        // URLs, null and invalid values: jsonld's own code (remote contexts recurse into this method)
        all.push(...(await super.resolve({ ...input, context: [ctx] })));
      }
      return all;
    }
  }

  return { resolver: () => new CachingContextResolver({ sharedCache }) };
}

/** jsonld's own test for a JSON object (types.isObject). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === "[object Object]";
}

function isProcessed(value: unknown): value is Processed {
  if (!isPlainObject(value)) return false;
  const context = value.context;
  return isPlainObject(context) && context.mappings instanceof Map && typeof context.clone === "function";
}

/** A small LRU with the get/set API jsonld's ContextResolver expects of its shared cache. */
function boundedCache(max: number): SharedCache {
  const entries = new Map<string, Map<string, unknown>>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > max) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
  };
}
