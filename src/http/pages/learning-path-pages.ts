import { Hono } from "hono";
import type { AppEnv, HttpDeps } from "../env.ts";
import { courseEditorPages } from "./course-editor-pages.tsx";
import { courseModulePages } from "./course-module-pages.tsx";
import { enrolmentPages } from "./enrolment-pages.tsx";
import { learnInvitationPages } from "./learn-invitation-pages.tsx";
import { learnModulePages } from "./learn-module-pages.tsx";
import { learnPages } from "./learn-pages.tsx";

/** Learning paths: the course and module editors, enrolments, and the learner's dashboard, player and modules. */
export function learningPathPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  pages.route("/", courseEditorPages(deps));
  pages.route("/", courseModulePages(deps));
  pages.route("/", enrolmentPages(deps));
  // Before the player's `/learn/:achievementId/…` so an invitation address is never read as a course.
  pages.route("/", learnInvitationPages(deps));
  pages.route("/", learnPages(deps));
  pages.route("/", learnModulePages(deps));
  return pages;
}
