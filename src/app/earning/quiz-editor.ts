import type { Actor } from "../../domain/types.ts";
import type { AppDeps } from "../ports.ts";
import { staffQuizIn } from "./quiz-edit.ts";

/** The quiz editor's content: the quiz with its whole question bank and keys, for the organization's staff. */
export const quizEditor = (
  deps: AppDeps,
  actor: Actor,
  input: { slug: string; achievementId: string; quizId: string },
) =>
  deps.uow(async (r) => {
    const found = await staffQuizIn(r, actor, input.slug, input.achievementId, input.quizId);
    const achievement = await r.achievements.find(found.organization.id, input.achievementId);
    const version = achievement && (await r.achievements.version(achievement.id, achievement.latestVersion));
    return { ...found, courseName: version?.definition.name ?? "Course" };
  });
