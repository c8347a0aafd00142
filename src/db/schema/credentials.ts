import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, bytea } from "./columns.ts";
import { organizations } from "./organizations.ts";

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
