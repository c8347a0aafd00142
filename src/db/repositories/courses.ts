import { eq } from "drizzle-orm";
import type { CourseRepository } from "../../app/ports.ts";
import { type Course, courseContent } from "../../domain/earning/course.ts";
import type { Db } from "../client.ts";
import { courses } from "../schema.ts";

const toCourse = (row: typeof courses.$inferSelect): Course => ({
  // Written only from validated content; parsing again fills defaults added since it was saved.
  ...courseContent.parse(row.content),
  achievementId: row.achievementId,
  organizationId: row.organizationId,
  updatedAt: row.updatedAt,
});

export const courseRepository = (db: Db): CourseRepository => ({
  async find(achievementId) {
    const [row] = await db.select().from(courses).where(eq(courses.achievementId, achievementId));
    return row && toCourse(row);
  },
  async lock(achievementId) {
    const [row] = await db
      .select()
      .from(courses)
      .where(eq(courses.achievementId, achievementId))
      .for("update");
    return row && toCourse(row);
  },
  async save(course) {
    const { achievementId, organizationId, updatedAt, ...content } = course;
    await db
      .insert(courses)
      .values({ achievementId, organizationId, updatedAt, content })
      .onConflictDoUpdate({ target: courses.achievementId, set: { content, updatedAt } });
  },
  async listForOrganization(organizationId) {
    const rows = await db.select().from(courses).where(eq(courses.organizationId, organizationId));
    return rows.map(toCourse);
  },
});
