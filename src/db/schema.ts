import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const users = pgTable("users", {
  id: uuid("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  emailVerifiedAt: at("email_verified_at"),
  isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
  createdAt: at("created_at").notNull(),
});

export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: at("created_at").notNull(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Email verification and password reset links: only the hash of the token is kept; each is used once. */
export const oneTimeTokens = pgTable("one_time_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  purpose: text("purpose").notNull(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: at("created_at").notNull(),
  expiresAt: at("expires_at").notNull(),
  usedAt: at("used_at"),
});

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: at("at").notNull(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.at),
    index("sign_in_attempts_ip_idx").on(t.ip, t.at),
  ],
);

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  website: text("website"),
  contactEmail: text("contact_email"),
  country: text("country"),
  region: text("region"),
  description: text("description"),
  logo: bytea("logo"),
  logoType: text("logo_type"),
  /** How this organization's credentials are proven: "ldp" (Data Integrity eddsa-rdfc-2022) or "jwt" (VC-JWT). */
  credentialFormat: text("credential_format").notNull().default("ldp"),
  createdAt: at("created_at").notNull(),
  updatedAt: at("updated_at").notNull(),
});

export const memberships = pgTable(
  "memberships",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull(),
    expiresAt: at("expires_at").notNull(),
    acceptedAt: at("accepted_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    index("invitations_org_idx").on(t.organizationId),
    // One open invitation per address and organization: inviting again replaces the old one.
    uniqueIndex("invitations_open_idx")
      .on(t.organizationId, t.email)
      .where(sql`accepted_at IS NULL AND revoked_at IS NULL`),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull().unique(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull(),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [index("api_keys_org_idx").on(t.organizationId)],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organizationId: uuid("organization_id"),
    actorUserId: uuid("actor_user_id"),
    actorApiKeyId: uuid("actor_api_key_id"),
    action: text("action").notNull(),
    subject: text("subject"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    at: at("at").notNull(),
  },
  (t) => [index("audit_events_org_idx").on(t.organizationId, t.at)],
);

/** Every message Cairn sends. Keyed by the mail job's idempotency key so a retried job never sends twice. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    transport: text("transport").notNull(),
    createdAt: at("created_at").notNull(),
    deliveredAt: at("delivered_at"),
  },
  (t) => [index("mail_outbox_created_idx").on(t.createdAt)],
);

/** An organization's Ed25519 signing keys. Retired keys stay, so credentials they signed still verify. */
export const organizationKeys = pgTable(
  "organization_keys",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    keyId: text("key_id").notNull(),
    publicKeyMultibase: text("public_key_multibase").notNull(),
    /** The secret key, AES-256-GCM under CAIRN_MASTER_KEY; never leaves the server in clear. */
    secretKeySealed: text("secret_key_sealed").notNull(),
    status: text("status").notNull(),
    createdAt: at("created_at").notNull(),
    retiredAt: at("retired_at"),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.keyId] })],
);

export const statusLists = pgTable(
  "status_lists",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    length: integer("length").notNull(),
    bits: bytea("bits").notNull(),
    /** Bumped on every change; the published copy records the version it was signed from. */
    version: integer("version").notNull(),
    allocated: integer("allocated").notNull(),
    published: jsonb("published").$type<Record<string, unknown>>(),
    publishedVersion: integer("published_version"),
    publishedAt: at("published_at"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("status_lists_org_idx").on(t.organizationId, t.purpose)],
);

/** Every index ever handed out: the primary key makes a draw unique even under concurrent issuance. */
export const statusListEntries = pgTable(
  "status_list_entries",
  {
    statusListId: uuid("status_list_id")
      .notNull()
      .references(() => statusLists.id, { onDelete: "cascade" }),
    index: integer("index").notNull(),
    credentialId: text("credential_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.statusListId, t.index] }),
    uniqueIndex("status_list_entries_credential_idx").on(t.credentialId, t.statusListId),
  ],
);

export const issuedCredentials = pgTable(
  "issued_credentials",
  {
    id: text("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    format: text("format").notNull(),
    /** The signed credential: a JSON-LD document, or {"jwt": "…"} for VC-JWT. */
    document: jsonb("document").$type<Record<string, unknown>>().notNull(),
    statusListId: uuid("status_list_id").references(() => statusLists.id),
    statusIndex: integer("status_index"),
    idempotencyKey: text("idempotency_key"),
    requestHash: text("request_hash"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("issued_credentials_org_idx").on(t.organizationId, t.createdAt),
    uniqueIndex("issued_credentials_idempotency_idx").on(t.organizationId, t.idempotencyKey),
  ],
);

/** A micro-credential definition (an OB 3.0 Achievement). Its content lives in versions. */
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
