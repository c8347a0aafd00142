import type { Pathway } from "./requirements.ts";

/** What happens to a stacked credential when one of the components that earned it is revoked or expires. */
export const LAPSE_POLICIES = ["keep", "flag", "suspend"] as const;
export type LapsePolicy = (typeof LAPSE_POLICIES)[number];

export type StoredPathway = {
  achievementId: string;
  organizationId: string;
  pathway: Pathway;
  policy: LapsePolicy;
  updatedAt: Date;
  updatedBy: string | null;
};
