import { type CourseContent, courseContent } from "../../domain/earning/course.ts";
import type { AppDeps } from "../ports.ts";

/** A short, open learning path for one catalog offer, so a learner can enrol straight from the catalog. */
const WEB_ACCESSIBILITY: CourseContent = courseContent.parse({
  enrolment: "open",
  modules: [
    {
      id: "wcag-basics",
      title: "What WCAG 2.2 asks",
      body: [
        "## Four principles",
        "",
        "Content must be **perceivable**, **operable**, **understandable** and **robust**.",
        "",
        "1. Text alternatives for images",
        "2. Everything works with a keyboard",
        "3. Labels say what a field wants",
        "4. Valid, semantic HTML",
      ].join("\n"),
      assessments: [
        {
          kind: "quiz",
          id: "wcag-check",
          title: "WCAG check",
          passMark: 50,
          questions: [
            {
              kind: "single",
              id: "keyboard",
              prompt: "Which principle covers using a site with only a keyboard?",
              options: [
                { id: "perceivable", text: "Perceivable" },
                { id: "operable", text: "Operable" },
                { id: "robust", text: "Robust" },
              ],
              correct: ["operable"],
            },
            {
              kind: "text",
              id: "alt",
              prompt: "Which HTML attribute holds an image's text alternative?",
              accepted: ["alt"],
            },
          ],
        },
      ],
    },
    {
      id: "audit",
      title: "Auditing a page",
      body: "Pick a page you use every day. Tab through it, zoom to 200%, and read it with a screen reader. Note each barrier.",
    },
  ],
});

/** Gives the catalog's demo offers their learning paths, unless they already have one. */
export async function seedDemoCatalogPaths(deps: AppDeps, published: Record<string, string>) {
  const paths: [string, CourseContent][] = [["Web Accessibility Essentials", WEB_ACCESSIBILITY]];
  await deps.uow(async (r) => {
    for (const [name, content] of paths) {
      const achievementId = published[name];
      const achievement = achievementId ? await r.achievements.findAnywhere(achievementId) : undefined;
      if (!achievement || (await r.courses.find(achievement.id))) continue;
      await r.courses.save({
        ...content,
        achievementId: achievement.id,
        organizationId: achievement.organizationId,
        updatedAt: deps.clock(),
      });
    }
  });
}
