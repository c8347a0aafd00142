import type { VerificationResult } from "../verify/types.ts";

// What a learner wallet gets back from importing "anything": an OB 3.0 or CLR 2.0 credential, or an
// Open Badges 2.0 assertion (hosted or signed), with the checks that were run and what to show.

export type ImportedKind = "ob3" | "clr" | "ob2";
export type ImportFormat = "ldp" | "jwt" | "ob2-hosted" | "ob2-signed";
export type ImportCheck = { id: string; status: "passed" | "failed" | "skipped"; message: string };

export type ImportedRecipient = { identity: string; hashed: boolean; salt?: string; type: string };

export type ImportDisplay = {
  name: string;
  description?: string;
  issuerName?: string;
  issuerId?: string;
  image?: string;
  issuedOn?: string;
  expiresOn?: string;
  recipient?: ImportedRecipient | undefined;
  subjectId?: string;
  /** For a CLR: each embedded achievement. */
  achievements?: { name: string; description?: string }[];
};

export type ImportResult =
  | {
      ok: true;
      kind: ImportedKind;
      format: ImportFormat;
      verified: boolean;
      checks: ImportCheck[];
      /** What to store: the JSON object, or the compact JWT/JWS string. */
      original: string | Record<string, unknown>;
      display: ImportDisplay;
    }
  | { ok: false; message: string };

export type ImportSuccess = Extract<ImportResult, { ok: true }>;

export type ImportDeps = {
  verifier: {
    verify(input: unknown, options?: { acceptAnyCredential?: boolean }): Promise<VerificationResult>;
  };
  /** Fetches JSON from a URL (the wallet passes a guarded, size- and time-limited fetch); may throw. */
  fetchJson: (url: string) => Promise<unknown>;
  now: () => Date;
};
