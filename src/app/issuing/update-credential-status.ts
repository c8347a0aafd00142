import { DomainError } from "../../domain/errors.ts";
import type { Actor, Organization } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { STATUS_PUBLISH_JOB } from "./status-lists.ts";

/**
 * Sets or clears a credential's status bit (revoked, or suspended, by the purpose of its entry) and queues
 * the re-signing of its list in the same transaction.
 */
export const updateCredentialStatus = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  input: { credentialId: string; set: boolean },
) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    return setCredentialStatusIn(deps, r, actor, organization, input);
  });

/** The status change itself, inside the caller's transaction, for an organization already authorized. */
export async function setCredentialStatusIn(
  deps: AppDeps,
  r: Repositories,
  actor: Actor,
  organization: Organization,
  input: { credentialId: string; set: boolean },
) {
  const issued = await r.issuedCredentials.find(organization.id, input.credentialId);
  if (!issued)
    throw new DomainError("credential_not_found", "This organization issued no credential with that id.");
  if (!issued.statusListId || issued.statusIndex === null) {
    throw new DomainError(
      "no_status_entry",
      "This credential was issued without a status entry, so its status cannot change.",
    );
  }
  const list = await r.statusLists.lock(issued.statusListId);
  if (!list) throw new DomainError("credential_not_found", "The credential's status list is gone.");
  const current = deps.credentials.getStatusBit(list.bits, issued.statusIndex);
  if (current !== input.set) {
    await r.statusLists.saveBits(
      list.id,
      deps.credentials.withStatusBit(list.bits, issued.statusIndex, input.set),
      list.version + 1,
    );
    await r.jobs.send(STATUS_PUBLISH_JOB, { statusListId: list.id });
    await audit(r, {
      action: input.set
        ? `credential.${list.purpose === "revocation" ? "revoked" : "suspended"}`
        : "credential.reinstated",
      actor,
      organizationId: organization.id,
      subject: issued.id,
      at: deps.clock(),
    });
  }
  return { credentialId: issued.id, purpose: list.purpose, set: input.set };
}
