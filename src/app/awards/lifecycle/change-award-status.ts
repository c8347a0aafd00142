import type { Award, AwardStatus } from "../../../domain/awards/award-request.ts";
import { DomainError } from "../../../domain/errors.ts";
import type { Actor, Organization, StatusPurpose } from "../../../domain/types.ts";
import { audit } from "../../audit.ts";
import { authorizeOrganization } from "../../authorize.ts";
import { COMPONENT_LAPSED_JOB } from "../../pathways/pathway-check-queue.ts";
import type { AppDeps, Repositories } from "../../ports.ts";
import type { LifecycleAction, StatusChange } from "./inputs.ts";
import { publishLists, setStatusBitIn, statusPurposeOf } from "./status-bit.ts";

const who = (award: Award) => award.recipientName ?? award.recipient;

/**
 * What an action does to an award, given the purpose of its credential's one status entry. Revocable credentials
 * can only be revoked; suspendable ones can be suspended and unsuspended, and revoking one is a permanent
 * suspension that Cairn refuses to lift.
 */
function transition(
  award: Award,
  action: LifecycleAction,
  purpose: StatusPurpose,
): { status: AwardStatus; bit: boolean } {
  const conflict = (message: string) =>
    new DomainError("award_status_conflict", `The award to ${who(award)} ${message}`);
  if (award.status === "revoked") throw conflict("is revoked; a revoked award cannot change again.");
  if (action === "revoke") return { status: "revoked", bit: true };
  if (purpose === "revocation") {
    throw new DomainError(
      "suspension_not_supported",
      `The award to ${who(award)} can only be revoked: its micro-credential was defined as revocable, not suspendable.`,
    );
  }
  if (action === "suspend") {
    if (award.status === "suspended") throw conflict("is already suspended.");
    return { status: "suspended", bit: true };
  }
  if (award.status !== "suspended") throw conflict("is not suspended.");
  return { status: "active", bit: false };
}

const PAST = { revoke: "revoked", suspend: "suspended", unsuspend: "unsuspended" } as const;

/**
 * Revokes, suspends or unsuspends one award or many, all in one transaction: each award's status and reason,
 * its credential's status bit, one re-signing job per changed list and an audit event with before and after.
 * Any refused award refuses the whole change.
 */
export const changeAwardStatus = (deps: AppDeps, actor: Actor, slug: string, change: StatusChange) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    return changeAwardStatusIn(deps, r, organization, actor, change);
  });

/** The status change inside the caller's transaction, for an organization the caller is entitled to act for. */
export async function changeAwardStatusIn(
  deps: AppDeps,
  r: Repositories,
  organization: Organization,
  actor: Actor,
  change: StatusChange,
) {
  const now = deps.clock();
  const lists: string[] = [];
  const changed: Award[] = [];
  for (const awardId of change.awardIds) {
    const award = await r.awards.find(organization.id, awardId);
    if (!award) throw new DomainError("award_not_found", "This organization has no such award.");
    const purpose = await statusPurposeOf(r, organization.id, award.credentialId);
    if (!purpose) {
      throw new DomainError(
        "no_status_entry",
        `The award to ${who(award)} has no status entry, so its status cannot change.`,
      );
    }
    const next = transition(award, change.action, purpose);
    const result = await setStatusBitIn(deps, r, organization.id, award.credentialId, next.bit);
    if (result.changed) lists.push(result.listId);
    const after = { status: next.status, statusReason: change.reason };
    await r.awards.update(award.id, after);
    await audit(r, {
      action: `award.${PAST[change.action]}`,
      actor,
      organizationId: organization.id,
      subject: award.id,
      data: {
        credentialId: award.credentialId,
        reason: change.reason,
        bulk: change.awardIds.length > 1,
        before: { status: award.status, statusReason: award.statusReason },
        after,
      },
      at: now,
    });
    changed.push({ ...award, ...after });
    // A stacked credential resting on this one learns of it; its pathway's policy decides what happens.
    if (next.bit && (await r.pathways.awardsResting(award.credentialId)).length > 0) {
      await r.jobs.send(COMPONENT_LAPSED_JOB, { credentialId: award.credentialId });
    }
  }
  await publishLists(r, lists);
  return { organization, awards: changed };
}
