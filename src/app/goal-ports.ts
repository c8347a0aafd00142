// A learner's goals and saved list, read by the catalog. Re-exported from ports.ts, where the use cases find every port.
import type { LearnerGoals } from "../domain/catalog/goals.ts";

export type SavedMicroCredential = { achievementId: string; savedAt: Date };

export type GoalRepository = {
  find(userId: string): Promise<LearnerGoals | undefined>;
  /** Writes (or rewrites) a learner's goals. */
  save(goals: LearnerGoals): Promise<void>;
  /** The learner's saved list, most recently saved first. */
  savedList(userId: string): Promise<SavedMicroCredential[]>;
  /** Adds one to the list; false when it was already there (nothing changes). */
  addSaved(userId: string, achievementId: string, at: Date): Promise<boolean>;
  /** Removes one from the list; false when it was not there. */
  removeSaved(userId: string, achievementId: string): Promise<boolean>;
};
