import { and, asc, count, eq } from "drizzle-orm";
import type { MembershipRepository, OrganizationRepository } from "../../app/ports.ts";
import type { OrganizationRole } from "../../domain/roles.ts";
import type { Organization } from "../../domain/types.ts";
import type { Db } from "../client.ts";
import { memberships, organizations, users } from "../schema.ts";

const columns = {
  id: organizations.id,
  slug: organizations.slug,
  name: organizations.name,
  website: organizations.website,
  contactEmail: organizations.contactEmail,
  country: organizations.country,
  region: organizations.region,
  description: organizations.description,
  logoType: organizations.logoType,
  credentialFormat: organizations.credentialFormat,
  accreditorSince: organizations.accreditorSince,
  createdAt: organizations.createdAt,
  updatedAt: organizations.updatedAt,
};

const toOrganization = ({
  logoType,
  credentialFormat,
  ...row
}: Omit<Organization, "hasLogo" | "credentialFormat"> & {
  logoType: string | null;
  credentialFormat: string;
}): Organization => ({
  ...row,
  credentialFormat: credentialFormat === "jwt" ? "jwt" : "ldp",
  hasLogo: logoType !== null,
});

export const organizationRepository = (db: Db): OrganizationRepository => ({
  async insert({ hasLogo: _, ...organization }) {
    await db.insert(organizations).values(organization);
  },
  async findById(id) {
    const [row] = await db.select(columns).from(organizations).where(eq(organizations.id, id));
    return row && toOrganization(row);
  },
  async findBySlug(slug) {
    const [row] = await db.select(columns).from(organizations).where(eq(organizations.slug, slug));
    return row && toOrganization(row);
  },
  async update(id, profile, now) {
    await db
      .update(organizations)
      .set({ ...profile, updatedAt: now })
      .where(eq(organizations.id, id));
  },
  async setAccreditor(id, since) {
    await db.update(organizations).set({ accreditorSince: since }).where(eq(organizations.id, id));
  },
  async setLogo(id, logo, now) {
    await db
      .update(organizations)
      .set({ logo: logo?.bytes ?? null, logoType: logo?.contentType ?? null, updatedAt: now })
      .where(eq(organizations.id, id));
  },
  async getLogo(slug) {
    const [row] = await db
      .select({ bytes: organizations.logo, contentType: organizations.logoType })
      .from(organizations)
      .where(eq(organizations.slug, slug));
    return row?.bytes && row.contentType ? { bytes: row.bytes, contentType: row.contentType } : undefined;
  },
  async listForUser(userId) {
    const rows = await db
      .select({ ...columns, role: memberships.role })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(organizations.name));
    return rows.map(({ role, ...row }) => ({ ...toOrganization(row), role: role as OrganizationRole }));
  },
  async listAll() {
    const rows = await db.select(columns).from(organizations).orderBy(asc(organizations.name));
    return rows.map(toOrganization);
  },
});

export const membershipRepository = (db: Db): MembershipRepository => ({
  async insert(membership) {
    await db.insert(memberships).values(membership);
  },
  async find(organizationId, userId) {
    const [row] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
    return row && { ...row, role: row.role as OrganizationRole };
  },
  async list(organizationId) {
    const rows = await db
      .select({
        organizationId: memberships.organizationId,
        userId: memberships.userId,
        role: memberships.role,
        createdAt: memberships.createdAt,
        email: users.email,
        name: users.name,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organizationId, organizationId))
      .orderBy(asc(users.name));
    return rows.map((row) => ({ ...row, role: row.role as OrganizationRole }));
  },
  async updateRole(organizationId, userId, role) {
    await db
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  },
  async delete(organizationId, userId) {
    await db
      .delete(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  },
  async countOwners(organizationId) {
    const [row] = await db
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "owner")));
    return row?.n ?? 0;
  },
});
