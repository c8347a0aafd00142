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

/** A skill a role profile requires (see domain/workforce/gap.ts), in the profile's order. */
export type RoleProfileSkill = {
  skillKey: string;
  skillName: string;
  skillCode: string | null;
  framework: string | null;
  minLevel: number | null;
};

export type RoleProfile = {
  id: string;
  organizationId: string;
  name: string;
  description: string | null;
  skills: RoleProfileSkill[];
  createdAt: Date;
  updatedAt: Date;
};

/** An employee invited to share their wallet: pending until consent, then sharing until withdrawn. */
export type WorkforceMember = {
  id: string;
  organizationId: string;
  email: string;
  name: string | null;
  roleProfileId: string | null;
  userId: string | null;
  invitedAt: Date;
  consentedAt: Date | null;
  withdrawnAt: Date | null;
};

export type SponsorshipStatus = "offered" | "accepted" | "declined";
export type Sponsorship = {
  id: string;
  organizationId: string;
  memberId: string;
  achievementId: string;
  skillKey: string | null;
  note: string | null;
  status: SponsorshipStatus;
  createdBy: string | null;
  createdAt: Date;
  answeredAt: Date | null;
};

/** A published Cairn micro-credential and the (lower-cased) alignment keys it was found by. */
export type AlignedAchievement = {
  achievementId: string;
  name: string;
  eqfLevel: number | null;
  organizationName: string;
  alignments: { name: string; code: string | null }[];
};

/** Workforce upskilling: role profiles, employees who share their wallet, and sponsored enrolments. */
export type WorkforceRepository = {
  listProfiles(organizationId: string): Promise<RoleProfile[]>;
  findProfile(organizationId: string, id: string): Promise<RoleProfile | undefined>;
  /** Inserts or updates the profile and replaces its skills. */
  saveProfile(profile: RoleProfile): Promise<void>;
  deleteProfile(organizationId: string, id: string): Promise<boolean>;

  insertMember(member: WorkforceMember & { tokenHash: string }): Promise<void>;
  /** A new link for an existing row (invited again): consent starts over. */
  reinvite(
    id: string,
    invite: { tokenHash: string; name: string | null; roleProfileId: string | null; invitedAt: Date },
  ): Promise<void>;
  findMember(organizationId: string, id: string): Promise<WorkforceMember | undefined>;
  findMemberByEmail(organizationId: string, email: string): Promise<WorkforceMember | undefined>;
  findMemberByToken(tokenHash: string): Promise<WorkforceMember | undefined>;
  listMembers(organizationId: string): Promise<WorkforceMember[]>;
  updateMember(
    id: string,
    changes: Partial<Pick<WorkforceMember, "userId" | "consentedAt" | "withdrawnAt" | "roleProfileId">>,
  ): Promise<void>;
  deleteMember(organizationId: string, id: string): Promise<boolean>;
  /** Every employer a learner was linked to by consent, with the organization's name. */
  membershipsOf(userId: string): Promise<(WorkforceMember & { organizationName: string })[]>;

  /** Talent rows of these learners whose Cairn award (if any) is active now: revocation applies live. */
  liveSkillsOf(userIds: readonly string[]): Promise<TalentSkillRow[]>;
  /** Published micro-credentials of any organization with an alignment whose code or name folds to one of the keys. */
  alignedAchievements(skillKeys: readonly string[]): Promise<AlignedAchievement[]>;

  insertSponsorship(sponsorship: Sponsorship): Promise<void>;
  findSponsorship(id: string): Promise<Sponsorship | undefined>;
  hasOpenSponsorship(memberId: string, achievementId: string): Promise<boolean>;
  listSponsorships(organizationId: string): Promise<(Sponsorship & { achievementName: string })[]>;
  sponsorshipsOf(
    userId: string,
  ): Promise<(Sponsorship & { achievementName: string; organizationName: string })[]>;
  /** Answers an offered sponsorship; false when it was not open. */
  answerSponsorship(id: string, status: "accepted" | "declined", at: Date): Promise<boolean>;
};
