import { desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { AccreditationRepository } from "../../app/ports.ts";
import type { AccreditationView } from "../../domain/trust/accreditation.ts";
import type { Db } from "../client.ts";
import { accreditations, organizations } from "../schema.ts";

const accreditor = alias(organizations, "accreditor");
const issuer = alias(organizations, "issuer");

const viewQuery = (db: Db) =>
  db
    .select({
      row: accreditations,
      accreditorName: accreditor.name,
      accreditorSlug: accreditor.slug,
      issuerName: issuer.name,
      issuerSlug: issuer.slug,
    })
    .from(accreditations)
    .innerJoin(accreditor, eq(accreditor.id, accreditations.accreditorId))
    .innerJoin(issuer, eq(issuer.id, accreditations.issuerId));

type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>["execute"]>>[number];
const toView = ({ row, ...names }: ViewRow): AccreditationView => ({ ...row, ...names });

export const accreditationRepository = (db: Db): AccreditationRepository => ({
  async insert(accreditation) {
    await db.insert(accreditations).values(accreditation);
  },
  async find(id) {
    const [row] = await viewQuery(db).where(eq(accreditations.id, id));
    return row && toView(row);
  },
  async forIssuers(issuerIds) {
    if (issuerIds.length === 0) return [];
    const rows = await viewQuery(db)
      .where(inArray(accreditations.issuerId, [...issuerIds]))
      .orderBy(desc(accreditations.createdAt));
    return rows.map(toView);
  },
  async byAccreditor(accreditorId) {
    const rows = await viewQuery(db)
      .where(eq(accreditations.accreditorId, accreditorId))
      .orderBy(desc(accreditations.createdAt));
    return rows.map(toView);
  },
  async withdraw(id, at, reason) {
    await db
      .update(accreditations)
      .set({ withdrawnAt: at, withdrawnReason: reason })
      .where(eq(accreditations.id, id));
  },
});
