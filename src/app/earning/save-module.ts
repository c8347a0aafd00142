import { z } from "zod";
import type { CourseModule } from "../../domain/earning/course.ts";
import { VIDEO_HINT, videoEmbed } from "../../domain/earning/video.ts";
import type { Actor } from "../../domain/types.ts";
import type { AppDeps } from "../ports.ts";
import { editableCourseIn, invalidFields, moduleOf, saveCourseIn, shortId } from "./course-access.ts";

const moduleInput = z.object({
  title: z.string().trim().min(1, "Name the module.").max(200, "Use at most 200 characters."),
  body: z
    .string()
    .max(50_000, "Use at most 50,000 characters.")
    .transform((body) => body.replace(/\r\n/g, "\n")),
  videoUrl: z
    .string()
    .trim()
    .max(2000, VIDEO_HINT)
    .refine((url) => url === "" || videoEmbed(url) !== undefined, VIDEO_HINT),
});

/**
 * Adds a module at the end of the course (no `moduleId`) or changes one: its title, Markdown body and video address.
 * Bad input changes nothing and names the field.
 */
export const saveModule = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  achievementId: string,
  moduleId: string | undefined,
  values: unknown,
): Promise<CourseModule> =>
  deps.uow(async (r) => {
    const parsed = moduleInput.safeParse(values);
    if (!parsed.success) throw invalidFields(parsed.error.issues);
    const { title, body, videoUrl } = parsed.data;
    const { course } = await editableCourseIn(deps, r, actor, slug, achievementId);
    const existing = moduleId === undefined ? undefined : moduleOf(course, moduleId);
    const module: CourseModule = {
      id: existing?.module.id ?? shortId(deps),
      title,
      body,
      ...(videoUrl ? { videoUrl } : {}),
      assessments: existing?.module.assessments ?? [],
    };
    const modules = existing
      ? course.modules.map((m) => (m.id === module.id ? module : m))
      : [...course.modules, module];
    await saveCourseIn(
      deps,
      r,
      actor,
      course,
      { ...course, modules },
      {
        action: existing ? "course.module_changed" : "course.module_added",
        data: { moduleId: module.id, title },
      },
    );
    return module;
  });
