import { type SQL, sql } from "drizzle-orm";
import type { CompletionFunnel } from "../../domain/earning/funnel.ts";
import type { Db } from "../client.ts";

const counts = (rows: Record<string, unknown>[]) =>
  Object.fromEntries(rows.map((row) => [String(row.key), Number(row.n)]));

/** The completion funnel of each path of an organization, counted in a few grouped queries. */
export async function completionFunnels(db: Db, organizationId: string): Promise<CompletionFunnel[]> {
  // Both drivers answer `execute` with an object holding `rows`.
  const q = async (query: SQL) =>
    ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const [enrolled, modules, quizzes, submitted, graded] = await Promise.all([
    q(sql`SELECT e.achievement_id AS key,
              count(*) FILTER (WHERE e.status <> 'declined') AS enrolled,
              count(*) FILTER (WHERE e.status = 'pending') AS pending,
              count(*) FILTER (WHERE e.status = 'completed') AS completed,
              count(*) FILTER (WHERE e.status IN ('active', 'completed') AND (
                EXISTS (SELECT 1 FROM module_completions m WHERE m.enrolment_id = e.id)
                OR EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.enrolment_id = e.id)
                OR EXISTS (SELECT 1 FROM project_submissions s WHERE s.enrolment_id = e.id))) AS started
         FROM enrolments e WHERE e.organization_id = ${organizationId} GROUP BY e.achievement_id`),
    q(sql`SELECT e.achievement_id AS path, m.module_id AS key, count(*) AS n
         FROM module_completions m JOIN enrolments e ON e.id = m.enrolment_id
        WHERE e.organization_id = ${organizationId} GROUP BY e.achievement_id, m.module_id`),
    q(sql`SELECT e.achievement_id AS path, a.quiz_id AS key, count(DISTINCT a.enrolment_id) AS n
         FROM quiz_attempts a JOIN enrolments e ON e.id = a.enrolment_id
        WHERE e.organization_id = ${organizationId} AND a.passed GROUP BY e.achievement_id, a.quiz_id`),
    q(sql`SELECT e.achievement_id AS path, s.project_id AS key, count(DISTINCT s.enrolment_id) AS n
         FROM project_submissions s JOIN enrolments e ON e.id = s.enrolment_id
        WHERE s.organization_id = ${organizationId} GROUP BY e.achievement_id, s.project_id`),
    q(sql`SELECT e.achievement_id AS path, s.project_id AS key, count(DISTINCT s.enrolment_id) AS n
         FROM project_submissions s JOIN enrolments e ON e.id = s.enrolment_id
        WHERE s.organization_id = ${organizationId} AND s.status = 'graded' GROUP BY e.achievement_id, s.project_id`),
  ]);
  const of = (rows: Record<string, unknown>[], path: unknown) => counts(rows.filter((r) => r.path === path));
  return enrolled.map((row) => ({
    achievementId: String(row.key),
    enrolled: Number(row.enrolled),
    pending: Number(row.pending),
    started: Number(row.started),
    completed: Number(row.completed),
    modules: of(modules, row.key),
    quizzesPassed: of(quizzes, row.key),
    projectsSubmitted: of(submitted, row.key),
    projectsGraded: of(graded, row.key),
  }));
}
