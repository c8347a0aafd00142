import type { CourseInvitation } from "../../domain/earning/enrolment.ts";
import { DomainError } from "../../domain/errors.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { type LearnerCourse, publishedCourseIn } from "./learner-course.ts";

export type CourseInvitationView = LearnerCourse & { invitation: CourseInvitation };

/** The open invitation a link's token names, with its course; used, expired or unknown links are refused. */
export async function openCourseInvitationIn(
  deps: AppDeps,
  r: Repositories,
  token: string,
): Promise<CourseInvitationView> {
  const invitation = await r.enrolments.findInvitation(deps.secrets.digest(token));
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= deps.clock()) {
    throw new DomainError("invalid_link", "This invitation is invalid, expired or already accepted.");
  }
  return { ...(await publishedCourseIn(r, invitation.achievementId)), invitation };
}

/** What the invitation page shows before the invitee accepts. */
export const viewCourseInvitation = (deps: AppDeps, token: string) =>
  deps.uow((r) => openCourseInvitationIn(deps, r, token));
