import { Hono } from "hono";
import { peerReviewHealth } from "../../app/earning/peer-review-health.ts";
import { type AppEnv, actorOf, type HttpDeps } from "../env.ts";
import { pathParam, render, signedIn } from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

/** `/orgs/:slug/assessments/peer-review`: pending reviews, submissions short of k, and flagged disagreements. */
export function peerHealthPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  pages.get(
    "/orgs/:slug/assessments/peer-review",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const { organization, membership, projects } = await peerReviewHealth(deps, actorOf(user), slug);
      return render(
        c,
        `Peer-review health · ${organization.name}`,
        <section>
          <OrganizationTabs organization={organization} memberRole={membership?.role} current="assessments" />
          <h2>Peer-review health</h2>
          <p>
            Each peer-reviewed project: how many learners have submitted, reviews assigned and not yet done,
            submissions still waiting for reviewers (fewer than k assigned, until more learners submit), and
            submissions whose reviewers disagree beyond the project's threshold.{" "}
            <a href={`/orgs/${slug}/assessments`}>Back to the assessment queue</a>
          </p>
          {projects.length === 0 ? <p>No project of this organization uses peer review.</p> : null}
          {projects.map((p) => (
            <article class="card">
              <h3>
                {p.projectTitle} <span class="hint">({p.achievementName})</span>
              </h3>
              <dl class="facts">
                <dt>Submissions</dt>
                <dd>{p.submissions}</dd>
                <dt>Reviews per submission (k)</dt>
                <dd>{p.k}</dd>
                <dt>Reviews pending</dt>
                <dd>{p.pendingReviews}</dd>
                <dt>Submissions short of k reviewers</dt>
                <dd>{p.shortOfK}</dd>
                <dt>Flagged disagreements</dt>
                <dd>{p.flagged.length}</dd>
              </dl>
              {p.flagged.length ? (
                <ul>
                  {p.flagged.map((f) => (
                    <li>
                      <a href={`/orgs/${slug}/assessments/${f.submissionId}`}>
                        Submission of {dateFormat.format(f.submittedAt)} (revision {f.revision})
                      </a>
                      : reviewers disagree on {f.criteria.join(", ")}
                    </li>
                  ))}
                </ul>
              ) : null}
            </article>
          ))}
        </section>,
      );
    }),
  );
  return pages;
}
