import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at } from "./columns.ts";
import { issuedCredentials } from "./credentials.ts";
import { achievements } from "./issuing.ts";
import { organizations } from "./organizations.ts";

/**
 * An accreditor's review of an issuer (or of one of its micro-credentials), published as the OB 3.0
 * EndorsementCredential in `credential_id`. Withdrawing it revokes that credential.
 */
export const accreditations = pgTable(
  "accreditations",
  {
    id: uuid("id").primaryKey(),
    accreditorId: uuid("accreditor_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    issuerId: uuid("issuer_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Set when the review covers one micro-credential rather than the whole issuer. */
    achievementId: uuid("achievement_id").references(() => achievements.id, { onDelete: "cascade" }),
    /** The quality criteria reviewed, each with the accreditor's finding. */
    criteria: jsonb("criteria").$type<{ criterion: string; met: boolean }[]>().notNull(),
    comment: text("comment").notNull(),
    credentialId: text("credential_id")
      .notNull()
      .references(() => issuedCredentials.id),
    validFrom: at("valid_from").notNull(),
    validUntil: at("valid_until").notNull(),
    withdrawnAt: at("withdrawn_at"),
    withdrawnReason: text("withdrawn_reason"),
    createdBy: uuid("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("accreditations_issuer_idx").on(t.issuerId, t.validUntil),
    index("accreditations_accreditor_idx").on(t.accreditorId, t.createdAt),
  ],
);

/** One verification of a credential this Cairn issued (verification page, API, shared page), for issuers' analytics. */
export const verificationEvents = pgTable(
  "verification_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    achievementId: uuid("achievement_id"),
    credentialId: text("credential_id").notNull(),
    channel: text("channel").notNull(),
    at: at("at").notNull(),
  },
  (t) => [index("verification_events_org_idx").on(t.organizationId, t.at)],
);
