import { CAIRN_CONTEXT_URL } from "../../domain/achievements/achievement-json.ts";
import { DomainError } from "../../domain/errors.ts";
import { hashedEmailIdentity } from "../../domain/open-badges/identity-hash.ts";
import { componentsOf } from "../../domain/pathways/tree.ts";
import { subjectOf } from "../../domain/wallet/credential-display.ts";
import { issuingSession } from "../issuing/issuing-session.ts";
import type { AppDeps } from "../ports.ts";
import { heldDocumentIn } from "../wallet/held-document.ts";
import { pathwayIn } from "./pathway-progress.ts";

const CLR_CONTEXTS = [
  "https://www.w3.org/ns/credentials/v2",
  "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
  CAIRN_CONTEXT_URL,
];
const association = (associationType: string, sourceId: string, targetId: string) => ({
  type: "Association",
  associationType,
  sourceId,
  targetId,
});

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
    const wanted = new Set([...stacked.componentCredentialIds]);
    const entries = await r.wallet.list(userId);
    const documents = [];
    for (const entry of entries) {
      const document = await heldDocumentIn(r, entry);
      const id = document?.credential?.id;
      if (document && (entry.awardId === stacked.awardId || (typeof id === "string" && wanted.has(id)))) {
        documents.push(document);
      }
    }
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
