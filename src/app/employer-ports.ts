// The ports of the employer and quality side: talent search, workforce upskilling, accreditation.
// Re-exported from ports.ts, where the use cases find every port.

import type { TalentContactStatus } from "../domain/talent/contacts.ts";
import type { SkillRow } from "../domain/talent/skill-rows.ts";
import type { Accreditation, AccreditationView } from "../domain/trust/accreditation.ts";

/** A held credential's skill row, tied to the wallet item (and Cairn award) it came from. */
export type TalentSkillRow = SkillRow & { userId: string; walletItemId: string; awardId: string | null };

/** A learner's talent-search settings; `consentedAt` null: not (or no longer) findable. */
export type TalentProfile = {
  userId: string;
  headline: string | null;
  location: string | null;
  consentedAt: Date | null;
  updatedAt: Date;
};

/**
 * What an employer searches by. Every filter narrows the skill rows that count; only rows of consenting learners
 * whose credentials are valid at `now` (not expired, and for Cairn awards, active) ever match.
 */
export type TalentFilter = {
  now: Date;
  /** A framework code or a skill name (matched as a key, or as words of the name). */
  skill?: string | undefined;
  /** A micro-credential's name (words) or its achievement id. */
  achievement?: string | undefined;
  /** An issuer's name (words) or DID. */
  issuer?: string | undefined;
  /**
   * Only accredited credentials: from these issuer DIDs (accredited as a whole) or of these achievement ids
   * (micro-credentials accredited on their own). Empty lists match nothing.
   */
  accredited?: { issuerDids: readonly string[]; achievementIds: readonly string[] } | undefined;
  minLevel?: number | undefined;
  issuedSince?: Date | undefined;
};

export type TalentHit = { userId: string; matches: number; latest: Date | null };
export type TalentCandidate = {
  userId: string;
  name: string;
  headline: string | null;
  location: string | null;
};

/** The talent index: which skills each consenting learner's valid credentials show. */
export type TalentRepository = {
  /** Whether the learner agreed to be found (talent search) or to share their wallet with an employer. */
  hasConsent(userId: string): Promise<boolean>;
  replaceSkills(userId: string, rows: readonly TalentSkillRow[]): Promise<void>;
  clearSkills(userId: string): Promise<void>;
  findProfile(userId: string): Promise<TalentProfile | undefined>;
  saveProfile(profile: TalentProfile): Promise<void>;
  /** One page of findable learners with matching rows, most matching credentials first, then most recent. */
  search(
    filter: TalentFilter,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; hits: TalentHit[] }>;
  /** The matching rows of these learners (the same filter as `search`). */
  matchingRows(userIds: readonly string[], filter: TalentFilter): Promise<TalentSkillRow[]>;
  /** Name, headline and location of these learners, if they consented to talent search. */
  candidates(userIds: readonly string[]): Promise<TalentCandidate[]>;
  /** Accreditations in force now (not withdrawn, within their validity): the issuer's slug, and the achievement when one
   * micro-credential is accredited rather than the whole issuer. */
  accreditedIssuers(now: Date): Promise<{ slug: string; achievementId: string | null }[]>;
};

/** A message relayed from an organization to a learner. */
export type TalentContact = {
  id: string;
  organizationId: string;
  senderId: string | null;
  learnerId: string;
  subject: string;
  message: string;
  status: TalentContactStatus;
  reply: string | null;
  createdAt: Date;
  answeredAt: Date | null;
};

export type TalentContactRepository = {
  insert(contact: TalentContact): Promise<void>;
  find(id: string): Promise<TalentContact | undefined>;
  /** Holds the learner's talent profile until the transaction ends, so two messages to them cannot race. */
  lockLearner(learnerId: string): Promise<void>;
  /** The unanswered contact from this organization to this learner, if any. */
  findOpen(organizationId: string, learnerId: string): Promise<TalentContact | undefined>;
  countSince(organizationId: string, since: Date): Promise<number>;
  /** Sets the answer if the contact is still open; false when it was already answered. */
  answer(
    id: string,
    answer: { status: TalentContactStatus; reply: string | null; answeredAt: Date },
  ): Promise<boolean>;
  forLearner(
    learnerId: string,
  ): Promise<(TalentContact & { organizationName: string; senderName: string | null })[]>;
  /** With the learner's name and address: callers reveal the address only once the learner accepted. */
  forOrganization(
    organizationId: string,
  ): Promise<(TalentContact & { learnerName: string; learnerEmail: string; senderName: string | null })[]>;
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
  findMember(
    organizationId: string,
    id: string,
    options?: { lock: boolean },
  ): Promise<WorkforceMember | undefined>;
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
