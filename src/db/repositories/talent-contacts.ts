import { and, count, desc, eq, gte } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { TalentContact, TalentContactRepository } from "../../app/ports.ts";
import { isTalentContactStatus, type TalentContactStatus } from "../../domain/talent/contacts.ts";
import type { Db } from "../client.ts";
import { organizations, talentProfiles, talentContacts as tc, users } from "../schema.ts";

const status = (value: string): TalentContactStatus => (isTalentContactStatus(value) ? value : "open");
const toContact = (row: typeof tc.$inferSelect): TalentContact => ({ ...row, status: status(row.status) });
const senders = alias(users, "sender");

export const talentContactRepository = (db: Db): TalentContactRepository => ({
  async insert(contact) {
    await db.insert(tc).values(contact);
  },
  async find(id) {
    const [row] = await db.select().from(tc).where(eq(tc.id, id));
    return row ? toContact(row) : undefined;
  },
  async lockLearner(learnerId) {
    await db
      .select({ id: talentProfiles.userId })
      .from(talentProfiles)
      .where(eq(talentProfiles.userId, learnerId))
      .for("update");
  },
  async findOpen(organizationId, learnerId) {
    const [row] = await db
      .select()
      .from(tc)
      .where(and(eq(tc.organizationId, organizationId), eq(tc.learnerId, learnerId), eq(tc.status, "open")))
      .limit(1);
    return row ? toContact(row) : undefined;
  },
  async countSince(organizationId, since) {
    const [row] = await db
      .select({ n: count() })
      .from(tc)
      .where(and(eq(tc.organizationId, organizationId), gte(tc.createdAt, since)));
    return row?.n ?? 0;
  },
  async answer(id, answer) {
    const updated = await db
      .update(tc)
      .set(answer)
      .where(and(eq(tc.id, id), eq(tc.status, "open")))
      .returning({ id: tc.id });
    return updated.length > 0;
  },
  async forLearner(learnerId) {
    const rows = await db
      .select({ contact: tc, organizationName: organizations.name, senderName: senders.name })
      .from(tc)
      .innerJoin(organizations, eq(organizations.id, tc.organizationId))
      .leftJoin(senders, eq(senders.id, tc.senderId))
      .where(eq(tc.learnerId, learnerId))
      .orderBy(desc(tc.createdAt));
    return rows.map((row) => ({
      ...toContact(row.contact),
      organizationName: row.organizationName,
      senderName: row.senderName,
    }));
  },
  async forOrganization(organizationId) {
    const rows = await db
      .select({
        contact: tc,
        learnerName: users.name,
        learnerEmail: users.email,
        senderName: senders.name,
      })
      .from(tc)
      .innerJoin(users, eq(users.id, tc.learnerId))
      .leftJoin(senders, eq(senders.id, tc.senderId))
      .where(eq(tc.organizationId, organizationId))
      .orderBy(desc(tc.createdAt))
      .limit(500);
    return rows.map((row) => ({
      ...toContact(row.contact),
      learnerName: row.learnerName,
      learnerEmail: row.learnerEmail,
      senderName: row.senderName,
    }));
  },
});
