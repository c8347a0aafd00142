import { DomainError } from "../../../domain/errors.ts";
import type { StatusPurpose } from "../../../domain/types.ts";
import { STATUS_PUBLISH_JOB } from "../../issuing/status-lists.ts";
import type { AppDeps, Repositories } from "../../ports.ts";

/** The purpose of a credential's one status entry (revocation or suspension). */
export async function statusPurposeOf(
  r: Repositories,
  organizationId: string,
  credentialId: string,
): Promise<StatusPurpose | undefined> {
  const issued = await r.issuedCredentials.find(organizationId, credentialId);
  if (!issued?.statusListId) return undefined;
  return (await r.statusLists.find(issued.statusListId))?.purpose;
}

/**
 * Sets or clears a credential's status bit in the caller's transaction and returns the list to re-sign
 * (undefined when the bit already had that value). The caller queues one publish job per list.
 */
export async function setStatusBitIn(
  deps: AppDeps,
  r: Repositories,
  organizationId: string,
  credentialId: string,
  value: boolean,
): Promise<{ listId: string; purpose: StatusPurpose; changed: boolean }> {
  const issued = await r.issuedCredentials.find(organizationId, credentialId);
  if (!issued?.statusListId || issued.statusIndex === null) {
    throw new DomainError(
      "no_status_entry",
      "This credential was issued without a status entry, so its status cannot change.",
    );
  }
  const list = await r.statusLists.lock(issued.statusListId);
  if (!list) throw new DomainError("credential_not_found", "The credential's status list is gone.");
  const current = deps.credentials.getStatusBit(list.bits, issued.statusIndex);
  if (current !== value) {
    await r.statusLists.saveBits(
      list.id,
      deps.credentials.withStatusBit(list.bits, issued.statusIndex, value),
      list.version + 1,
    );
  }
  return { listId: list.id, purpose: list.purpose, changed: current !== value };
}

/** Queues the re-signing of each changed list once, in the caller's transaction. */
export async function publishLists(r: Repositories, listIds: Iterable<string>): Promise<void> {
  for (const statusListId of new Set(listIds)) await r.jobs.send(STATUS_PUBLISH_JOB, { statusListId });
}
