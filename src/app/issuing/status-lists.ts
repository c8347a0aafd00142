import { DomainError } from "../../domain/errors.ts";
import type { StatusList } from "../../domain/types.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { activeSigningKey } from "./issuer-keys.ts";

export const STATUS_LIST_LENGTH = 131_072;
export const STATUS_PUBLISH_JOB = "status.publish";

export const statusListUrl = (deps: AppDeps, id: string) => `${deps.publicUrl}/status-lists/${id}`;

/** Signs the list's current bits as a BitstringStatusListCredential, unless the published copy is current. */
export async function publishStatusList(
  deps: AppDeps,
  r: Repositories,
  listId: string,
): Promise<StatusList | undefined> {
  const list = await r.statusLists.lock(listId);
  if (!list) return undefined;
  if (list.published && list.publishedVersion === list.version) return list;
  const organization = await r.organizations.findById(list.organizationId);
  if (!organization) return undefined;
  const key = await activeSigningKey(deps, r, organization);
  const now = deps.clock();
  const unsigned = deps.credentials.statusListCredential({
    id: statusListUrl(deps, list.id),
    issuer: key.controller,
    purpose: list.purpose,
    bits: list.bits,
    validFrom: now,
  });
  const signed = await deps.credentials.sign(unsigned, key, "ldp", now);
  if (typeof signed === "string") throw new Error("status lists are always Data Integrity credentials");
  await r.statusLists.savePublished(list.id, signed, list.version, now);
  return { ...list, published: signed, publishedVersion: list.version, publishedAt: now };
}

/** The job's work: re-sign after changes. A burst of changes is one signature: later jobs find the list current. */
export const publishStatusListJob = (deps: AppDeps, listId: string): Promise<void> =>
  deps.uow(async (r) => {
    await publishStatusList(deps, r, listId);
  });

/** Public read of a list credential; a list changed since its last signature is signed now rather than served stale. */
export const getStatusListCredential = (deps: AppDeps, listId: string) =>
  deps.uow(async (r) => {
    const list = /^[0-9a-f-]{36}$/.test(listId) ? await r.statusLists.find(listId) : undefined;
    if (!list) throw new DomainError("not_found", "There is no status list at this address.");
    const current =
      list.published && list.publishedVersion === list.version
        ? list
        : await publishStatusList(deps, r, listId);
    if (!current?.published) throw new DomainError("not_found", "There is no status list at this address.");
    return { credential: current.published, version: current.version, publishedAt: current.publishedAt };
  });
