import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { at } from "./columns.ts";
import { achievements, awards } from "./issuing.ts";
import { organizations } from "./organizations.ts";
import { walletItems } from "./wallet.ts";

/** A learner's consent to be found by employers; withdrawing it deletes their rows from `talent_skills`. */
export const talentProfiles = pgTable("talent_profiles", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  headline: text("headline"),
  location: text("location"),
  consentedAt: at("consented_at"),
  updatedAt: at("updated_at").notNull(),
});

/**
 * The search index behind talent search and skills gaps: one row per skill a wallet credential carries. Rows exist
 * only for learners who consented (to search, or to an employer); `searchable` says which of them consented to talent
 * search (set by every refresh, which runs on every consent change); revocation is read live from `awards`.
 */
export const talentSkills = pgTable(
  "talent_skills",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    walletItemId: uuid("wallet_item_id")
      .notNull()
      .references(() => walletItems.id, { onDelete: "cascade" }),
    awardId: uuid("award_id").references(() => awards.id, { onDelete: "cascade" }),
    /** Lower-cased framework code, or lower-cased name when the skill has no code. */
    skillKey: text("skill_key").notNull(),
    skillName: text("skill_name").notNull(),
    skillCode: text("skill_code"),
    framework: text("framework"),
    achievementRef: text("achievement_ref"),
    achievementName: text("achievement_name").notNull(),
    issuerDid: text("issuer_did"),
    issuerName: text("issuer_name"),
    eqfLevel: integer("eqf_level"),
    issuedAt: at("issued_at"),
    validUntil: at("valid_until"),
    evidence: text("evidence"),
    /** The learner consented to talent search (not only to share with an employer) when the rows were last rebuilt. */
    searchable: boolean("searchable").notNull().default(false),
  },
  (t) => [
    index("talent_skills_key_idx").on(t.skillKey, t.userId),
    index("talent_skills_user_idx").on(t.userId),
    index("talent_skills_item_idx").on(t.walletItemId),
    // Talent search reads only this index (index-only scans): the skill, then what ranking and validity need (as key
    // columns: drizzle-kit has no INCLUDE).
    index("talent_skills_search_idx")
      .on(t.skillKey, t.skillName, t.userId, t.walletItemId, t.issuedAt, t.validUntil, t.awardId)
      .where(sql`searchable`),
  ],
);

/**
 * Every (key, name) pair of skill the talent index has held: a small table that talent search matches a skill's
 * words against, before reading the index by key and name. Rows are only added (stale pairs match no index rows).
 */
export const talentSkillNames = pgTable(
  "talent_skill_names",
  {
    skillKey: text("skill_key").notNull(),
    skillName: text("skill_name").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.skillKey, t.skillName] }),
    index("talent_skill_names_name_idx").using("gin", sql`to_tsvector('simple', ${t.skillName})`),
  ],
);

/** A message an employer sends a learner through Cairn; the learner's address is revealed only when they answer yes. */
export const talentContacts = pgTable(
  "talent_contacts",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    senderId: uuid("sender_id").references(() => users.id, { onDelete: "set null" }),
    learnerId: uuid("learner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    message: text("message").notNull(),
    status: text("status").notNull(),
    reply: text("reply"),
    createdAt: at("created_at").notNull(),
    answeredAt: at("answered_at"),
  },
  (t) => [
    index("talent_contacts_learner_idx").on(t.learnerId, t.createdAt),
    index("talent_contacts_org_idx").on(t.organizationId, t.createdAt),
  ],
);

/** A job role an employer staffs, with the skills it needs. */
export const roleProfiles = pgTable(
  "role_profiles",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [index("role_profiles_org_idx").on(t.organizationId)],
);

export const roleProfileSkills = pgTable(
  "role_profile_skills",
  {
    roleProfileId: uuid("role_profile_id")
      .notNull()
      .references(() => roleProfiles.id, { onDelete: "cascade" }),
    skillKey: text("skill_key").notNull(),
    skillName: text("skill_name").notNull(),
    skillCode: text("skill_code"),
    framework: text("framework"),
    /** Minimum EQF level of the credential that shows the skill; null: any level. */
    minLevel: integer("min_level"),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleProfileId, t.skillKey] })],
);

/** An employee invited to share their wallet with their employer; the sharing starts when they consent. */
export const workforceMembers = pgTable(
  "workforce_members",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name"),
    roleProfileId: uuid("role_profile_id").references(() => roleProfiles.id, { onDelete: "set null" }),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    invitedAt: at("invited_at").notNull(),
    consentedAt: at("consented_at"),
    withdrawnAt: at("withdrawn_at"),
  },
  (t) => [
    uniqueIndex("workforce_members_email_idx").on(t.organizationId, t.email),
    index("workforce_members_user_idx").on(t.userId),
  ],
);

/** An employer paying for an employee's enrolment in a micro-credential that closes a gap. */
export const sponsorships = pgTable(
  "sponsorships",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => workforceMembers.id, { onDelete: "cascade" }),
    achievementId: uuid("achievement_id")
      .notNull()
      .references(() => achievements.id, { onDelete: "cascade" }),
    skillKey: text("skill_key"),
    note: text("note"),
    status: text("status").notNull(),
    createdBy: uuid("created_by"),
    createdAt: at("created_at").notNull(),
    answeredAt: at("answered_at"),
  },
  (t) => [
    index("sponsorships_member_idx").on(t.memberId),
    uniqueIndex("sponsorships_open_idx")
      .on(t.memberId, t.achievementId)
      .where(sql`status IN ('offered', 'accepted')`),
  ],
);
