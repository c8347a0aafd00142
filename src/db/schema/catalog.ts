import { sql } from "drizzle-orm";
import { customType, doublePrecision, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at } from "./columns.ts";
import { achievements } from "./issuing.ts";
import { organizations } from "./organizations.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The public catalog: one row per published micro-credential (its published version), written in the transaction
 * that publishes or archives it. Denormalized so a search or facet query reads one table through its indexes.
 */
export const catalogEntries = pgTable(
  "catalog_entries",
  {
    achievementId: uuid("achievement_id")
      .primaryKey()
      .references(() => achievements.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    outcomes: text("outcomes").array().notNull(),
    skills: text("skills").array().notNull(),
    industry: text("industry"),
    eqfLevel: integer("eqf_level"),
    cost: doublePrecision("cost"),
    currency: text("currency"),
    durationWeeks: integer("duration_weeks"),
    hoursPerWeek: doublePrecision("hours_per_week"),
    delivery: text("delivery"),
    pacing: text("pacing"),
    language: text("language"),
    ects: doublePrecision("ects"),
    assessmentType: text("assessment_type"),
    publishedAt: at("published_at").notNull(),
    /** Awards issued of it: set on publishing, then counted up by each award in the award's transaction. */
    earned: integer("earned").notNull().default(0),
    /** Name (weight A), skills (B), outcomes (C) and description (D), in the `simple` configuration. */
    search: tsvector("search").notNull(),
  },
  (t) => [
    index("catalog_search_idx").using("gin", t.search),
    index("catalog_skills_idx").using("gin", t.skills),
    index("catalog_org_idx").on(t.organizationId),
    index("catalog_industry_idx").on(t.industry),
    index("catalog_level_idx").on(t.eqfLevel),
    index("catalog_cost_idx").on(t.cost),
    index("catalog_duration_idx").on(t.durationWeeks),
    index("catalog_hours_idx").on(t.hoursPerWeek),
    index("catalog_delivery_idx").on(t.delivery, t.pacing),
    index("catalog_language_idx").on(t.language),
    index("catalog_published_idx").on(t.publishedAt.desc(), t.achievementId),
    index("catalog_earned_idx").on(t.earned.desc()),
  ],
);

export const catalogSearchVector = (e: {
  name: string;
  skills: readonly string[];
  outcomes: readonly string[];
  description: string;
}) => sql`setweight(to_tsvector('simple', ${e.name}), 'A') ||
  setweight(to_tsvector('simple', ${e.skills.join(" ")}), 'B') ||
  setweight(to_tsvector('simple', ${e.outcomes.join(" ")}), 'C') ||
  setweight(to_tsvector('simple', ${e.description}), 'D')`;
