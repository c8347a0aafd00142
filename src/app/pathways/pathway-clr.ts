import { DomainError } from "../../domain/errors.ts";
import { CLR_CONTEXTS } from "../../domain/open-badges/clr-contexts.ts";
import { hashedEmailIdentity } from "../../domain/open-badges/identity-hash.ts";
import type { PathwayAward } from "../../domain/pathways/stored-pathway.ts";
import { componentsOf } from "../../domain/pathways/tree.ts";
import { credentialOfStored, subjectOf } from "../../domain/wallet/credential-display.ts";
import { issuingSession } from "../issuing/issuing-session.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { type HeldDocument, heldDocumentIn } from "../wallet/held-document.ts";
import { pathwayIn } from "./pathway-progress.ts";

const association = (associationType: string, sourceId: string, targetId: string) => ({
  type: "Association",
  associationType,
  sourceId,
  targetId,
});

/**
 * The credentials a pathway record may carry: the stacked credential and each component it rests on, once each.
 * Cairn credentials come from their issuers' records (never a wallet copy); an imported one only if it names this
 * learner and passed every check, since the organization signs the record that carries it.
 */
async function recordDocumentsIn(
  r: Repositories,
  organizationId: string,
  userId: string,
  stacked: PathwayAward,
): Promise<HeldDocument[]> {
  const stackedAward = await r.awards.find(organizationId, stacked.awardId);
  const ids = [
    ...new Set([...(stackedAward ? [stackedAward.credentialId] : []), ...stacked.componentCredentialIds]),
  ];
  const imports = (await r.wallet.list(userId)).filter(
    (e) =>
      !e.awardId && e.subjectMatches === true && (e.importChecks ?? []).every((c) => c.status !== "failed"),
  );
  const documents: HeldDocument[] = [];
  for (const id of ids) {
    const award = await r.awards.findByCredential(id);
    const issued = award && (await r.issuedCredentials.find(award.organizationId, award.credentialId));
    if (issued) {
      const signed = typeof issued.document.jwt === "string" ? issued.document.jwt : issued.document;
      documents.push({ signed, credential: credentialOfStored(issued.document) });
      continue;
    }
    for (const entry of imports) {
      const document = await heldDocumentIn(r, entry);
      if (document && document.credential?.id === id) {
        documents.push(document);
        break;
      }
    }
  }
  return documents;
}

/**
 * The learner's CLR 2.0 for a completed pathway, issued and signed by the pathway's organization: the stacked
 * credential and the component credentials it rests on exactly as their issuers signed them (a VC-JWT enveloped),
 * every achievement, and how they relate: each component `isPartOf` the stacked achievement, the pathway's order as
 * `precedes`, and recognized equivalents as `exactMatchOf`.
 */
export const pathwayClr = (deps: AppDeps, achievementId: string, userId: string) =>
  deps.uow(async (r) => {
    const { stored, organization, name } = await pathwayIn(r, achievementId);
    const stacked = await r.pathways.findAward(achievementId, userId);
    const user = await r.users.findById(userId);
    if (!stacked || !user) throw new DomainError("not_found", "You have not completed this pathway yet.");
    const documents = await recordDocumentsIn(r, organization.id, userId, stacked);
    const verifiableCredential = documents.map((d) =>
      typeof d.signed === "string"
        ? {
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            id: `data:application/vc+jwt,${d.signed}`,
            type: "EnvelopedVerifiableCredential",
          }
        : d.signed,
    );
    const achievements = documents.flatMap((d) => {
      const achievement = d.credential ? subjectOf(d.credential)?.achievement : undefined;
      return typeof achievement === "object" && achievement !== null ? [achievement] : [];
    });
    const parent = `${deps.publicUrl}/achievements/${achievementId}`;
    const components = componentsOf(stored.pathway.requirements).map((c) => c.node);
    const byComponent = new Map(components.map((c) => [c.componentId, c.achievementId]));
    const recognitions = await r.pathways.recognitions(organization.id);
    const associations = [
      ...components.map((c) => association("isPartOf", c.achievementId, parent)),
      ...(stored.pathway.order ?? []).flatMap(([before, after]) => {
        const [source, target] = [byComponent.get(before), byComponent.get(after)];
        return source && target ? [association("precedes", source, target)] : [];
      }),
      ...recognitions.map((x) =>
        association(
          "exactMatchOf",
          x.externalAchievementId,
          `${deps.publicUrl}/achievements/${x.ownAchievementId}`,
        ),
      ),
    ];
    const now = deps.clock();
    const subject = user.emailVerifiedAt
      ? { identifier: [await hashedEmailIdentity(user.email, deps.secrets.token(16))] }
      : {};
    const clr = {
      "@context": CLR_CONTEXTS,
      id: `urn:uuid:${deps.newId()}`,
      type: ["VerifiableCredential", "ClrCredential"],
      name: `${name}: learner record of ${user.name}`,
      description: `The credentials that stack into ${name}, as their issuers signed them.`,
      issuer: {
        id: deps.credentials.organizationDid(organization.slug),
        type: ["Profile"],
        name: organization.name,
      },
      validFrom: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
      credentialSubject: {
        type: ["ClrSubject"],
        ...subject,
        verifiableCredential,
        achievement: achievements,
        association: associations,
      },
    };
    const key = await issuingSession(deps, r, organization).signingKey();
    return deps.credentials.sign(clr, key, "ldp", now);
  });
