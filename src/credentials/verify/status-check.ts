import { decodeStatusList, getStatusBit } from "../status/bitstring.ts";
import {
  asArray,
  type Check,
  errorMessage,
  failed,
  isRecord,
  issuerIdOf,
  type JsonRecord,
  passed,
  skipped,
  type VerifyDeps,
} from "./types.ts";

/** Verifies a fetched status list credential's proof and validity; returns a failure message or undefined. */
export type ListVerifier = (list: unknown) => Promise<{ credential?: JsonRecord; problem?: string }>;

/** Revocation / suspension through BitstringStatusListEntry and 1EdTechRevocationList entries. */
export async function checkStatus(
  credential: JsonRecord,
  deps: VerifyDeps,
  verifyList: ListVerifier,
): Promise<Check> {
  const entries = asArray(credential.credentialStatus);
  if (entries.length === 0) return skipped("status", "The credential has no credentialStatus.");
  if (!deps.fetchStatusList)
    return failed("status", "The credential has a status but no status fetcher is configured.");
  const notes: string[] = [];
  for (const entry of entries) {
    if (!isRecord(entry)) return failed("status", "credentialStatus entries must be objects.");
    try {
      const problem =
        entry.type === "BitstringStatusListEntry"
          ? await bitstringProblem(entry, credential, deps, verifyList)
          : entry.type === "1EdTechRevocationList"
            ? await revocationListProblem(entry, credential, deps)
            : `Unsupported credentialStatus type "${String(entry.type)}".`;
      if (problem) return failed("status", problem);
      notes.push(`${String(entry.type)} ${String(entry.statusPurpose ?? "revocation")}: clear`);
    } catch (error) {
      return failed("status", `Could not check status: ${errorMessage(error)}`);
    }
  }
  return passed("status", `${notes.join("; ")}.`);
}

async function bitstringProblem(
  entry: JsonRecord,
  credential: JsonRecord,
  deps: VerifyDeps,
  verifyList: ListVerifier,
): Promise<string | undefined> {
  const url = entry.statusListCredential;
  const index = Number(entry.statusListIndex);
  if (typeof url !== "string" || !Number.isSafeInteger(index) || index < 0)
    return "Malformed BitstringStatusListEntry.";
  const { credential: list, problem } = await verifyList(await deps.fetchStatusList?.(url));
  if (problem || !list) return `Status list ${url}: ${problem ?? "unreadable"}.`;
  if (issuerIdOf(list) !== issuerIdOf(credential)) return `Status list ${url} has another issuer.`;
  const subject = list.credentialSubject;
  if (!isRecord(subject) || typeof subject.encodedList !== "string")
    return `Status list ${url} has no encodedList.`;
  if (subject.statusPurpose !== entry.statusPurpose) {
    return `Status list ${url} is for "${String(subject.statusPurpose)}", the entry for "${String(entry.statusPurpose)}".`;
  }
  const bits = decodeStatusList(subject.encodedList);
  if (index >= bits.length * 8) return `Status index ${index} is outside the list ${url}.`;
  if (!getStatusBit(bits, index)) return undefined;
  return entry.statusPurpose === "suspension"
    ? "The credential is suspended."
    : "The credential has been revoked.";
}

async function revocationListProblem(
  entry: JsonRecord,
  credential: JsonRecord,
  deps: VerifyDeps,
): Promise<string | undefined> {
  if (typeof entry.id !== "string") return "1EdTechRevocationList entry has no id.";
  const list = await deps.fetchStatusList?.(entry.id);
  if (!isRecord(list) || !Array.isArray(list.revokedCredentials))
    return `Revocation list ${entry.id} is unreadable.`;
  const revoked = list.revokedCredentials.some(
    (item) => item === credential.id || (isRecord(item) && item.id === credential.id),
  );
  return revoked ? "The credential has been revoked (1EdTech revocation list)." : undefined;
}
