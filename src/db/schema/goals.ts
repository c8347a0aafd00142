import { index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { at } from "./columns.ts";
import { achievements } from "./issuing.ts";

/**
 * A learner's goals, one row each: target skills (lower-cased names, as the catalog's skill facet has them) and a
 * target pathway. The catalog ranks what closes the most missing skills first.
 */
export const learnerGoals = pgTable("learner_goals", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  skills: text("skills").array().notNull(),
  pathwayId: uuid("pathway_id").references(() => achievements.id, { onDelete: "set null" }),
  updatedAt: at("updated_at").notNull(),
});

/** Micro-credentials a learner saved from the catalog to come back to or compare. */
export const savedMicroCredentials = pgTable(
  "saved_micro_credentials",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    achievementId: uuid("achievement_id")
      .notNull()
      .references(() => achievements.id, { onDelete: "cascade" }),
    savedAt: at("saved_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.achievementId] }),
    index("saved_micro_credentials_achievement_idx").on(t.achievementId),
  ],
);
