import { z } from "zod";
import { bundledContexts } from "../contexts.ts";
import { asArray, type Check, failed, isRecord, type JsonRecord, passed, type VerifyDeps } from "./types.ts";

const CLR_CREDENTIAL_TYPE = "ClrCredential";
const CREDENTIAL_TYPES = [
  "OpenBadgeCredential",
  "AchievementCredential",
  "EndorsementCredential",
  CLR_CREDENTIAL_TYPE,
];

/** A CLR 2.0 ClrCredential: its subject carries further credentials, each verified on its own. */
export function isClrCredential(credential: JsonRecord): boolean {
  return asArray(credential.type).includes(CLR_CREDENTIAL_TYPE);
}

// The structural core of the OB 3.0 schema (tests also validate issued credentials with the full JSON schema).
const identified = z.object({ id: z.string().min(1) }).loose();
const credentialShape = z
  .object({
    "@context": z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).min(1),
    id: z.string().min(1).optional(),
    type: z.array(z.string()).refine((types) => types.includes("VerifiableCredential"), {
      message: 'type must include "VerifiableCredential"',
    }),
    issuer: z.union([z.string().min(1), identified]),
    validFrom: z.string().optional(),
    issuanceDate: z.string().optional(),
    validUntil: z.string().optional(),
    credentialSubject: z.record(z.string(), z.unknown()),
  })
  .loose()
  .refine((credential) => credential.validFrom !== undefined || credential.issuanceDate !== undefined, {
    message: "validFrom is required",
  });

/**
 * Shape of an OB 3.0 (or CLR 2.0) credential; for JSON-LD also that every context URL is one Cairn can load.
 * Only the structural core is checked here, for both kinds: no JSON schema (the OB 3.0 AchievementCredential
 * schema would reject a ClrCredential).
 */
export function checkFormat(credential: JsonRecord, format: "ldp" | "jwt", deps: VerifyDeps): Check {
  const clr = isClrCredential(credential);
  const kind = clr ? "CLR 2.0 credential" : "Open Badges 3.0 credential";
  const result = credentialShape.safeParse(credential);
  if (!result.success) {
    const issues = result.error.issues.map(
      (issue) => `${issue.path.join(".") || "credential"}: ${issue.message}`,
    );
    const notA = clr ? "Not a valid CLR 2.0 credential" : "Not an Open Badges 3.0 credential";
    return failed("format", `${notA}: ${issues.join("; ")}.`);
  }
  if (!deps.acceptAnyCredential && !result.data.type.some((type) => CREDENTIAL_TYPES.includes(type))) {
    return failed(
      "format",
      `Not an Open Badges 3.0 credential: type must include one of ${CREDENTIAL_TYPES.join(", ")}.`,
    );
  }
  if (format === "ldp") {
    const known = new Set([...bundledContexts().keys(), ...(deps.extraContexts?.keys() ?? [])]);
    const contexts = credential["@context"] as unknown[];
    const unknown = contexts.find((context) => typeof context === "string" && !known.has(context));
    if (typeof unknown === "string") {
      return failed("format", `Unknown JSON-LD context "${unknown}": only bundled contexts are loaded.`);
    }
    if (contexts.some((context) => isRecord(context))) {
      // Inline contexts are allowed by JSON-LD; the proof check's safe-mode canonicalisation still guards terms.
      return passed("format", `${kind} (JSON-LD, with an inline context).`);
    }
  }
  return passed("format", `${kind} (${format === "jwt" ? "VC-JWT" : "JSON-LD"}).`);
}
