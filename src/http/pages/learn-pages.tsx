import { Hono } from "hono";
import { coursePlayer } from "../../app/earning/course-player.ts";
import { enrol } from "../../app/earning/enrol.ts";
import { learnerDashboard } from "../../app/earning/learner-dashboard.ts";
import type { Assessment } from "../../domain/earning/course.ts";
import type { Enrolment } from "../../domain/earning/enrolment.ts";
import { isDomainError } from "../../domain/errors.ts";
import type { AppEnv, HttpDeps } from "../env.ts";
import { statusFor } from "../problem.ts";
import { STATUS_LABELS } from "./enrolment-pages.tsx";
import { ErrorSummary, Form } from "./forms.tsx";
import { type PageContext, pathParam, readForm, redirectWith, render, signedIn } from "./kit.tsx";

export const assessmentHref = (achievementId: string, a: Pick<Assessment, "kind" | "id">) =>
  `/learn/${achievementId}/${a.kind === "quiz" ? "quizzes" : "projects"}/${a.id}`;

export const Progress = (props: { percent: number; label: string }) => (
  <p class="progress-line">
    <progress max={100} value={props.percent} aria-label={props.label} /> {props.percent}% done
  </p>
);

const admitted = (enrolment: Enrolment | undefined) =>
  enrolment?.status === "active" || enrolment?.status === "completed";

/** The learner side: the dashboard `/learn`, the course player `/learn/:achievementId` and enrolling. */
export function learnPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();

  pages.get(
    "/learn",
    signedIn(async (c, user) => {
      const rows = await learnerDashboard(deps, user.id);
      return render(
        c,
        "Your learning",
        <section>
          <h1>Your learning</h1>
          {rows.length ? (
            <ul class="cards">
              {rows.map((row) => (
                <li class="card">
                  <h2>
                    <a href={`/learn/${row.enrolment.achievementId}`}>{row.name}</a>
                  </h2>
                  <p class="hint">by {row.issuer}</p>
                  <p>
                    <span class={row.enrolment.status === "declined" ? "tag warn" : "tag"}>
                      {STATUS_LABELS[row.enrolment.status]}
                    </span>
                  </p>
                  <Progress percent={row.percent} label={`Progress in ${row.name}`} />
                  {row.enrolment.status === "completed" ? (
                    <a href={row.walletItemId ? `/wallet/${row.walletItemId}` : "/wallet"}>
                      See the credential in your wallet
                    </a>
                  ) : row.enrolment.status === "active" ? (
                    <a href={`/learn/${row.enrolment.achievementId}`}>
                      Continue learning <span class="visually-hidden">{row.name}</span>
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>
              You are not enrolled on any course yet. Find one in the <a href="/catalog">catalog</a>.
            </p>
          )}
        </section>,
      );
    }),
  );

  const player = async (c: PageContext, message?: string) => {
    const user = c.get("user");
    if (!user) return c.redirect("/signin", 303);
    const id = pathParam(c, "achievementId");
    const view = await coursePlayer(deps, user.id, id);
    const { enrolment } = view;
    const open = admitted(enrolment);
    return render(
      c,
      view.name,
      <section>
        <p class="hint">
          A course by <strong>{view.organization.name}</strong> leading to the micro-credential{" "}
          <a href={`/achievements/${id}`}>{view.name}</a>
        </p>
        <h1>{view.name}</h1>
        <ErrorSummary errors={undefined} message={message} />
        {!enrolment ? (
          view.course.enrolment === "invitation" ? (
            <p>
              This course admits learners by invitation: the link in an invitation from{" "}
              {view.organization.name} enrols you.
            </p>
          ) : (
            <Form action={`/learn/${id}/enrol`} csrf={c.get("csrfToken")}>
              <button type="submit">{view.course.enrolment === "open" ? "Enrol" : "Ask to enrol"}</button>
            </Form>
          )
        ) : (
          <>
            <p>
              Your enrolment: <span class="tag">{STATUS_LABELS[enrolment.status]}</span>
              {enrolment.status === "pending"
                ? ` ${view.organization.name} will approve or decline your request; you hear by mail.`
                : ""}
              {enrolment.status === "completed" ? (
                <>
                  {" "}
                  The credential is yours: see it in your <a href="/wallet">wallet</a>, and{" "}
                  <a href={`/evidence/${enrolment.id}`}>your learning record</a>, the evidence it links to.
                </>
              ) : null}
            </p>
            {open ? <Progress percent={view.percent} label={`Progress in ${view.name}`} /> : null}
          </>
        )}
        <h2>Modules</h2>
        <ol class="course-modules">
          {view.modules.map(({ module, done }) => (
            <li>
              {open ? <a href={`/learn/${id}/modules/${module.id}`}>{module.title}</a> : module.title}
              {done ? <span class="tag ok">Done</span> : null}
              {open && module.assessments.length ? (
                <ul>
                  {module.assessments.map((a) => (
                    <li>
                      {a.kind === "quiz" ? "Quiz" : "Project"}: <a href={assessmentHref(id, a)}>{a.title}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
        {view.checklist.length ? (
          <>
            <h2>What earns the credential</h2>
            <ul class="checklist">
              {view.checklist.map((item) => (
                <li>
                  <span class={item.met ? "tag ok" : "tag"}>{item.met ? "Met" : "Not yet"}</span> {item.text}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <a href="/learn">All your learning</a>
        </p>
      </section>,
    );
  };

  pages.get(
    "/learn/:achievementId",
    signedIn((c) => player(c)),
  );
  // The catalog and the public page link here; a plain visit shows the course with its enrol button.
  pages.get("/learn/:achievementId/enrol", (c) => c.redirect(`/learn/${pathParam(c, "achievementId")}`, 303));
  pages.post("/learn/:achievementId/enrol", async (c) => {
    const id = pathParam(c, "achievementId");
    const user = c.get("user");
    if (!user) return c.redirect(`/signin?next=${encodeURIComponent(`/learn/${id}`)}`, 303);
    await readForm(c);
    try {
      const enrolment = await enrol(deps, user.id, id);
      return redirectWith(
        c,
        `/learn/${id}`,
        enrolment.status === "active"
          ? "You are enrolled. Start with the first module."
          : "Your request to enrol is sent. You will hear by mail when it is decided.",
      );
    } catch (error) {
      if (!isDomainError(error) || error.code === "course_not_found") throw error;
      c.status(statusFor(error.code));
      return player(c, error.message);
    }
  });
  return pages;
}
