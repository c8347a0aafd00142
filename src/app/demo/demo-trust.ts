import { YEAR } from "../../domain/rules.ts";
import type { Actor } from "../../domain/types.ts";
import type { AppDeps } from "../ports.ts";
import { accredit } from "../trust/accredit.ts";

const AGENCY = {
  slug: "qamc",
  name: "Quality Agency for Micro-credentials",
  website: "https://www.qamc.test",
  contactEmail: "reviews@qamc.test",
  country: "BE",
  region: "Brussels",
  description:
    "An independent agency that reviews micro-credential providers against the ESG and the EU elements.",
};

/**
 * An accreditation body (owned by `ownerEmail`, granted the role as a platform admin would) that has accredited the
 * demo issuer, so the demo's credentials carry its endorsement and verify as from an accredited issuer.
 */
export async function seedDemoAccreditation(deps: AppDeps, issuerSlug: string, ownerEmail: string) {
  const now = deps.clock();
  const owner = await deps.uow(async (r) => {
    const user = await r.users.findByEmail(ownerEmail);
    if (!user) return undefined;
    let agency = await r.organizations.findBySlug(AGENCY.slug);
    if (!agency) {
      agency = {
        id: deps.newId(),
        ...AGENCY,
        hasLogo: false,
        accreditorSince: now,
        credentialFormat: "ldp",
        createdAt: now,
        updatedAt: now,
      };
      await r.organizations.insert(agency);
      await r.memberships.insert({
        organizationId: agency.id,
        userId: user.id,
        role: "owner",
        createdAt: now,
      });
    }
    const issuer = await r.organizations.findBySlug(issuerSlug);
    const granted = issuer ? await r.accreditations.forIssuers([issuer.id]) : [];
    return granted.some((a) => a.accreditorId === agency.id && !a.withdrawnAt && a.validUntil > now)
      ? undefined
      : user;
  });
  if (!owner) return;
  const actor: Actor = { kind: "user", userId: owner.id, isPlatformAdmin: false };
  await accredit(deps, actor, AGENCY.slug, {
    issuer: issuerSlug,
    achievementId: undefined,
    criteria: [
      "Learning outcomes are stated and each is assessed",
      "Assessment is valid, reliable and matches the stated type",
      "Workload and level (EQF) are stated and plausible",
      "Quality assurance of design and delivery is documented",
    ],
    met: [0, 1, 2, 3],
    comment:
      "Institutional review of the micro-credential portfolio: programme documents, assessment samples and the internal quality assurance cycle meet the agency's standards.",
    validUntil: new Date(now.getTime() + 3 * YEAR).toISOString().slice(0, 10),
  });
}

/**
 * A credential signed by someone else (a fresh did:key) under a name that imitates the demo issuer's: pasted into
 * /verify, it is flagged as an impostor although its signature is valid.
 */
export async function demoImpostorCredential(deps: AppDeps, genuine: Record<string, unknown>, name: string) {
  const pair = await deps.credentials.newKeyPair();
  const did = deps.credentials.didKey(pair.publicKeyMultibase);
  const { proof: _, credentialStatus: __, issuer: ___, ...unsigned } = genuine;
  return deps.credentials.sign(
    { ...unsigned, id: `urn:uuid:${deps.newId()}`, issuer: { id: did, type: ["Profile"], name } },
    { ...pair, id: `${did}#${pair.publicKeyMultibase}`, controller: did },
    "ldp",
    deps.clock(),
  );
}
