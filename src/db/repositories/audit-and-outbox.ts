import { desc, eq, getTableColumns } from "drizzle-orm";
import type { AuditLog, OutboxRepository } from "../../app/ports.ts";
import type { OutboxEntry } from "../../domain/types.ts";
import type { Db } from "../client.ts";
import { auditEvents, mailOutbox } from "../schema.ts";

export const auditLog = (db: Db): AuditLog => ({
  async record(event) {
    await db.insert(auditEvents).values(event);
  },
});

const { idempotencyKey: _, ...columns } = getTableColumns(mailOutbox);
const toEntry = (row: Omit<OutboxEntry, "transport" | "html"> & { transport: string; html: string | null }) =>
  ({
    ...row,
    html: row.html ?? undefined,
    transport: row.transport as OutboxEntry["transport"],
  }) satisfies OutboxEntry;

export const outboxRepository = (db: Db): OutboxRepository => ({
  async insertOnce(entry) {
    const rows = await db
      .insert(mailOutbox)
      .values({ ...entry, html: entry.html ?? null })
      .onConflictDoNothing({ target: mailOutbox.idempotencyKey })
      .returning({ id: mailOutbox.id });
    return rows.length === 1;
  },
  async findByKey(idempotencyKey) {
    const [row] = await db
      .select(columns)
      .from(mailOutbox)
      .where(eq(mailOutbox.idempotencyKey, idempotencyKey));
    return row && toEntry(row);
  },
  async markDelivered(id, at) {
    await db.update(mailOutbox).set({ deliveredAt: at }).where(eq(mailOutbox.id, id));
  },
  async list(limit) {
    const rows = await db.select(columns).from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
    return rows.map(toEntry);
  },
});
