import { Hono } from "hono";
import { acceptCourseInvitation } from "../../app/earning/accept-course-invitation.ts";
import { viewCourseInvitation } from "../../app/earning/course-invitation.ts";
import { isDomainError } from "../../domain/errors.ts";
import type { AppEnv, HttpDeps } from "../env.ts";
import { statusFor } from "../problem.ts";
import { ErrorSummary, Form } from "./forms.tsx";
import { type PageContext, pathParam, readForm, redirectWith, render } from "./kit.tsx";

/** `/learn/invitations/:token`: an invitation to a course, accepted by the signed-in invitee. */
export function learnInvitationPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  const page = async (c: PageContext, message?: string) => {
    const token = pathParam(c, "token");
    const { invitation, name, organization } = await viewCourseInvitation(deps, token);
    const user = c.get("user");
    const here = `/learn/invitations/${token}`;
    return render(
      c,
      `Invitation to ${name}`,
      <section class="narrow">
        <h1>Invitation to the course “{name}”</h1>
        <p>
          {organization.name} invited <strong>{invitation.email}</strong> to the course leading to the
          micro-credential <a href={`/achievements/${invitation.achievementId}`}>{name}</a>.
        </p>
        <ErrorSummary errors={undefined} message={message} />
        {user ? (
          <Form action={here} csrf={c.get("csrfToken")}>
            <button type="submit">Accept and enrol</button>
          </Form>
        ) : (
          <p>
            <a href={`/signin?next=${encodeURIComponent(here)}`}>Sign in</a> or{" "}
            <a
              href={`/signup?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}
            >
              create an account
            </a>{" "}
            with {invitation.email} to accept.
          </p>
        )}
      </section>,
    );
  };
  pages.get("/learn/invitations/:token", (c) => page(c));
  pages.post("/learn/invitations/:token", async (c) => {
    const token = pathParam(c, "token");
    const user = c.get("user");
    if (!user) return c.redirect(`/signin?next=${encodeURIComponent(`/learn/invitations/${token}`)}`, 303);
    await readForm(c);
    try {
      const enrolment = await acceptCourseInvitation(deps, user.id, token);
      return redirectWith(
        c,
        `/learn/${enrolment.achievementId}`,
        "You are enrolled. Start with the first module.",
      );
    } catch (error) {
      if (!isDomainError(error) || error.code === "invalid_link" || error.code === "course_not_found")
        throw error;
      c.status(statusFor(error.code));
      return page(c, error.message);
    }
  });
  return pages;
}
