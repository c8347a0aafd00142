import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { at } from "./columns.ts";
import { awards } from "./issuing.ts";

/** Addresses beyond the sign-in one; a claim attaches credentials awarded to any verified address of the account. */
export const userEmails = pgTable(
  "user_emails",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull().unique(),
    verifiedAt: at("verified_at"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("user_emails_user_idx").on(t.userId)],
);

/** A learner's own did:key; the secret key is sealed under the master key and bound to this row. */
export const learnerKeys = pgTable("learner_keys", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  did: text("did").notNull().unique(),
  publicKeyMultibase: text("public_key_multibase").notNull(),
  sealedSecretKey: text("sealed_secret_key").notNull(),
  createdAt: at("created_at").notNull(),
});

/**
 * One credential in a learner's wallet: awarded by a Cairn organization (`award_id`; the signed document stays with
 * the issuer's record) or imported (`document` holds exactly what was imported).
 */
export const walletItems = pgTable(
  "wallet_items",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    awardId: uuid("award_id").references(() => awards.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    format: text("format").notNull(),
    document: jsonb("document").$type<{ original: string | Record<string, unknown> }>(),
    display: jsonb("display").$type<Record<string, unknown>>().notNull(),
    importChecks: jsonb("import_checks").$type<{ id: string; status: string; message: string }[]>(),
    subjectMatches: boolean("subject_matches"),
    hidden: boolean("hidden").notNull().default(false),
    collection: text("collection"),
    addedAt: at("added_at").notNull(),
  },
  (t) => [
    index("wallet_items_user_idx").on(t.userId, t.addedAt),
    uniqueIndex("wallet_items_award_idx").on(t.userId, t.awardId),
  ],
);

/** A way in to one credential's public page: `public` (listed, no expiry) or `link` (unlisted, may expire). */
export const walletShares = pgTable(
  "wallet_shares",
  {
    id: text("id").primaryKey(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => walletItems.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    createdAt: at("created_at").notNull(),
    expiresAt: at("expires_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [index("wallet_shares_item_idx").on(t.itemId)],
);

/** The opt-in public profile at /p/<handle>: only the credentials the learner made public are listed. */
export const learnerProfiles = pgTable("learner_profiles", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  handle: text("handle").notNull().unique(),
  headline: text("headline"),
  enabled: boolean("enabled").notNull().default(false),
  updatedAt: at("updated_at").notNull(),
});
