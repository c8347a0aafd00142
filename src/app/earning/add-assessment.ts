import { z } from "zod";
import type { Assessment } from "../../domain/earning/course.ts";
import type { Actor } from "../../domain/types.ts";
import type { AppDeps } from "../ports.ts";
import { editableCourseIn, invalidFields, moduleOf, saveCourseIn, shortId } from "./course-access.ts";

const input = z.object({
  kind: z.enum(["quiz", "project"], "Add a quiz or a project."),
  title: z.string().trim().min(1, "Give it a title.").max(200, "Use at most 200 characters."),
});

/**
 * Attaches a new assessment to a module with just a title: a quiz with a 70% pass mark and no questions yet, or a
 * project with an empty rubric. Its own editor fills in the rest. Returns the new assessment.
 */
export const addAssessment = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  achievementId: string,
  moduleId: string,
  values: unknown,
): Promise<Assessment> =>
  deps.uow(async (r) => {
    const parsed = input.safeParse(values);
    if (!parsed.success) throw invalidFields(parsed.error.issues);
    const { kind, title } = parsed.data;
    const { course } = await editableCourseIn(deps, r, actor, slug, achievementId);
    const { module } = moduleOf(course, moduleId);
    const id = shortId(deps);
    const assessment: Assessment =
      kind === "quiz"
        ? { kind, id, title, questions: [], shuffleOptions: true, passMark: 70, cooldownMinutes: 0 }
        : {
            kind,
            id,
            title,
            brief: "",
            rubric: [],
            passPoints: 0,
            accepts: { text: true, links: true, files: false, fileTypes: ["pdf"], maxFileMb: 10 },
          };
    const modules = course.modules.map((m) =>
      m.id === module.id ? { ...m, assessments: [...m.assessments, assessment] } : m,
    );
    await saveCourseIn(
      deps,
      r,
      actor,
      course,
      { ...course, modules },
      {
        action: "course.assessment_added",
        data: { moduleId, assessmentId: id, kind, title },
      },
    );
    return assessment;
  });
