// The ports of the employer and quality side: talent search, workforce upskilling, accreditation.
// Re-exported from ports.ts, where the use cases find every port.
import type { SkillRow } from "../domain/talent/skill-rows.ts";
import type { Accreditation, AccreditationView } from "../domain/trust/accreditation.ts";

/** A held credential's skill row, tied to the wallet item (and Cairn award) it came from. */
export type TalentSkillRow = SkillRow & { userId: string; walletItemId: string; awardId: string | null };

/** The talent index: which skills each consenting learner's valid credentials show. */
export type TalentRepository = {
  /** Whether the learner agreed to be found (talent search) or to share their wallet with an employer. */
  hasConsent(userId: string): Promise<boolean>;
  replaceSkills(userId: string, rows: readonly TalentSkillRow[]): Promise<void>;
  clearSkills(userId: string): Promise<void>;
  skillsOf(userIds: readonly string[]): Promise<TalentSkillRow[]>;
};

/** Accreditations: accreditors' reviews of issuers, and the EndorsementCredentials that publish them. */
export type AccreditationRepository = {
  insert(accreditation: Accreditation): Promise<void>;
  find(id: string): Promise<AccreditationView | undefined>;
  /** Every accreditation (active or not) of these issuers, newest first. */
  forIssuers(issuerIds: readonly string[]): Promise<AccreditationView[]>;
  byAccreditor(accreditorId: string): Promise<AccreditationView[]>;
  withdraw(id: string, at: Date, reason: string): Promise<void>;
};

export type VerificationChannel = "verify-page" | "api" | "shared-page";
export type VerificationEvent = {
  organizationId: string;
  achievementId: string;
  credentialId: string;
  channel: VerificationChannel;
  at: Date;
};
/** One month of one micro-credential's engagement: verifications, new shares and claims. */
export type EngagementRow = {
  month: string;
  achievementId: string;
  verifications: number;
  shares: number;
  claims: number;
};

/** What issuers' analytics count: verifications of their credentials, and learners' shares and claims. */
export type AnalyticsRepository = {
  recordVerification(event: VerificationEvent): Promise<void>;
  monthlyEngagement(organizationId: string, since: Date): Promise<EngagementRow[]>;
};
