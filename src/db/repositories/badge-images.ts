import { desc, eq, getTableColumns } from "drizzle-orm";
import type { BadgeImageRepository } from "../../app/ports.ts";
import type { BadgeImage, BadgeImageType } from "../../domain/badge-images/types.ts";
import type { Db } from "../client.ts";
import { badgeImages } from "../schema.ts";

const { bytes: _, ...summaryColumns } = getTableColumns(badgeImages);
const typed = <T extends { contentType: string }>(row: T) => ({
  ...row,
  contentType: row.contentType as BadgeImageType,
});

export const badgeImageRepository = (db: Db): BadgeImageRepository => ({
  async insert(image) {
    await db.insert(badgeImages).values(image);
  },
  async list(organizationId) {
    const rows = await db
      .select(summaryColumns)
      .from(badgeImages)
      .where(eq(badgeImages.organizationId, organizationId))
      .orderBy(desc(badgeImages.createdAt));
    return rows.map(typed);
  },
  async find(id) {
    const [row] = await db.select().from(badgeImages).where(eq(badgeImages.id, id));
    return row && (typed(row) satisfies BadgeImage);
  },
});
