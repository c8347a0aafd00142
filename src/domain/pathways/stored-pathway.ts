import type { Pathway } from "./requirements.ts";
import { componentsOf } from "./tree.ts";

/** What happens to a stacked credential when one of the components that earned it is revoked or expires. */
export const LAPSE_POLICIES = ["keep", "flag", "suspend"] as const;
export type LapsePolicy = (typeof LAPSE_POLICIES)[number];

export type StoredPathway = {
  achievementId: string;
  organizationId: string;
  pathway: Pathway;
  /** Every achievement id that can count towards it: its components and the recognized equivalents. */
  componentIds: string[];
  policy: LapsePolicy;
  updatedAt: Date;
  updatedBy: string | null;
};

/** An issuer's decision that an external achievement counts as one of its own (`exactMatchOf`). */
export type Recognition = {
  id: string;
  organizationId: string;
  externalAchievementId: string;
  externalIssuer: string | null;
  ownAchievementId: string;
  decidedBy: string | null;
  decidedAt: Date;
};

/** A stacked credential Cairn awarded because a pathway was complete, and the credentials it rests on. */
export type PathwayAward = {
  awardId: string;
  pathwayId: string;
  userId: string;
  componentCredentialIds: string[];
  flaggedAt: Date | null;
  flagReason: string | null;
};

/**
 * Whether a pathway counts credentials of other issuers (another Cairn organization, or external): awarding it then
 * tells its organization what a learner holds elsewhere, so the learner must follow the pathway first.
 */
export const needsConsent = (pathway: Pathway): boolean =>
  componentsOf(pathway.requirements).some((c) => c.node.issuer !== undefined);
