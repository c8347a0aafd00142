import { Hono } from "hono";
import { getLearningOverview, type PathOverview } from "../../app/earning/learning-overview.ts";
import type { AppDeps } from "../../app/ports.ts";
import { projectsOf, quizzesOf } from "../../domain/earning/course.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { FunnelChart } from "./chart.tsx";
import { pathParam, render, signedIn } from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";

const MODES = { open: "Open enrolment", invitation: "By invitation", approval: "By approval" } as const;

/** The funnel's steps in path order: enrolled, started, each module, quiz and project, completed. */
function funnelSteps({ course, funnel }: PathOverview) {
  return [
    { label: "Enrolled", value: funnel.enrolled },
    { label: "Started", value: funnel.started },
    ...course.modules.flatMap((m) => [
      { label: `Module: ${m.title}`, value: funnel.modules[m.id] ?? 0 },
      ...quizzesOf({ ...course, modules: [m] }).map((q) => ({
        label: `Passed: ${q.title}`,
        value: funnel.quizzesPassed[q.id] ?? 0,
      })),
      ...projectsOf({ ...course, modules: [m] }).flatMap((p) => [
        { label: `Handed in: ${p.title}`, value: funnel.projectsSubmitted[p.id] ?? 0 },
        { label: `Graded: ${p.title}`, value: funnel.projectsGraded[p.id] ?? 0 },
      ]),
    ]),
    { label: "Awarded", value: funnel.completed },
  ];
}

/** Staff's view of the organization's learning paths: where to edit them, where to grade, how far learners get. */
export function learningPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();
  pages.get(
    "/orgs/:slug/learning",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const o = await getLearningOverview(deps, actorOf(user), slug);
      return render(
        c,
        `Learning paths · ${o.organization.name}`,
        <section>
          <OrganizationTabs
            organization={o.organization}
            memberRole={o.membership?.role}
            current="learning"
          />
          <div class="page-head">
            <h2>Learning paths</h2>
            <a href={`/orgs/${slug}/assessments`}>Submissions to grade</a>
            <a href={`/orgs/${slug}/assessments/peer-review`}>Peer-review health</a>
          </div>
          {o.paths.length === 0 ? (
            <p class="hint">
              No learning path yet. Open a micro-credential and choose "Learning path" to add modules, quizzes
              and projects.
            </p>
          ) : null}
          {o.paths.map((path) => {
            const base = `/orgs/${slug}/achievements/${path.course.achievementId}/course`;
            const steps = funnelSteps(path);
            return (
              <article class="card">
                <h3>{path.name}</h3>
                <p class="hint">
                  {MODES[path.course.enrolment]} · {path.course.modules.length} modules ·{" "}
                  {path.funnel.enrolled} enrolled, {path.funnel.pending} awaiting approval,{" "}
                  {path.funnel.completed} awarded
                  {path.status === "published" ? "" : " · not published, so learners cannot enrol yet"}
                </p>
                <p>
                  <a href={base}>Edit the path</a> · <a href={`${base}/rules`}>Award rules</a> ·{" "}
                  <a href={`${base}/enrolments`}>Enrolments</a>
                </p>
                <FunnelChart
                  title={`Completion funnel of ${path.name}: learners at each step`}
                  unit="Learners"
                  data={steps}
                />
              </article>
            );
          })}
        </section>,
      );
    }),
  );
  return pages;
}
