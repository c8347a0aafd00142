import { DomainError } from "../../domain/errors.ts";
import { notFound } from "../../domain/rules.ts";
import type { IssuerKey, Organization } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import type { AppDeps, Repositories, SigningKeyMaterial } from "../ports.ts";

// The sealed secret is bound to its organization and key id, so a ciphertext copied to another row fails to open.
const sealContext = (organizationId: string, keyId: string) => `${organizationId}#${keyId}`;

async function addKey(
  deps: AppDeps,
  r: Repositories,
  organizationId: string,
  keyId: string,
): Promise<IssuerKey> {
  const pair = await deps.credentials.newKeyPair();
  const key: IssuerKey = {
    organizationId,
    keyId,
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeySealed: deps.credentials.seal(pair.secretKeyMultibase, sealContext(organizationId, keyId)),
    status: "active",
    createdAt: deps.clock(),
    retiredAt: null,
  };
  await r.issuerKeys.insert(key);
  const stored = (await r.issuerKeys.list(organizationId)).find((k) => k.keyId === keyId);
  return stored ?? key;
}

/** The key new credentials are signed with, created on first use for organizations that have none. */
export async function activeSigningKey(
  deps: AppDeps,
  r: Repositories,
  organization: Organization,
): Promise<SigningKeyMaterial> {
  const keys = await r.issuerKeys.list(organization.id);
  const key =
    keys.filter((k) => k.status === "active").at(-1) ??
    (await addKey(deps, r, organization.id, `key-${keys.length + 1}`));
  const did = deps.credentials.organizationDid(organization.slug);
  return {
    id: `${did}#${key.keyId}`,
    controller: did,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: deps.credentials.unseal(key.secretKeySealed, sealContext(organization.id, key.keyId)),
  };
}

/** Adds a new signing key; earlier keys are retired but stay in the DID document so what they signed still verifies. */
export const rotateSigningKey = (
  deps: AppDeps,
  slug: string,
): Promise<{ keyId: string; retired: string[] }> =>
  deps.uow(async (r) => {
    const organization = await r.organizations.findBySlug(slug);
    if (!organization) throw notFound("organization");
    const keys = await r.issuerKeys.list(organization.id);
    const now = deps.clock();
    const retired = keys.filter((k) => k.status === "active").map((k) => k.keyId);
    for (const keyId of retired) await r.issuerKeys.retire(organization.id, keyId, now);
    const key = await addKey(deps, r, organization.id, `key-${keys.length + 1}`);
    await audit(r, {
      action: "organization.key_rotated",
      organizationId: organization.id,
      subject: key.keyId,
      data: { retired },
      at: now,
    });
    return { keyId: key.keyId, retired };
  });

/** The organization's did:web document: public, as verifiers anywhere must read it. */
export const getDidDocument = (deps: AppDeps, slug: string): Promise<Record<string, unknown>> =>
  deps.uow(async (r) => {
    const organization = await r.organizations.findBySlug(slug);
    if (!organization) throw new DomainError("not_found", "There is no issuer at this address.");
    let keys = await r.issuerKeys.list(organization.id);
    if (keys.length === 0) keys = [await addKey(deps, r, organization.id, "key-1")];
    const did = deps.credentials.organizationDid(organization.slug);
    return deps.credentials.didDocument(
      did,
      keys.map((k) => ({ id: k.keyId, publicKeyMultibase: k.publicKeyMultibase, status: k.status })),
    );
  });
