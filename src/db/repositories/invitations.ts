import { and, asc, eq, getTableColumns, gt, isNull } from "drizzle-orm";
import type { InvitationRepository } from "../../app/ports.ts";
import type { OrganizationRole } from "../../domain/roles.ts";
import type { Invitation } from "../../domain/types.ts";
import type { Db } from "../client.ts";
import { invitations } from "../schema.ts";

const { tokenHash: _, ...columns } = getTableColumns(invitations);
const toInvitation = (row: Omit<Invitation, "role"> & { role: string }): Invitation => ({
  ...row,
  role: row.role as OrganizationRole,
});
const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

export const invitationRepository = (db: Db): InvitationRepository => ({
  async insert(invitation) {
    await db.insert(invitations).values(invitation);
  },
  async findByTokenHash(tokenHash) {
    const [row] = await db.select(columns).from(invitations).where(eq(invitations.tokenHash, tokenHash));
    return row && toInvitation(row);
  },
  async findById(organizationId, id) {
    const [row] = await db
      .select(columns)
      .from(invitations)
      .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, id)));
    return row && toInvitation(row);
  },
  async listOpen(organizationId, now) {
    const rows = await db
      .select(columns)
      .from(invitations)
      .where(and(eq(invitations.organizationId, organizationId), open, gt(invitations.expiresAt, now)))
      .orderBy(asc(invitations.createdAt));
    return rows.map(toInvitation);
  },
  async revokeOpen(organizationId, email, now) {
    await db
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.organizationId, organizationId), eq(invitations.email, email), open));
  },
  async markAccepted(id, now) {
    const rows = await db
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, id), open))
      .returning({ id: invitations.id });
    return rows.length === 1;
  },
  async revoke(organizationId, id, now) {
    const rows = await db
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, id), open))
      .returning({ id: invitations.id });
    return rows.length === 1;
  },
});
