import { Hono } from "hono";
import { getEvidence, setEvidenceVisibility } from "../../app/earning/evidence.ts";
import type { AppDeps } from "../../app/ports.ts";
import { projectsOf, quizzesOf, rubricMaxPoints } from "../../domain/earning/course.ts";
import type { AppEnv } from "../env.ts";
import { Form } from "./forms.tsx";
import { pathParam, readForm, redirectWith, render, signedIn } from "./kit.tsx";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The learning record behind a credential earned on a path, linked from the credential's evidence. */
export function evidencePages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  pages.get("/evidence/:enrolmentId", async (c) => {
    const id = pathParam(c, "enrolmentId");
    const e = await getEvidence(deps, c.get("user")?.id, id);
    const { course, record } = e;
    const modules = course.modules.map((m) => ({
      module: m,
      done: record.modules.find((d) => d.moduleId === m.id),
    }));
    return render(
      c,
      `Learning record · ${e.achievementName}`,
      <section>
        <p class="hint">Learning record</p>
        <h1>{e.achievementName}</h1>
        <p>
          {e.learnerName} on the learning path of{" "}
          <a href={`/issuers/${e.organization.slug}`}>{e.organization.name}</a>, from {day(record.startedAt)}
          {e.enrolment.completedAt ? ` to ${day(e.enrolment.completedAt)}` : ""}.
        </p>
        {e.isLearner ? (
          <Form action={`/evidence/${id}/visibility`} csrf={c.get("csrfToken")} class="inline">
            <p>
              {e.enrolment.evidencePublic
                ? "This page is public: anyone following your credential's evidence link sees it."
                : "This page is private: only you and the issuer's assessors see it."}
            </p>
            <input type="hidden" name="public" value={e.enrolment.evidencePublic ? "no" : "yes"} />
            <button type="submit" class="small secondary">
              {e.enrolment.evidencePublic ? "Make it private" : "Make it public"}
            </button>
          </Form>
        ) : null}
        <h2>Modules</h2>
        <ul>
          {modules.map(({ module, done }) => (
            <li>
              {module.title}: {done ? `completed ${day(done.completedAt)}` : "not completed"}
            </li>
          ))}
        </ul>
        {quizzesOf(course).length ? <h2>Quizzes</h2> : null}
        <ul>
          {quizzesOf(course).map((quiz) => {
            const taken = record.quizzes.find((q) => q.quizId === quiz.id);
            return (
              <li>
                {quiz.title}:{" "}
                {taken
                  ? `best score ${Math.round(taken.percent)}% (pass mark ${quiz.passMark}%), attempt ${taken.attempt} of ${taken.attempts}, ${day(taken.submittedAt)}`
                  : "not taken"}
              </li>
            );
          })}
        </ul>
        {projectsOf(course).map((project) => {
          const graded = record.projects.find((p) => p.projectId === project.id);
          return (
            <article class="card">
              <h2>Project: {project.title}</h2>
              {graded ? (
                <>
                  <p>
                    {graded.points} of {rubricMaxPoints(project.rubric)} rubric points (pass{" "}
                    {project.passPoints}), revision {graded.revision}, graded {day(graded.gradedAt)}
                    {graded.peerReviews ? `, after ${graded.peerReviews} peer reviews` : ""}.
                  </p>
                  <table>
                    <caption>Rubric levels reached</caption>
                    <thead>
                      <tr>
                        <th scope="col">Criterion</th>
                        <th scope="col">Level</th>
                        <th scope="col">Points</th>
                      </tr>
                    </thead>
                    <tbody>
                      {project.rubric.map((criterion) => {
                        const chosen = graded.grade[criterion.id];
                        const level = criterion.levels.find((l) => l.id === chosen?.levelId);
                        return (
                          <tr>
                            <th scope="row">{criterion.name}</th>
                            <td>{level?.name ?? "—"}</td>
                            <td>{chosen?.points ?? "—"}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                  {graded.text ? (
                    <>
                      <h3>What was handed in</h3>
                      <p class="prewrap">{graded.text}</p>
                    </>
                  ) : null}
                  {graded.links.length ? (
                    <ul>
                      {graded.links.map((link) => (
                        <li>
                          <a href={link} rel="nofollow noopener">
                            {link}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {graded.feedback ? (
                    <>
                      <h3>Assessor's feedback</h3>
                      <p class="prewrap">{graded.feedback}</p>
                    </>
                  ) : null}
                </>
              ) : (
                <p>Not graded yet.</p>
              )}
            </article>
          );
        })}
        {record.reviewsGiven ? <p>Gave {record.reviewsGiven} peer reviews to other learners.</p> : null}
      </section>,
      undefined,
      `${e.learnerName}'s learning record for ${e.achievementName}`,
    );
  });

  pages.post(
    "/evidence/:enrolmentId/visibility",
    signedIn(async (c, user) => {
      const id = pathParam(c, "enrolmentId");
      const form = await readForm(c);
      const visible = form.public === "yes";
      await setEvidenceVisibility(deps, user.id, id, visible);
      return redirectWith(
        c,
        `/evidence/${id}`,
        visible ? "Your learning record is public." : "Your learning record is private.",
      );
    }),
  );

  return pages;
}
