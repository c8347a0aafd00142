import type { Definition } from "./definition.ts";

export type AchievementStatus = "draft" | "published" | "archived";

export type Achievement = {
  id: string;
  organizationId: string;
  status: AchievementStatus;
  latestVersion: number;
  publishedVersion: number | null;
  createdAt: Date;
  updatedAt: Date;
};

export type AchievementVersion = {
  achievementId: string;
  version: number;
  definition: Definition;
  createdBy: string | null;
  createdAt: Date;
  publishedAt: Date | null;
};
