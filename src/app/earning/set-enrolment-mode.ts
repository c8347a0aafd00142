import { z } from "zod";
import { ENROLMENT_MODES } from "../../domain/earning/course.ts";
import type { Actor } from "../../domain/types.ts";
import type { AppDeps } from "../ports.ts";
import { editableCourseIn, invalidFields, saveCourseIn } from "./course-access.ts";

const input = z.object({
  enrolment: z.enum(ENROLMENT_MODES, "Choose open, by invitation or by approval."),
});

/** Sets how learners join the course: open (at once), by invitation, or by approval of the issuer. */
export const setEnrolmentMode = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  achievementId: string,
  values: unknown,
) =>
  deps.uow(async (r) => {
    const parsed = input.safeParse(values);
    if (!parsed.success) throw invalidFields(parsed.error.issues);
    const { course } = await editableCourseIn(deps, r, actor, slug, achievementId);
    return saveCourseIn(
      deps,
      r,
      actor,
      course,
      { ...course, enrolment: parsed.data.enrolment },
      { action: "course.enrolment_mode_set", data: { enrolment: parsed.data.enrolment } },
    );
  });
