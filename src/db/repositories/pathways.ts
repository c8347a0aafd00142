import { and, arrayContains, arrayOverlaps, eq } from "drizzle-orm";
import type { PathwayRepository } from "../../app/ports.ts";
import type { Pathway } from "../../domain/pathways/requirements.ts";
import type { LapsePolicy, StoredPathway } from "../../domain/pathways/stored-pathway.ts";
import type { Db } from "../client.ts";
import { pathwayAwards, pathwayFollowers, pathways, recognitions } from "../schema.ts";

// Rows are written only through this repository, from validated pathways.
const toPathway = (row: typeof pathways.$inferSelect): StoredPathway => ({
  ...row,
  pathway: row.pathway as Pathway,
  policy: row.policy as LapsePolicy,
});

export const pathwayRepository = (db: Db): PathwayRepository => ({
  async find(achievementId) {
    const [row] = await db.select().from(pathways).where(eq(pathways.achievementId, achievementId));
    return row && toPathway(row);
  },
  async save(pathway) {
    const { achievementId: _, ...changes } = pathway;
    await db
      .insert(pathways)
      .values(pathway)
      .onConflictDoUpdate({ target: pathways.achievementId, set: changes });
  },
  async listContaining(achievementIds) {
    if (achievementIds.length === 0) return [];
    const rows = await db
      .select()
      .from(pathways)
      .where(arrayOverlaps(pathways.componentIds, [...achievementIds]));
    return rows.map(toPathway);
  },
  recognitions: (organizationId) =>
    db
      .select()
      .from(recognitions)
      .where(eq(recognitions.organizationId, organizationId))
      .orderBy(recognitions.decidedAt),
  async insertRecognition(recognition) {
    await db.insert(recognitions).values(recognition);
  },
  async removeRecognition(organizationId, id) {
    await db
      .delete(recognitions)
      .where(and(eq(recognitions.organizationId, organizationId), eq(recognitions.id, id)));
  },
  async findAward(pathwayId, userId) {
    const [row] = await db
      .select()
      .from(pathwayAwards)
      .where(and(eq(pathwayAwards.pathwayId, pathwayId), eq(pathwayAwards.userId, userId)));
    return row;
  },
  async findAwardById(awardId) {
    const [row] = await db.select().from(pathwayAwards).where(eq(pathwayAwards.awardId, awardId));
    return row;
  },
  async insertAward(award) {
    // No ON CONFLICT: a second stacked award for the same learner and pathway must abort its transaction.
    await db.insert(pathwayAwards).values(award);
  },
  awardsResting: (credentialId) =>
    db
      .select()
      .from(pathwayAwards)
      .where(arrayContains(pathwayAwards.componentCredentialIds, [credentialId])),
  async follow(pathwayId, userId, at) {
    await db.insert(pathwayFollowers).values({ pathwayId, userId, followedAt: at }).onConflictDoNothing();
  },
  async follows(pathwayId, userId) {
    const rows = await db
      .select({ userId: pathwayFollowers.userId })
      .from(pathwayFollowers)
      .where(and(eq(pathwayFollowers.pathwayId, pathwayId), eq(pathwayFollowers.userId, userId)));
    return rows.length > 0;
  },
  async flagAward(awardId, at, reason) {
    await db
      .update(pathwayAwards)
      .set({ flaggedAt: at, flagReason: reason })
      .where(eq(pathwayAwards.awardId, awardId));
  },
});
