import { DomainError } from "../../domain/errors.ts";
import type {
  Actor,
  CredentialFormat,
  IssuedCredential,
  Organization,
  StatusPurpose,
} from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { withEndorsements } from "../trust/endorsements.ts";
import { type IssuingSession, issuingSession } from "./issuing-session.ts";
import { statusListUrl } from "./status-lists.ts";

export type IssueInput = {
  credential: Record<string, unknown>;
  options?: { statusPurpose?: StatusPurpose | undefined; format?: CredentialFormat | undefined } | undefined;
  idempotencyKey?: string | undefined;
};
export type IssueResult = {
  credential: Record<string, unknown> | string;
  format: CredentialFormat;
  replayed: boolean;
};

const OPEN_BADGE_TYPES = ["OpenBadgeCredential", "AchievementCredential"];
const xsdNow = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;
const isOpenBadge = (credential: Record<string, unknown>) =>
  ([] as unknown[]).concat(credential.type).some((t) => OPEN_BADGE_TYPES.includes(String(t)));

function issuerFor(credential: Record<string, unknown>, did: string, organization: Organization) {
  const given = credential.issuer;
  const givenId = typeof given === "string" ? given : (given as { id?: unknown } | undefined)?.id;
  if (given !== undefined && givenId !== did) {
    throw new DomainError(
      "issuer_mismatch",
      `This API key issues as ${did}; the credential names another issuer.`,
      {
        "credential.issuer": `Leave it out or set it to ${did}.`,
      },
    );
  }
  if (given !== undefined) return given;
  // Open Badges require the issuer as a Profile object with a name.
  return isOpenBadge(credential)
    ? {
        id: did,
        type: ["Profile"],
        name: organization.name,
        ...(organization.website ? { url: organization.website } : {}),
      }
    : did;
}

const issuedResult = (issued: IssuedCredential): IssueResult => ({
  credential: issued.format === "jwt" ? String(issued.document.jwt) : issued.document,
  format: issued.format,
  replayed: true,
});

/**
 * The VC-API issue operation: completes the credential (issuer, id, validFrom, a status entry), signs it with the
 * organization's active key and keeps a copy. With an idempotency key a retried request returns the first result.
 */
export async function issueCredential(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  input: IssueInput,
): Promise<IssueResult> {
  const requestHash = deps.secrets.digest(
    JSON.stringify(input.credential) + JSON.stringify(input.options ?? {}),
  );
  return deps.uow(async (r: Repositories) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    if (input.idempotencyKey) {
      const earlier = await r.issuedCredentials.findByIdempotencyKey(organization.id, input.idempotencyKey);
      if (earlier && earlier.requestHash !== requestHash) {
        throw new DomainError(
          "idempotency_conflict",
          "This Idempotency-Key was already used for a different credential.",
        );
      }
      if (earlier) return issuedResult(earlier);
    }
    const issued = await signAndStore(deps, r, issuingSession(deps, r, organization), {
      credential: input.credential,
      statusPurpose: input.options?.statusPurpose,
      format: input.options?.format,
      idempotencyKey: input.idempotencyKey,
      requestHash,
    });
    const { id, format, signed } = issued;
    const now = deps.clock();
    await audit(r, {
      action: "credential.issued",
      actor,
      organizationId: organization.id,
      subject: id,
      data: { format },
      at: now,
    });
    return { credential: signed, format, replayed: false };
  });
}

export type SignInput = {
  credential: Record<string, unknown>;
  statusPurpose?: StatusPurpose | undefined;
  format?: CredentialFormat | undefined;
  idempotencyKey?: string | undefined;
  requestHash?: string | undefined;
};

/**
 * Completes, signs and keeps one credential inside the session's transaction: issuer, id, validFrom, a fresh status
 * entry, the proof. Every way of issuing (VC-API, awards, batches) goes through here.
 */
export async function signAndStore(
  deps: AppDeps,
  r: Repositories,
  session: IssuingSession,
  input: SignInput,
) {
  const { organization } = session;
  const now = deps.clock();
  const key = await session.signingKey();
  const id = typeof input.credential.id === "string" ? input.credential.id : `urn:uuid:${deps.newId()}`;
  const completed: Record<string, unknown> = {
    ...input.credential,
    id,
    issuer: issuerFor(input.credential, key.controller, organization),
    validFrom: input.credential.validFrom ?? xsdNow(now),
  };
  // Cairn writes the issuer Profile of an Open Badge, and with it the accreditations that travel with the badge.
  const credential =
    input.credential.issuer === undefined && isOpenBadge(completed)
      ? withEndorsements(completed, await session.endorsements())
      : completed;
  let status: { listId: string; index: number } | undefined;
  if (credential.credentialStatus === undefined) {
    const purpose = input.statusPurpose ?? "revocation";
    status = await session.allocateStatusIndex(purpose, id);
    const { index } = status;
    const listUrl = statusListUrl(deps, status.listId);
    credential.credentialStatus = {
      id: `${listUrl}#${index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: purpose,
      statusListIndex: String(index),
      statusListCredential: listUrl,
    };
  }
  const format = input.format ?? organization.credentialFormat;
  const signed = await deps.credentials.sign(credential, key, format, now);
  await r.issuedCredentials.insert({
    id,
    organizationId: organization.id,
    format,
    document: typeof signed === "string" ? { jwt: signed } : signed,
    statusListId: status?.listId ?? null,
    statusIndex: status?.index ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
    requestHash: input.requestHash ?? null,
    createdAt: now,
  });
  return { id, format, signed };
}
