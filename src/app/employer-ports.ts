// The ports of the employer and quality side: talent search, workforce upskilling, accreditation.
// Re-exported from ports.ts, where the use cases find every port.

import type { TalentContactStatus } from "../domain/talent/contacts.ts";
import type { SkillRow } from "../domain/talent/skill-rows.ts";

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
  /** Only credentials from these issuer DIDs (accredited issuers); an empty list matches nothing. */
  issuerDids?: readonly string[] | undefined;
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
  skillsOf(userIds: readonly string[]): Promise<TalentSkillRow[]>;
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
  /** Slugs of organizations an accreditor currently endorses (not withdrawn, within their validity). */
  accreditedIssuers(now: Date): Promise<string[]>;
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
