import { and, eq, inArray, sql } from "drizzle-orm";
import type { CourseRepository } from "../../app/ports.ts";
import {
  type Course,
  courseContent,
  ENROLMENT_MODES,
  type EnrolmentMode,
} from "../../domain/earning/course.ts";
import type { Db } from "../client.ts";
import { courses } from "../schema.ts";

const toCourse = (row: typeof courses.$inferSelect): Course => ({
  // Written only from validated content; parsing again fills defaults added since it was saved.
  ...courseContent.parse(row.content),
  achievementId: row.achievementId,
  organizationId: row.organizationId,
  updatedAt: row.updatedAt,
});

const modeOf = (value: string): EnrolmentMode => ENROLMENT_MODES.find((mode) => mode === value) ?? "open";

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
  async enrollable(achievementIds) {
    if (achievementIds.length === 0) return [];
    const rows = await db
      .select({ achievementId: courses.achievementId, mode: sql<string>`${courses.content}->>'enrolment'` })
      .from(courses)
      .where(
        and(
          inArray(courses.achievementId, [...achievementIds]),
          sql`jsonb_array_length(coalesce(${courses.content}->'modules', '[]'::jsonb)) > 0`,
        ),
      );
    return rows.map((row) => ({ achievementId: row.achievementId, mode: modeOf(row.mode) }));
  },
  async listForOrganization(organizationId) {
    const rows = await db.select().from(courses).where(eq(courses.organizationId, organizationId));
    return rows.map(toCourse);
  },
});
