import { DomainError } from "../../domain/errors.ts";
import type { LearnerKey } from "../../domain/wallet/types.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps, Repositories, SigningKeyMaterial } from "../ports.ts";
import { heldDocumentIn } from "./held-document.ts";

const sealContext = (userId: string) => `learner-key:${userId}`;

/** The learner's did:key, generated the first time it is needed; its secret key is sealed under the master key. */
export async function learnerKeyIn(deps: AppDeps, r: Repositories, userId: string): Promise<LearnerKey> {
  const existing = await r.wallet.findKey(userId);
  if (existing) return existing;
  const pair = await deps.credentials.newKeyPair();
  const key: LearnerKey = {
    userId,
    did: deps.credentials.didKey(pair.publicKeyMultibase),
    publicKeyMultibase: pair.publicKeyMultibase,
    sealedSecretKey: deps.credentials.seal(pair.secretKeyMultibase, sealContext(userId)),
    createdAt: deps.clock(),
  };
  await r.wallet.insertKey(key);
  await audit(r, {
    action: "user.did_created",
    actor: userActor(userId),
    subject: key.did,
    at: key.createdAt,
  });
  // A concurrent first request may have won the insert: the stored key is the one.
  return (await r.wallet.findKey(userId)) ?? key;
}

export const learnerDid = (deps: AppDeps, userId: string) => deps.uow((r) => learnerKeyIn(deps, r, userId));

/** The learner's key, unsealed, to sign what they present or assemble. */
export const learnerSigningKey = (deps: AppDeps, key: LearnerKey): SigningKeyMaterial => ({
  id: `${key.did}#${key.publicKeyMultibase}`,
  controller: key.did,
  publicKeyMultibase: key.publicKeyMultibase,
  secretKeyMultibase: deps.credentials.unseal(key.sealedSecretKey, sealContext(key.userId)),
});

/** The learner's key pair as a Multikey document, to take their DID to another wallet. */
export const exportLearnerKey = (deps: AppDeps, userId: string) =>
  deps.uow(async (r) => {
    const key = await learnerKeyIn(deps, r, userId);
    const material = learnerSigningKey(deps, key);
    await audit(r, {
      action: "user.did_exported",
      actor: userActor(userId),
      subject: key.did,
      at: deps.clock(),
    });
    return {
      "@context": ["https://w3id.org/security/multikey/v1"],
      type: "Multikey",
      ...material,
    };
  });

/**
 * A verifiable presentation of the chosen credentials (all Data Integrity ones when none is chosen), held and signed
 * by the learner's did:key, so a verifier sees both the issuers' proofs and that the holder presented them.
 */
export const signedPresentation = (
  deps: AppDeps,
  userId: string,
  options: { itemIds?: readonly string[]; challenge?: string | undefined; domain?: string | undefined } = {},
) =>
  deps.uow(async (r) => {
    const key = await learnerKeyIn(deps, r, userId);
    const entries = (await r.wallet.list(userId)).filter(
      (e) =>
        e.kind === "ob3" &&
        e.format === "ldp" &&
        (!options.itemIds?.length || options.itemIds.includes(e.id)),
    );
    const documents = await Promise.all(entries.map((entry) => heldDocumentIn(r, entry)));
    const credentials = documents.flatMap((d) => (d && typeof d.signed === "object" ? [d.signed] : []));
    if (credentials.length === 0) {
      throw new DomainError("not_found", "There is no Data Integrity credential to present.");
    }
    const now = deps.clock();
    const id = `urn:uuid:${deps.newId()}`;
    const presentation = {
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      id,
      type: ["VerifiablePresentation"],
      holder: key.did,
      verifiableCredential: credentials,
    };
    // With no verifier's challenge (a download to hand over later), the presentation's own id stands in for one.
    return deps.credentials.signPresentation(presentation, learnerSigningKey(deps, key), {
      now,
      challenge: options.challenge || id,
      domain: options.domain,
    });
  });
