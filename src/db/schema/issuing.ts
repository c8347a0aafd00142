import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { at, bytea } from "./columns.ts";
import { issuedCredentials } from "./credentials.ts";
import { organizations } from "./organizations.ts";

export const achievements = pgTable(
  "achievements",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    /** The newest version; a published definition's edits open a new draft version. */
    latestVersion: integer("latest_version").notNull(),
    publishedVersion: integer("published_version"),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [index("achievements_org_idx").on(t.organizationId, t.status)],
);

export const achievementVersions = pgTable(
  "achievement_versions",
  {
    achievementId: uuid("achievement_id")
      .notNull()
      .references(() => achievements.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** The definition: OB 3.0 Achievement fields plus the EU micro-credential elements. */
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
    createdBy: uuid("created_by"),
    createdAt: at("created_at").notNull(),
    publishedAt: at("published_at"),
  },
  (t) => [primaryKey({ columns: [t.achievementId, t.version] })],
);

/** Skill frameworks: Cairn's starter catalog (no organization) or ones an organization imported (ESCO, O*NET, own). */
export const skillFrameworks = pgTable("skill_frameworks", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  source: text("source").notNull(),
  url: text("url"),
  createdAt: at("created_at").notNull(),
});

export const skills = pgTable(
  "skills",
  {
    id: uuid("id").primaryKey(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => skillFrameworks.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    url: text("url"),
    /** Lower-cased name, alternative labels and code, for search. */
    searchText: text("search_text").notNull(),
  },
  (t) => [
    uniqueIndex("skills_framework_code_idx").on(t.frameworkId, t.code),
    index("skills_framework_idx").on(t.frameworkId),
  ],
);

/** Badge images: uploaded (PNG, sanitized SVG) or designed from a template. */
export const badgeImages = pgTable(
  "badge_images",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    /** The template a designed image came from, so it can be edited again. */
    design: jsonb("design").$type<Record<string, unknown>>(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("badge_images_org_idx").on(t.organizationId)],
);

/** One award of a micro-credential to one recipient: the credential, its lifecycle and its claim. */
export const awards = pgTable(
  "awards",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    achievementId: uuid("achievement_id")
      .notNull()
      .references(() => achievements.id),
    achievementVersion: integer("achievement_version").notNull(),
    recipientKind: text("recipient_kind").notNull(),
    /** A lower-cased email address or a DID. */
    recipient: text("recipient").notNull(),
    recipientName: text("recipient_name"),
    credentialId: text("credential_id")
      .notNull()
      .references(() => issuedCredentials.id),
    batchId: uuid("batch_id"),
    /** The caller's key (API header, CSV batch + row, form nonce): a retry finds the award instead of making another. */
    idempotencyKey: text("idempotency_key").notNull(),
    status: text("status").notNull(),
    statusReason: text("status_reason"),
    issuedAt: at("issued_at").notNull(),
    validUntil: at("valid_until"),
    replacesAwardId: uuid("replaces_award_id"),
    claimTokenHash: text("claim_token_hash"),
    claimedAt: at("claimed_at"),
    notify: boolean("notify").notNull(),
    createdBy: uuid("created_by"),
    reminderSentAt: at("reminder_sent_at"),
  },
  (t) => [
    uniqueIndex("awards_idempotency_idx").on(
      t.achievementId,
      t.achievementVersion,
      t.recipient,
      t.idempotencyKey,
    ),
    index("awards_org_idx").on(t.organizationId, t.issuedAt),
    index("awards_batch_idx").on(t.batchId),
    index("awards_credential_idx").on(t.credentialId),
    index("awards_valid_until_idx").on(t.validUntil),
    index("awards_recipient_idx").on(t.recipient),
  ],
);

/** A bulk award (CSV or API batch): rows are validated first, then issued by jobs that report progress. */
export const awardBatches = pgTable(
  "award_batches",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    achievementId: uuid("achievement_id")
      .notNull()
      .references(() => achievements.id),
    status: text("status").notNull(),
    total: integer("total").notNull(),
    issued: integer("issued").notNull(),
    failed: integer("failed").notNull(),
    processedThrough: integer("processed_through").notNull().default(0),
    notify: boolean("notify").notNull(),
    createdBy: uuid("created_by"),
    createdAt: at("created_at").notNull(),
    finishedAt: at("finished_at"),
  },
  (t) => [index("award_batches_org_idx").on(t.organizationId, t.createdAt)],
);

/** The validated rows of a batch; a row with an award is done, so a restarted job resumes where it stopped. */
export const awardBatchRows = pgTable(
  "award_batch_rows",
  {
    batchId: uuid("batch_id")
      .notNull()
      .references(() => awardBatches.id, { onDelete: "cascade" }),
    row: integer("row").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    awardId: uuid("award_id"),
    error: text("error"),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.row] })],
);

/** A stacked achievement's requirements: a tree over component achievements, and what happens when one lapses. */
export const pathways = pgTable(
  "pathways",
  {
    achievementId: uuid("achievement_id")
      .primaryKey()
      .references(() => achievements.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    pathway: jsonb("pathway").$type<Record<string, unknown>>().notNull(),
    /** Every achievement id that can count towards it (components and recognized equivalents): finds candidates. */
    componentIds: text("component_ids").array().notNull(),
    /** keep | flag | suspend: the stacked credential's fate when a component is revoked or expires. */
    policy: text("policy").notNull(),
    updatedAt: at("updated_at").notNull(),
    updatedBy: uuid("updated_by"),
  },
  (t) => [index("pathways_components_idx").using("gin", t.componentIds)],
);

/** An issuer's decision that an external achievement counts as one of its own (CLR `exactMatchOf`). */
export const recognitions = pgTable(
  "recognitions",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    externalAchievementId: text("external_achievement_id").notNull(),
    externalIssuer: text("external_issuer"),
    ownAchievementId: uuid("own_achievement_id")
      .notNull()
      .references(() => achievements.id, { onDelete: "cascade" }),
    decidedBy: uuid("decided_by"),
    decidedAt: at("decided_at").notNull(),
  },
  (t) => [index("recognitions_org_idx").on(t.organizationId)],
);

/** A stacked credential awarded automatically, with the component credentials it rests on (its evidence). */
export const pathwayAwards = pgTable(
  "pathway_awards",
  {
    awardId: uuid("award_id")
      .primaryKey()
      .references(() => awards.id, { onDelete: "cascade" }),
    pathwayId: uuid("pathway_id")
      .notNull()
      .references(() => achievements.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
    componentCredentialIds: text("component_credential_ids").array().notNull(),
    /** Set when a component lapsed and the pathway's policy is to flag the award for review. */
    flaggedAt: at("flagged_at"),
    flagReason: text("flag_reason"),
  },
  (t) => [
    uniqueIndex("pathway_awards_learner_idx").on(t.pathwayId, t.userId),
    index("pathway_awards_components_idx").using("gin", t.componentCredentialIds),
  ],
);

/**
 * A learner's consent to a pathway that counts other issuers' credentials: only then may the pathway's organization
 * learn (by awarding) that they hold them.
 */
export const pathwayFollowers = pgTable(
  "pathway_followers",
  {
    pathwayId: uuid("pathway_id")
      .notNull()
      .references(() => achievements.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    followedAt: at("followed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.pathwayId, t.userId] })],
);
