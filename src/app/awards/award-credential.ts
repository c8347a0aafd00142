import { awardCredentialDocument } from "../../domain/awards/award-credential.ts";
import {
  type Award,
  type AwardRequest,
  addMonths,
  isDid,
  normalizedRecipient,
} from "../../domain/awards/award-request.ts";
import type { EarnedParts } from "../../domain/earning/learning-record.ts";
import { DomainError } from "../../domain/errors.ts";
import { hashedEmailIdentity } from "../../domain/open-badges/identity-hash.ts";
import { DAY, later } from "../../domain/rules.ts";
import type { Actor, Organization } from "../../domain/types.ts";
import { achievementUrl, getPublicAchievementIn } from "../achievements/public-achievement.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import { signAndStore } from "../issuing/issue-credential.ts";
import { type IssuingSession, issuingSession } from "../issuing/issuing-session.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { awardMessage } from "../mail/templates.ts";
import { queuePathwayCheck } from "../pathways/pathway-check-queue.ts";
import type { AppDeps, Repositories } from "../ports.ts";

export const CLAIM_LINK_LIFETIME = 90 * DAY;

export type AwardOptions = {
  idempotencyKey: string;
  notify: boolean;
  batchId?: string | undefined;
  replacesAwardId?: string | undefined;
  /** For a stacked credential: the component credentials it rests on, written into its evidence. */
  components?: readonly { id: string; name: string }[] | undefined;
  /** For a credential earned on a learning path: the results, evidence and dates that earned it. */
  earned?: EarnedParts | undefined;
};
export type AwardResult = { award: Award; credential: Record<string, unknown> | string; created: boolean };

/** A published micro-credential ready to award, and the session its credentials are signed in. */
export type AwardTarget = {
  organization: Organization;
  achievementId: string;
  published: Awaited<ReturnType<typeof getPublicAchievementIn>>;
  session: IssuingSession;
  /** Whether this achievement counts towards any pathway: then an award may complete one for its recipient. */
  feedsPathways: boolean;
};

/** Looks up what every award of this micro-credential needs, once per transaction (a batch chunk shares it). */
export async function awardTargetIn(
  deps: AppDeps,
  r: Repositories,
  organization: Organization,
  achievementId: string,
): Promise<AwardTarget> {
  const published = await getPublicAchievementIn(deps, r, achievementId).catch(() => undefined);
  if (
    !published ||
    published.achievement.organizationId !== organization.id ||
    published.achievement.status !== "published"
  ) {
    throw new DomainError(
      "achievement_not_published",
      "Only a published micro-credential of this organization can be awarded.",
    );
  }
  const feedsPathways = (await r.pathways.listContaining([achievementUrl(deps, achievementId)])).length > 0;
  return {
    organization,
    achievementId,
    published,
    session: issuingSession(deps, r, organization),
    feedsPathways,
  };
}

/**
 * The one award use case behind the form, CSV batches and the API. Inside the caller's transaction: finds the award
 * an idempotency key already made, or signs a new credential for the published version, records the award with a
 * claim link, and queues the award mail. Either all of it commits or none.
 */
export async function awardIn(
  deps: AppDeps,
  r: Repositories,
  target: AwardTarget,
  actor: Actor,
  request: AwardRequest,
  options: AwardOptions,
): Promise<AwardResult> {
  const { organization, achievementId, published } = target;
  const version = published.version.version;
  const recipient = normalizedRecipient(request.recipient);
  const earlier = await r.awards.findByKey(achievementId, version, recipient, options.idempotencyKey);
  if (earlier) {
    const stored = await r.issuedCredentials.find(organization.id, earlier.credentialId);
    const credential = stored?.format === "jwt" ? String(stored.document.jwt) : (stored?.document ?? {});
    return { award: earlier, credential, created: false };
  }
  const now = deps.clock();
  const issuedOn = request.issuedOn ?? now;
  const months = published.version.definition.validityMonths;
  const validUntil = request.validUntil ?? (months ? addMonths(issuedOn, months) : undefined);
  const subject = isDid(recipient)
    ? { id: recipient }
    : { identifier: await hashedEmailIdentity(recipient, deps.secrets.token(16)) };
  const document = awardCredentialDocument({
    achievement: published.json,
    subject,
    request,
    issuedOn,
    validUntil,
    components: options.components,
    earned: options.earned,
  });
  const { id: credentialId, signed } = await signAndStore(deps, r, target.session, {
    credential: document,
    statusPurpose: published.version.definition.statusPurpose,
  });
  const claimToken = deps.secrets.token();
  const award: Award = {
    id: deps.newId(),
    organizationId: organization.id,
    achievementId,
    achievementVersion: version,
    recipientKind: isDid(recipient) ? "did" : "email",
    recipient,
    recipientName: request.recipientName ?? null,
    credentialId,
    batchId: options.batchId ?? null,
    idempotencyKey: options.idempotencyKey,
    status: "active",
    statusReason: null,
    issuedAt: now,
    validUntil: validUntil ?? null,
    replacesAwardId: options.replacesAwardId ?? null,
    claimTokenHash: deps.secrets.digest(claimToken),
    claimedAt: null,
    notify: options.notify,
    createdBy: actor.kind === "user" ? actor.userId : null,
    reminderSentAt: null,
  };
  await r.awards.insert(award);
  if (options.notify && award.recipientKind === "email") {
    const url = `${deps.publicUrl}/claim/${claimToken}`;
    await queueMail(
      r,
      `award:${award.id}`,
      awardMessage(
        recipient,
        request.recipientName,
        String(published.json.name),
        organization.name,
        url,
        later(now, CLAIM_LINK_LIFETIME),
      ),
    );
  }
  if (target.feedsPathways && award.recipientKind === "email") await checkRecipientPathways(r, recipient);
  await audit(r, {
    action: "award.issued",
    actor,
    organizationId: organization.id,
    subject: award.id,
    data: {
      achievementId,
      version,
      recipient: award.recipientKind === "did" ? recipient : "(email)",
      credentialId,
      batchId: award.batchId,
    },
    at: now,
  });
  return { award, credential: signed, created: true };
}

/** A learner who already proved this address gets their pathways checked: this award may complete one. */
async function checkRecipientPathways(r: Repositories, email: string) {
  const [user, extra] = await Promise.all([r.users.findByEmail(email), r.wallet.findEmail(email)]);
  const userId = user?.emailVerifiedAt ? user.id : extra?.verifiedAt ? extra.userId : undefined;
  if (userId) await queuePathwayCheck(r, userId);
}

/** One award from the form or the API. */
export const awardCredential = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  achievementId: string,
  request: AwardRequest,
  options: AwardOptions,
) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    const target = await awardTargetIn(deps, r, organization, achievementId);
    return awardIn(deps, r, target, actor, request, options);
  });
