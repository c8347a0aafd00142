import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { AlignedAchievement, SponsorshipStatus, WorkforceRepository } from "../../app/ports.ts";
import type { Db } from "../client.ts";
import {
  achievements,
  achievementVersions,
  organizations,
  sponsorships,
  workforceMembers,
} from "../schema.ts";

const STATUSES: readonly SponsorshipStatus[] = ["offered", "accepted", "declined"];
const toStatus = (value: string): SponsorshipStatus => STATUSES.find((s) => s === value) ?? "declined";
const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value.trim() : null;

const publishedVersion = and(
  eq(achievementVersions.achievementId, achievements.id),
  eq(achievementVersions.version, achievements.publishedVersion),
);

/**
 * Published micro-credentials aligned to any of the keys. The database narrows by the folded code or name (lower
 * case, spaces collapsed); the caller compares with skillKeyOf for the exact rule.
 */
export async function alignedAchievementQuery(
  db: Db,
  skillKeys: readonly string[],
): Promise<AlignedAchievement[]> {
  if (skillKeys.length === 0) return [];
  const folded = sql`regexp_replace(lower(trim(coalesce(nullif(trim(a->>'targetCode'), ''), a->>'targetName'))), '\\s+', ' ', 'g')`;
  const rows = await db
    .select({
      achievementId: achievements.id,
      definition: achievementVersions.definition,
      organizationName: organizations.name,
    })
    .from(achievements)
    .innerJoin(achievementVersions, publishedVersion)
    .innerJoin(organizations, eq(organizations.id, achievements.organizationId))
    .where(
      and(
        eq(achievements.status, "published"),
        sql`exists (select 1 from jsonb_array_elements(coalesce(${achievementVersions.definition}->'alignments', '[]'::jsonb)) as a where ${folded} in (${sql.join(
          skillKeys.map((key) => sql`${key}`),
          sql`, `,
        )}))`,
      ),
    )
    .limit(200);
  return rows.map((row) => {
    const list = Array.isArray(row.definition.alignments) ? row.definition.alignments : [];
    const level = Number(row.definition.eqfLevel);
    return {
      achievementId: row.achievementId,
      name: text(row.definition.name) ?? "Untitled micro-credential",
      eqfLevel: Number.isInteger(level) && level >= 1 && level <= 8 ? level : null,
      organizationName: row.organizationName,
      alignments: list.flatMap((value: unknown) => {
        if (typeof value !== "object" || value === null) return [];
        const name = text(Reflect.get(value, "targetName"));
        return name ? [{ name, code: text(Reflect.get(value, "targetCode")) }] : [];
      }),
    };
  });
}

const sponsorshipColumns = {
  id: sponsorships.id,
  organizationId: sponsorships.organizationId,
  memberId: sponsorships.memberId,
  achievementId: sponsorships.achievementId,
  skillKey: sponsorships.skillKey,
  note: sponsorships.note,
  status: sponsorships.status,
  createdBy: sponsorships.createdBy,
  createdAt: sponsorships.createdAt,
  answeredAt: sponsorships.answeredAt,
};
const latestName = sql<string>`coalesce((select v.definition->>'name' from achievement_versions v where v.achievement_id = "sponsorships"."achievement_id" order by v.version desc limit 1), '')`;

type SponsorshipQueries = Pick<
  WorkforceRepository,
  | "insertSponsorship"
  | "findSponsorship"
  | "hasOpenSponsorship"
  | "listSponsorships"
  | "sponsorshipsOf"
  | "answerSponsorship"
>;

export const sponsorshipQueries = (db: Db): SponsorshipQueries => ({
  async insertSponsorship(sponsorship) {
    await db.insert(sponsorships).values(sponsorship);
  },
  async findSponsorship(id) {
    const [row] = await db.select(sponsorshipColumns).from(sponsorships).where(eq(sponsorships.id, id));
    return row && { ...row, status: toStatus(row.status) };
  },
  async hasOpenSponsorship(memberId, achievementId) {
    const [row] = await db
      .select({ id: sponsorships.id })
      .from(sponsorships)
      .where(
        and(
          eq(sponsorships.memberId, memberId),
          eq(sponsorships.achievementId, achievementId),
          inArray(sponsorships.status, ["offered", "accepted"]),
        ),
      );
    return row !== undefined;
  },
  async listSponsorships(organizationId) {
    const rows = await db
      .select({ ...sponsorshipColumns, achievementName: latestName })
      .from(sponsorships)
      .where(eq(sponsorships.organizationId, organizationId))
      .orderBy(desc(sponsorships.createdAt));
    return rows.map((row) => ({ ...row, status: toStatus(row.status) }));
  },
  async sponsorshipsOf(userId) {
    const rows = await db
      .select({ ...sponsorshipColumns, achievementName: latestName, organizationName: organizations.name })
      .from(sponsorships)
      .innerJoin(workforceMembers, eq(workforceMembers.id, sponsorships.memberId))
      .innerJoin(organizations, eq(organizations.id, sponsorships.organizationId))
      .where(eq(workforceMembers.userId, userId))
      .orderBy(desc(sponsorships.createdAt));
    return rows.map((row) => ({ ...row, status: toStatus(row.status) }));
  },
  async answerSponsorship(id, status, at) {
    const updated = await db
      .update(sponsorships)
      .set({ status, answeredAt: at })
      .where(and(eq(sponsorships.id, id), eq(sponsorships.status, "offered")))
      .returning({ id: sponsorships.id });
    return updated.length > 0;
  },
});
