import type { Course } from "../../domain/earning/course.ts";
import type { CompletionFunnel } from "../../domain/earning/funnel.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";

export type PathOverview = { course: Course; name: string; status: string; funnel: CompletionFunnel };

/** Every learning path of an organization with its completion funnel, for owners, issuers and assessors. */
export const getLearningOverview = (deps: AppDeps, actor: Actor, slug: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "assessments:grade");
    const [courses, funnels, achievements] = await Promise.all([
      r.courses.listForOrganization(access.organization.id),
      r.enrolments.funnels(access.organization.id),
      r.achievements.list(access.organization.id),
    ]);
    const paths: PathOverview[] = courses.map((course) => {
      const achievement = achievements.find((a) => a.id === course.achievementId);
      return {
        course,
        name: achievement?.name ?? "Micro-credential",
        status: achievement?.status ?? "draft",
        funnel: funnels.find((f) => f.achievementId === course.achievementId) ?? {
          achievementId: course.achievementId,
          enrolled: 0,
          pending: 0,
          started: 0,
          completed: 0,
          modules: {},
          quizzesPassed: {},
          projectsSubmitted: {},
          projectsGraded: {},
        },
      };
    });
    return { ...access, paths: paths.sort((a, b) => a.name.localeCompare(b.name)) };
  });
