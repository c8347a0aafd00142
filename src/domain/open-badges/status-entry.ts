import type { BitstringStatusEntry } from "./types.ts";

/**
 * The credentialStatus entry pointing at one bit of a status list credential. OB 3.0's schema
 * requires an `id` on credentialStatus; the Bitstring Status List spec suggests `<list>#<index>`.
 */
export function bitstringStatusEntry(
  statusListCredential: string,
  statusListIndex: number,
  statusPurpose: BitstringStatusEntry["statusPurpose"] = "revocation",
): BitstringStatusEntry {
  if (!Number.isSafeInteger(statusListIndex) || statusListIndex < 0) {
    throw new RangeError("statusListIndex must be a non-negative integer.");
  }
  return {
    id: `${statusListCredential}#${statusListIndex}`,
    type: "BitstringStatusListEntry",
    statusPurpose,
    statusListIndex: String(statusListIndex),
    statusListCredential,
  };
}
