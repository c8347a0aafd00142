import { DomainError } from "../../domain/errors.ts";
import { YEAR } from "../../domain/rules.ts";
import type { Accreditation } from "../../domain/trust/accreditation.ts";
import type { Actor, Organization } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import { signAndStore } from "../issuing/issue-credential.ts";
import { issuingSession } from "../issuing/issuing-session.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { type AccreditationInput, MAX_ACCREDITATION_YEARS } from "./accreditation-input.ts";

const CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
const OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
const xsd = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** The accreditation body the actor works for: an organization a platform admin made an accreditor. */
export async function accreditorFor(r: Repositories, actor: Actor, slug: string): Promise<Organization> {
  const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
  if (!organization.accreditorSince) {
    throw new DomainError(
      "not_an_accreditor",
      "This organization is not an accreditation body. A platform admin can grant it the accreditor role.",
    );
  }
  return organization;
}

function validUntilOf(input: AccreditationInput, now: Date): Date {
  const until = new Date(`${input.validUntil}T23:59:59Z`);
  if (until.getTime() <= now.getTime() || until.getTime() - now.getTime() > MAX_ACCREDITATION_YEARS * YEAR) {
    throw new DomainError("validation_failed", "Some fields need attention.", {
      validUntil: `Choose a date after today and within ${MAX_ACCREDITATION_YEARS} years.`,
    });
  }
  return until;
}

/**
 * Records an accreditor's review of an issuer (or one of its published micro-credentials) and, when every criterion
 * is met, issues the OB 3.0 EndorsementCredential that carries it: signed with the accreditor's key, revocable, and
 * embedded from then on in the issuer's credentials.
 */
export const accredit = (deps: AppDeps, actor: Actor, accreditorSlug: string, input: AccreditationInput) =>
  deps.uow(async (r) => {
    const accreditor = await accreditorFor(r, actor, accreditorSlug);
    const issuer = await r.organizations.findBySlug(input.issuer);
    if (!issuer) {
      throw new DomainError("validation_failed", "Some fields need attention.", {
        issuer: "Choose an issuer from the registry.",
      });
    }
    if (issuer.id === accreditor.id) {
      throw new DomainError("self_accreditation", "An accreditation body cannot accredit itself.");
    }
    const now = deps.clock();
    const validUntil = validUntilOf(input, now);
    // `met` holds the positions of the ticked lines as the form sent them, blank lines included.
    const criteria = input.criteria
      .map((criterion, i) => ({ criterion, met: input.met.includes(i) }))
      .filter((c) => c.criterion !== "");
    if (criteria.length === 0) {
      throw new DomainError("validation_failed", "Some fields need attention.", {
        criteria: "List the quality criteria you reviewed.",
      });
    }
    const unmet = criteria.filter((c) => !c.met);
    if (unmet.length > 0) {
      throw new DomainError(
        "criteria_not_met",
        `An accreditation needs every criterion met; not met: ${unmet.map((c) => c.criterion).join("; ")}.`,
      );
    }
    let achievement: { id: string; url: string; name: string } | undefined;
    if (input.achievementId) {
      const found = await r.achievements.find(issuer.id, input.achievementId);
      const version = found?.publishedVersion
        ? await r.achievements.version(found.id, found.publishedVersion)
        : undefined;
      if (found?.status !== "published" || !version) {
        throw new DomainError("validation_failed", "Some fields need attention.", {
          achievementId: "Choose one of the issuer's published micro-credentials.",
        });
      }
      achievement = {
        id: found.id,
        url: `${deps.publicUrl}/achievements/${found.id}`,
        name: version.definition.name,
      };
    }
    const subjectName = achievement ? `${achievement.name} (${issuer.name})` : issuer.name;
    const accreditorDid = deps.credentials.organizationDid(accreditor.slug);
    const { id: credentialId } = await signAndStore(deps, r, issuingSession(deps, r, accreditor), {
      credential: {
        "@context": [CREDENTIALS_V2, OPEN_BADGES_V3],
        type: ["VerifiableCredential", "EndorsementCredential"],
        name: `${accreditor.name} accredits ${subjectName}`,
        description: `Reviewed against: ${criteria.map((c) => c.criterion).join("; ")}.`,
        issuer: { id: accreditorDid, type: ["Profile"], name: accreditor.name },
        validFrom: xsd(now),
        validUntil: xsd(validUntil),
        credentialSubject: {
          id: achievement?.url ?? deps.credentials.organizationDid(issuer.slug),
          type: ["EndorsementSubject"],
          endorsementComment: input.comment,
        },
      },
      statusPurpose: "revocation",
      format: "ldp",
    });
    const accreditation: Accreditation = {
      id: deps.newId(),
      accreditorId: accreditor.id,
      issuerId: issuer.id,
      achievementId: achievement?.id ?? null,
      criteria,
      comment: input.comment,
      credentialId,
      validFrom: now,
      validUntil,
      withdrawnAt: null,
      withdrawnReason: null,
      createdBy: actor.kind === "user" ? actor.userId : null,
      createdAt: now,
    };
    await r.accreditations.insert(accreditation);
    await audit(r, {
      action: "accreditation.granted",
      actor,
      organizationId: accreditor.id,
      subject: accreditation.id,
      data: {
        issuer: issuer.slug,
        achievementId: achievement?.id ?? null,
        validUntil: validUntil.toISOString(),
      },
      at: now,
    });
    return accreditation;
  });
