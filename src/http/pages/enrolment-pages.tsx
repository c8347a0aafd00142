import { Hono } from "hono";
import { decideEnrolment } from "../../app/earning/decide-enrolment.ts";
import { inviteLearners } from "../../app/earning/invite-learners.ts";
import { listEnrolments } from "../../app/earning/list-enrolments.ts";
import type { EnrolmentStatus } from "../../domain/earning/enrolment.ts";
import { type AppEnv, actorOf, type HttpDeps } from "../env.ts";
import { MODE_LABELS } from "./course-editor-pages.tsx";
import { ErrorSummary, Field, Form, type FormErrors, type FormValues, fieldText } from "./forms.tsx";
import {
  formFailure,
  type PageContext,
  pathParam,
  readForm,
  redirectWith,
  render,
  signedIn,
} from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";

export const STATUS_LABELS: Record<EnrolmentStatus, string> = {
  pending: "Waiting for approval",
  active: "Learning",
  declined: "Declined",
  completed: "Completed",
};
const day = (date: Date) => date.toISOString().slice(0, 10);

/** `/orgs/:slug/achievements/:achievementId/course/enrolments`: who is enrolled, requests to decide, invitations. */
export function enrolmentPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  const base = (c: PageContext) =>
    `/orgs/${pathParam(c, "slug")}/achievements/${pathParam(c, "achievementId")}/course`;

  const page = async (c: PageContext, values: FormValues = {}, errors?: FormErrors, message?: string) => {
    const user = c.get("user");
    if (!user) return c.redirect("/signin", 303);
    const view = await listEnrolments(
      deps,
      actorOf(user),
      pathParam(c, "slug"),
      pathParam(c, "achievementId"),
    );
    const csrf = c.get("csrfToken");
    const here = base(c);
    return render(
      c,
      `Enrolments · ${view.name}`,
      <section>
        <OrganizationTabs
          organization={view.organization}
          memberRole={view.membership?.role}
          current="achievements"
        />
        <p>
          <a href={here}>Back to the course {view.name}</a>
        </p>
        <h2>Enrolments: {view.name}</h2>
        <p>
          Enrolment: <strong>{view.mode ? MODE_LABELS[view.mode][0] : "no course yet"}</strong>
          {view.mode ? ` (${MODE_LABELS[view.mode][1]})` : ""}
        </p>
        <ErrorSummary errors={errors} message={message} />
        {view.enrolments.length ? (
          <table>
            <caption class="visually-hidden">Learners on this course</caption>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Email</th>
                <th scope="col">Status</th>
                <th scope="col">Since</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {view.enrolments.map((e) => (
                <tr>
                  <td>{e.name}</td>
                  <td class="wrap">{e.email}</td>
                  <td>
                    <span class={e.status === "declined" ? "tag warn" : "tag"}>
                      {STATUS_LABELS[e.status]}
                    </span>
                  </td>
                  <td>{day(e.decidedAt ?? e.createdAt)}</td>
                  <td>
                    {e.status === "pending" ? (
                      <>
                        <Form action={`${here}/enrolments/${e.id}/approve`} csrf={csrf} class="inline">
                          <button type="submit" class="small">
                            Approve <span class="visually-hidden">{e.name}</span>
                          </button>
                        </Form>{" "}
                        <Form action={`${here}/enrolments/${e.id}/decline`} csrf={csrf} class="inline">
                          <button type="submit" class="secondary small">
                            Decline <span class="visually-hidden">{e.name}</span>
                          </button>
                        </Form>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>Nobody has enrolled yet.</p>
        )}
        <h3 id="invite">Invite learners</h3>
        <p>
          Each address gets a personal link that enrols its owner at once, whatever the enrolment mode. Links
          expire after 14 days.
        </p>
        <div class="narrow">
          <Form action={`${here}/invitations`} csrf={csrf}>
            <Field
              name="emails"
              type="textarea"
              label="Email addresses"
              hint="One per line, or separated by commas."
              value={fieldText(values, "emails")}
              errors={errors}
            />
            <button type="submit">Send the invitations</button>
          </Form>
        </div>
        {view.invitations.length ? (
          <table>
            <caption>Invitations sent</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Sent</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {view.invitations.map((i) => (
                <tr>
                  <td class="wrap">{i.email}</td>
                  <td>{day(i.createdAt)}</td>
                  <td>
                    {i.acceptedAt
                      ? `Accepted ${day(i.acceptedAt)}`
                      : i.expiresAt <= view.now
                        ? "Expired"
                        : `Open until ${day(i.expiresAt)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/achievements/:achievementId/course/enrolments",
    signedIn((c) => page(c)),
  );
  for (const decision of ["approve", "decline"] as const) {
    pages.post(
      `/orgs/:slug/achievements/:achievementId/course/enrolments/:enrolmentId/${decision}`,
      signedIn(async (c, user) => {
        await readForm(c);
        try {
          await decideEnrolment(
            deps,
            actorOf(user),
            pathParam(c, "slug"),
            pathParam(c, "achievementId"),
            pathParam(c, "enrolmentId"),
            decision,
          );
          return redirectWith(
            c,
            `${base(c)}/enrolments`,
            decision === "approve" ? "The enrolment is approved." : "The enrolment is declined.",
          );
        } catch (error) {
          return formFailure(c, error, (errors, message) => page(c, {}, errors, message));
        }
      }),
    );
  }
  pages.post(
    "/orgs/:slug/achievements/:achievementId/course/invitations",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      try {
        const { invited, skipped } = await inviteLearners(
          deps,
          actorOf(user),
          pathParam(c, "slug"),
          pathParam(c, "achievementId"),
          fieldText(values, "emails"),
        );
        const notice = [
          invited.length ? `Invitations sent to ${invited.join(", ")}.` : "",
          skipped.length ? `Already enrolled, not invited again: ${skipped.join(", ")}.` : "",
        ].join(" ");
        return redirectWith(c, `${base(c)}/enrolments#invite`, notice.trim());
      } catch (error) {
        return formFailure(c, error, (errors, message) => page(c, values, errors, message));
      }
    }),
  );
  return pages;
}
