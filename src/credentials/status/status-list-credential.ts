import { CREDENTIALS_V2_CONTEXT } from "../contexts.ts";
import { encodeStatusList, type StatusBits } from "./bitstring.ts";

export type StatusPurpose = "revocation" | "suspension";

export type StatusListCredentialInput = {
  /** URL the list is served at (the entries' statusListCredential). */
  id: string;
  issuer: string;
  statusPurpose: StatusPurpose;
  bits: StatusBits;
  validFrom: Date;
  /** Lists are republished; a short validity tells verifiers how long a cached copy may be used. */
  validUntil?: Date;
};

/** The unsigned BitstringStatusListCredential (VC 2.0 context already defines every term). */
export function buildStatusListCredential(input: StatusListCredentialInput): Record<string, unknown> {
  return {
    "@context": [CREDENTIALS_V2_CONTEXT],
    id: input.id,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: input.issuer,
    validFrom: xsd(input.validFrom),
    ...(input.validUntil ? { validUntil: xsd(input.validUntil) } : {}),
    credentialSubject: {
      id: `${input.id}#list`,
      type: "BitstringStatusList",
      statusPurpose: input.statusPurpose,
      encodedList: encodeStatusList(input.bits),
    },
  };
}

function xsd(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
