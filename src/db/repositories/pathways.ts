import { and, eq } from "drizzle-orm";
import type { PathwayRepository } from "../../app/ports.ts";
import type { Pathway } from "../../domain/pathways/requirements.ts";
import type { LapsePolicy } from "../../domain/pathways/stored-pathway.ts";
import type { Db } from "../client.ts";
import { pathways } from "../schema.ts";

// Rows are written only through this repository, from validated pathways.
export const pathwayRepository = (db: Db): PathwayRepository => ({
  async find(achievementId) {
    const [row] = await db.select().from(pathways).where(eq(pathways.achievementId, achievementId));
    return row && { ...row, pathway: row.pathway as Pathway, policy: row.policy as LapsePolicy };
  },
  async save(pathway) {
    const { achievementId: _, ...changes } = pathway;
    await db
      .insert(pathways)
      .values(pathway)
      .onConflictDoUpdate({ target: pathways.achievementId, set: changes });
  },
  async remove(organizationId, achievementId) {
    await db
      .delete(pathways)
      .where(and(eq(pathways.organizationId, organizationId), eq(pathways.achievementId, achievementId)));
  },
});
