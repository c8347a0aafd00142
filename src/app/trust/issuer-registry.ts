import { DomainError } from "../../domain/errors.ts";
import { notFound } from "../../domain/rules.ts";
import {
  type AccreditationView,
  accreditationState,
  isActiveAccreditation,
} from "../../domain/trust/accreditation.ts";
import type { Organization } from "../../domain/types.ts";
import type { AppDeps, PublishedAchievement, Repositories } from "../ports.ts";

export type PublishedMicroCredential = Omit<PublishedAchievement, "organizationId">;

export type RegistryEntry = {
  organization: Organization;
  did: string;
  published: PublishedMicroCredential[];
  /** Active accreditations of the issuer or of one of its micro-credentials. */
  accreditations: AccreditationView[];
};

const publishedOf = async (r: Repositories, organizationId: string): Promise<PublishedMicroCredential[]> =>
  (await r.achievements.listPublished([organizationId])).map(({ organizationId: _, ...p }) => p);

/** Every issuer on this Cairn (an organization with a published micro-credential) and every accreditation body. */
export async function registryIn(deps: AppDeps, r: Repositories): Promise<RegistryEntry[]> {
  const now = deps.clock();
  const organizations = await r.organizations.listAll();
  const all = await r.accreditations.forIssuers(organizations.map((o) => o.id));
  const published = await r.achievements.listPublished();
  const entries = organizations.map((organization) => ({
    organization,
    did: deps.credentials.organizationDid(organization.slug),
    published: published.flatMap(({ organizationId, ...p }) =>
      organizationId === organization.id ? [p] : [],
    ),
    accreditations: all.filter((a) => a.issuerId === organization.id && isActiveAccreditation(a, now)),
  }));
  return entries
    .filter((e) => e.published.length > 0 || e.organization.accreditorSince)
    .sort((a, b) => a.organization.name.localeCompare(b.organization.name));
}

/** The public registry, optionally narrowed by a name or DID and to accredited issuers. */
export const listIssuerRegistry = (deps: AppDeps, filter: { q?: string | undefined; accredited?: boolean }) =>
  deps.uow(async (r) => {
    const q = filter.q?.trim().toLowerCase();
    return (await registryIn(deps, r)).filter(
      (e) =>
        (!q || e.organization.name.toLowerCase().includes(q) || e.did.toLowerCase().includes(q)) &&
        (!filter.accredited || e.accreditations.length > 0),
    );
  });

/** One issuer's public page: its DID, micro-credentials, every accreditation (with state), and those it granted. */
export const issuerRegistryEntry = (deps: AppDeps, slug: string) =>
  deps.uow(async (r) => {
    const organization = await r.organizations.findBySlug(slug);
    if (!organization) throw notFound("organization");
    const now = deps.clock();
    const history = await r.accreditations.forIssuers([organization.id]);
    const granted = organization.accreditorSince ? await r.accreditations.byAccreditor(organization.id) : [];
    const published = await publishedOf(r, organization.id);
    const state = (a: AccreditationView) => ({ ...a, state: accreditationState(a, now) });
    return {
      organization,
      did: deps.credentials.organizationDid(organization.slug),
      published,
      history: history.map(state),
      granted: granted.map(state),
    };
  });

/** An accreditation's signed EndorsementCredential, public like every credential. */
export const endorsementDocument = (deps: AppDeps, accreditationId: string) =>
  deps.uow(async (r) => {
    const accreditation = await r.accreditations.find(accreditationId);
    const stored =
      accreditation &&
      (await r.issuedCredentials.find(accreditation.accreditorId, accreditation.credentialId));
    if (!stored) throw new DomainError("accreditation_not_found", "No such accreditation.");
    return stored.document;
  });
