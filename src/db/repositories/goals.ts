import { and, desc, eq } from "drizzle-orm";
import type { GoalRepository } from "../../app/ports.ts";
import type { Db } from "../client.ts";
import { learnerGoals, savedMicroCredentials as saved } from "../schema.ts";

export const goalRepository = (db: Db): GoalRepository => ({
  async find(userId) {
    const [row] = await db.select().from(learnerGoals).where(eq(learnerGoals.userId, userId));
    return row;
  },
  async save(goals) {
    const { userId: _, ...changes } = goals;
    await db
      .insert(learnerGoals)
      .values(goals)
      .onConflictDoUpdate({ target: learnerGoals.userId, set: changes });
  },
  async savedList(userId) {
    return db
      .select({ achievementId: saved.achievementId, savedAt: saved.savedAt })
      .from(saved)
      .where(eq(saved.userId, userId))
      .orderBy(desc(saved.savedAt), saved.achievementId);
  },
  async addSaved(userId, achievementId, at) {
    const added = await db
      .insert(saved)
      .values({ userId, achievementId, savedAt: at })
      .onConflictDoNothing()
      .returning({ id: saved.achievementId });
    return added.length > 0;
  },
  async removeSaved(userId, achievementId) {
    const removed = await db
      .delete(saved)
      .where(and(eq(saved.userId, userId), eq(saved.achievementId, achievementId)))
      .returning({ id: saved.achievementId });
    return removed.length > 0;
  },
});
