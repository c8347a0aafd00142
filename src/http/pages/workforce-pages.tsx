import { Hono } from "hono";
import type { AppDeps } from "../../app/ports.ts";
import { getCoverage } from "../../app/workforce/coverage.ts";
import { sponsorInput } from "../../app/workforce/inputs.ts";
import { getSkillsGap } from "../../app/workforce/skills-gap.ts";
import { offerSponsorship } from "../../app/workforce/sponsor.ts";
import { SHARING_LABELS } from "../../app/workforce/team.ts";
import { coverageCsv, skillsGapCsv } from "../../app/workforce/workforce-csv.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { BarChart } from "./chart.tsx";
import { Form } from "./forms.tsx";
import { attachmentHeaders, parseForm, pathParam, readForm, redirectWith, render, signedIn } from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";
import { GapCellView, WorkforceNav } from "./workforce-parts.tsx";

export function workforcePages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  pages.get(
    "/orgs/:slug/workforce",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const gap = await getSkillsGap(deps, actorOf(user), slug);
      const { organization, columns, rows, aligned } = gap;
      const csrf = c.get("csrfToken");
      const gaps = columns.filter((col) => aligned.has(col.skillKey));
      return render(
        c,
        `Skills gap · ${organization.name}`,
        <section>
          <OrganizationTabs
            organization={organization}
            memberRole={gap.membership?.role}
            current="workforce"
          />
          <WorkforceNav slug={slug} current="gap" />
          <h2>Skills gap</h2>
          {columns.length === 0 ? (
            <p>
              Start with a <a href={`/orgs/${slug}/workforce/profiles/new`}>role profile</a>: the skills a job
              needs.
            </p>
          ) : null}
          {rows.length === 0 ? (
            <p>
              No employees yet. <a href={`/orgs/${slug}/workforce/people#invite`}>Invite an employee</a> to
              share their wallet.
            </p>
          ) : (
            <section class="table-wrap" aria-label="Skills-gap matrix" tabindex={0}>
              <table class="matrix">
                <caption>
                  Skills of each employee against their role profile: met (a valid credential shows the skill
                  at the level needed), below level, or missing.
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Employee</th>
                    {columns.map((col) => (
                      <th scope="col">{col.skillName}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr>
                      <th scope="row">
                        {row.member.name ?? row.member.email}
                        <br />
                        <span class="hint">
                          {row.profile?.name ?? "No role profile"} · {SHARING_LABELS[row.state]}
                        </span>
                      </th>
                      {row.state === "sharing" ? (
                        row.cells.map((cell) => (
                          <td>
                            <GapCellView cell={cell} />
                          </td>
                        ))
                      ) : (
                        <td colspan={Math.max(1, columns.length)}>
                          <span class="hint">
                            {row.state === "withdrawn"
                              ? "Consent withdrawn: no data."
                              : "Not shared yet: no data."}
                          </span>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <p>
            <a href={`/orgs/${slug}/workforce/gap.csv`} download>
              Download the matrix (CSV)
            </a>
          </p>
          {gaps.length ? <h2>Micro-credentials for missing skills</h2> : null}
          {gaps.map((col) => {
            const offers = aligned.get(col.skillKey) ?? [];
            const lacking = rows.filter((row) => {
              const cell = row.cells[columns.indexOf(col)];
              return row.state === "sharing" && cell && cell.status !== "met";
            });
            return (
              <section aria-labelledby={`gap-${columns.indexOf(col)}`}>
                <h3 id={`gap-${columns.indexOf(col)}`}>{col.skillName}</h3>
                <p>Needed by: {lacking.map((row) => row.member.name ?? row.member.email).join(", ")}</p>
                {offers.length === 0 ? (
                  <p class="hint">No published Cairn micro-credential is aligned to this skill yet.</p>
                ) : (
                  <ul class="plain">
                    {offers.map((a) => (
                      <li>
                        <a href={`/achievements/${a.achievementId}`}>{a.name}</a> by {a.organizationName}
                        {a.eqfLevel ? ` · EQF ${a.eqfLevel}` : ""}
                        <Form action={`/orgs/${slug}/workforce/sponsorships`} csrf={csrf} class="inline">
                          <input type="hidden" name="achievementId" value={a.achievementId} />
                          <input type="hidden" name="skillKey" value={col.skillKey} />
                          <label for={`sponsor-${col.skillKey}-${a.achievementId}`}> Sponsor </label>
                          <select id={`sponsor-${col.skillKey}-${a.achievementId}`} name="memberId">
                            {lacking.map((row) => (
                              <option value={row.member.id}>{row.member.name ?? row.member.email}</option>
                            ))}
                          </select>{" "}
                          <button type="submit" class="small">
                            Offer a sponsored place<span class="visually-hidden"> in {a.name}</span>
                          </button>
                        </Form>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </section>,
      );
    }),
  );

  pages.post(
    "/orgs/:slug/workforce/sponsorships",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const input = parseForm(sponsorInput, await readForm(c));
      await offerSponsorship(deps, actorOf(user), slug, input);
      return redirectWith(c, `/orgs/${slug}/workforce/people`, "The sponsored place is offered.");
    }),
  );

  pages.get(
    "/orgs/:slug/workforce/coverage",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const coverage = await getCoverage(deps, actorOf(user), slug);
      const { organization } = coverage;
      return render(
        c,
        `Coverage · ${organization.name}`,
        <section>
          <OrganizationTabs
            organization={organization}
            memberRole={coverage.membership?.role}
            current="workforce"
          />
          <WorkforceNav slug={slug} current="coverage" />
          <h2>Skill coverage over time</h2>
          <p>
            The share of required skills (people × skills of their role profile) that a valid credential met
            at the end of each month, for the {coverage.people} employees who share their wallet now. Revoked
            credentials never count.
          </p>
          <BarChart
            title="Skill coverage per month (percent)"
            unit="Coverage (%)"
            data={coverage.months.map((m) => ({ label: m.month.slice(2), value: m.percent }))}
          />
          <section class="table-wrap" aria-label="Coverage per month" tabindex={0}>
            <table>
              <caption>Coverage per month</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Met</th>
                  <th scope="col">Required</th>
                  <th scope="col">Coverage</th>
                </tr>
              </thead>
              <tbody>
                {coverage.months.map((m) => (
                  <tr>
                    <th scope="row">{m.month}</th>
                    <td>{m.met}</td>
                    <td>{m.total}</td>
                    <td>{m.percent}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <p>
            <a href={`/orgs/${slug}/workforce/coverage.csv`} download>
              Download these numbers (CSV)
            </a>
          </p>
        </section>,
      );
    }),
  );

  pages.get(
    "/orgs/:slug/workforce/gap.csv",
    signedIn(async (c, user) => {
      const { organization, csv } = await skillsGapCsv(deps, actorOf(user), pathParam(c, "slug"));
      return c.body(
        csv,
        200,
        attachmentHeaders(`${organization.slug}-skills-gap.csv`, "text/csv; charset=utf-8"),
      );
    }),
  );
  pages.get(
    "/orgs/:slug/workforce/coverage.csv",
    signedIn(async (c, user) => {
      const { organization, csv } = await coverageCsv(deps, actorOf(user), pathParam(c, "slug"));
      return c.body(
        csv,
        200,
        attachmentHeaders(`${organization.slug}-coverage.csv`, "text/csv; charset=utf-8"),
      );
    }),
  );

  return pages;
}
