/** An accreditor's finding on one of its quality criteria. */
export type CriterionFinding = { criterion: string; met: boolean };

/** An accreditor's review of an issuer, or of one of its micro-credentials, published as an EndorsementCredential. */
export type Accreditation = {
  id: string;
  accreditorId: string;
  issuerId: string;
  achievementId: string | null;
  criteria: CriterionFinding[];
  comment: string;
  credentialId: string;
  validFrom: Date;
  validUntil: Date;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  createdBy: string | null;
  createdAt: Date;
};

/** An accreditation with the names a reader needs. */
export type AccreditationView = Accreditation & {
  accreditorName: string;
  accreditorSlug: string;
  issuerName: string;
  issuerSlug: string;
};

export type AccreditationState = "active" | "expired" | "withdrawn" | "not-yet-valid";

export function accreditationState(accreditation: Accreditation, now: Date): AccreditationState {
  if (accreditation.withdrawnAt) return "withdrawn";
  if (now < accreditation.validFrom) return "not-yet-valid";
  return now < accreditation.validUntil ? "active" : "expired";
}

export const isActiveAccreditation = (accreditation: Accreditation, now: Date) =>
  accreditationState(accreditation, now) === "active";

/** How a verifier should regard a credential's issuer, from this Cairn's registry. */
export type IssuerTrust =
  | {
      level: "accredited" | "registered";
      issuerName: string;
      issuerSlug: string;
      /** Active accreditations of the issuer, or of the credential's micro-credential. */
      accreditations: { by: string; until: Date; scope: "issuer" | "achievement" }[];
      /** Accreditations that no longer hold, so a verifier sees that one lapsed. */
      lapsed: { by: string; state: "expired" | "withdrawn"; at: Date }[];
    }
  | { level: "impostor"; claimedName: string; imitated: string; imitatedDid: string }
  | { level: "unknown" };
