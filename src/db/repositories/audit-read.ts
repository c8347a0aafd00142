import { desc, eq } from "drizzle-orm";
import type { AuditReader } from "../../app/ports.ts";
import type { Db } from "../client.ts";
import { apiKeys, auditEvents, users } from "../schema.ts";

/** Reads one organization's audit events, newest first, with the actor's name. Read-only by design. */
export const auditReader = (db: Db): AuditReader => ({
  async list(organizationId, page) {
    const rows = await db
      .select({
        id: auditEvents.id,
        organizationId: auditEvents.organizationId,
        actorUserId: auditEvents.actorUserId,
        actorApiKeyId: auditEvents.actorApiKeyId,
        action: auditEvents.action,
        subject: auditEvents.subject,
        data: auditEvents.data,
        at: auditEvents.at,
        userName: users.name,
        userEmail: users.email,
        keyName: apiKeys.name,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .leftJoin(apiKeys, eq(apiKeys.id, auditEvents.actorApiKeyId))
      .where(eq(auditEvents.organizationId, organizationId))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(page.limit)
      .offset(page.offset);
    return rows.map(({ userName, userEmail, keyName, ...event }) => ({
      ...event,
      actorName: userName
        ? `${userName} (${userEmail})`
        : keyName
          ? `API key “${keyName}”`
          : event.actorApiKeyId
            ? "An API key"
            : null,
    }));
  },
});
