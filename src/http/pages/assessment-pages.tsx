import { Hono } from "hono";
import { assessmentQueue } from "../../app/earning/assessment-queue.ts";
import { gradeSubmission } from "../../app/earning/grade-submission.ts";
import { gradingView } from "../../app/earning/grading-view.ts";
import { submissionFile } from "../../app/earning/submission-file.ts";
import { type AppEnv, actorOf, type HttpDeps } from "../env.ts";
import { type FormErrors, fieldText } from "./forms.tsx";
import { type GradingForm, GradingScreen } from "./grading-parts.tsx";
import {
  formFailure,
  type PageContext,
  pathParam,
  plural,
  readForm,
  redirectWith,
  render,
  signedIn,
} from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";
import { downloadHeaders, when } from "./project-parts.tsx";

/** `/orgs/:slug/assessments`: submissions awaiting grading; `/orgs/:slug/assessments/:submissionId`: grading one. */
export function assessmentPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();

  pages.get(
    "/orgs/:slug/assessments",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const { organization, membership, rows, counts } = await assessmentQueue(deps, actorOf(user), slug);
      return render(
        c,
        `Assessments · ${organization.name}`,
        <section>
          <OrganizationTabs organization={organization} memberRole={membership?.role} current="assessments" />
          <div class="page-head">
            <h2>Submissions awaiting grading</h2>
            <a href={`/orgs/${slug}/assessments/peer-review`}>Peer-review health</a>
          </div>
          <p>
            {counts.submitted} awaiting grading, {counts.returned} returned for revision, {counts.graded}{" "}
            graded.
          </p>
          {rows.length ? (
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">Submissions awaiting grading, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Submitted</th>
                    <th scope="col">Micro-credential</th>
                    <th scope="col">Project</th>
                    <th scope="col">Revision</th>
                    <th scope="col">Learner</th>
                    <th scope="col">Links and files</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr>
                      <td>
                        <a href={`/orgs/${slug}/assessments/${row.id}`}>{when(row.submittedAt)}</a>
                      </td>
                      <td>{row.achievementName}</td>
                      <td>{row.projectTitle}</td>
                      <td>{row.revision}</td>
                      <td>{row.learnerName}</td>
                      <td>
                        {plural(row.links.length, "link")}, {plural(row.fileCount, "file")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>Nothing is waiting to be graded.</p>
          )}
        </section>,
      );
    }),
  );

  const grading = async (c: PageContext, form?: GradingForm, errors?: FormErrors, message?: string) => {
    const user = c.get("user");
    if (!user) return c.redirect("/signin", 303);
    const [slug, submissionId] = [pathParam(c, "slug"), pathParam(c, "submissionId")];
    const view = await gradingView(deps, actorOf(user), slug, submissionId);
    const path = `/orgs/${slug}/assessments/${submissionId}`;
    return render(
      c,
      `Grading · ${view.project.title}`,
      <section>
        <OrganizationTabs
          organization={view.organization}
          memberRole={view.membership?.role}
          current="assessments"
        />
        <p>
          <a href={`/orgs/${slug}/assessments`}>Back to the queue</a>
        </p>
        <GradingScreen
          view={view}
          action={path}
          fileHref={(id) => `${path}/files/${id}`}
          csrf={c.get("csrfToken")}
          form={form}
          errors={errors}
          message={message}
          peerPanel={view.peer.panel}
        />
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/assessments/:submissionId",
    signedIn((c) => grading(c)),
  );
  pages.post(
    "/orgs/:slug/assessments/:submissionId",
    signedIn(async (c, user) => {
      const [slug, submissionId] = [pathParam(c, "slug"), pathParam(c, "submissionId")];
      const values = await readForm(c);
      const levels: Record<string, string> = {};
      for (const [key, value] of Object.entries(values))
        if (key.startsWith("level:") && typeof value === "string") levels[key.slice("level:".length)] = value;
      const form = { levels, feedback: fieldText(values, "feedback") };
      const action = fieldText(values, "action") === "return" ? "return" : "grade";
      try {
        await gradeSubmission(
          deps,
          actorOf(user),
          slug,
          submissionId,
          action === "return" ? { action, feedback: form.feedback } : { action, ...form },
        );
        return redirectWith(
          c,
          `/orgs/${slug}/assessments`,
          action === "return" ? "The submission is returned for revision." : "The submission is graded.",
        );
      } catch (error) {
        return formFailure(c, error, (errs, message) => grading(c, form, errs, message));
      }
    }),
  );
  pages.get(
    "/orgs/:slug/assessments/:submissionId/files/:fileId",
    signedIn(async (c, user) => {
      const { file, bytes } = await submissionFile(deps, actorOf(user), pathParam(c, "fileId"), {
        kind: "grader",
        slug: pathParam(c, "slug"),
        submissionId: pathParam(c, "submissionId"),
      });
      return c.body(new Uint8Array(bytes), 200, downloadHeaders(file));
    }),
  );
  return pages;
}
