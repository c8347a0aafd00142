import { z } from "zod";

export type EnrolmentStatus = "pending" | "active" | "declined" | "completed";

export type Enrolment = {
  id: string;
  achievementId: string;
  organizationId: string;
  userId: string;
  status: EnrolmentStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  completedAt: Date | null;
  awardId: string | null;
  evidencePublic: boolean;
};

export type CourseInvitation = {
  id: string;
  achievementId: string;
  email: string;
  tokenHash: string;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
};

/** The level an assessor or reviewer chose on each rubric criterion, with the points it carries. */
export const rubricGrade = z.record(z.string(), z.object({ levelId: z.string(), points: z.number() }));
export type RubricGrade = z.output<typeof rubricGrade>;
