import { CAIRN_CONTEXT_URL } from "../achievements/achievement-json.ts";

/** The contexts of a CLR 2.0 Cairn signs; Cairn's achievements carry the EU elements, listed again in `achievement`. */
export const CLR_CONTEXTS = [
  "https://www.w3.org/ns/credentials/v2",
  "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
  CAIRN_CONTEXT_URL,
];
