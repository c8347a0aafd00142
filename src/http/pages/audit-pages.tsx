import { Hono } from "hono";
import { listAuditEvents } from "../../app/audit/list-audit-events.ts";
import type { AppDeps } from "../../app/ports.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { pathParam, render, signedIn } from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";

const time = (d: Date) => `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;

export function auditPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();
  pages.get(
    "/orgs/:slug/audit",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const requested = Number.parseInt(c.req.query("page") ?? "1", 10);
      const page = Number.isFinite(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
      const { organization, membership, events, hasNext } = await listAuditEvents(
        deps,
        actorOf(user),
        slug,
        page,
      );
      const base = `/orgs/${slug}/audit`;
      return render(
        c,
        `Audit log · ${organization.name}`,
        <section>
          <OrganizationTabs organization={organization} memberRole={membership?.role} current="audit" />
          <h2>Audit log</h2>
          <p class="hint">
            Every award, revocation, suspension and definition change, newest first. Entries are never changed
            or removed.
          </p>
          {events.length === 0 ? (
            <p class="hint">Nothing recorded yet.</p>
          ) : (
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">
                  Audit log of {organization.name}, page {page}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Actor</th>
                    <th scope="col">Action</th>
                    <th scope="col">Subject</th>
                    <th scope="col">Change</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => (
                    <tr>
                      <td>
                        <time datetime={e.at.toISOString()}>{time(e.at)}</time>
                      </td>
                      <td>{e.actorName ?? "Cairn"}</td>
                      <th scope="row">{e.action}</th>
                      <td>
                        <code>{e.subject ?? "—"}</code>
                      </td>
                      <td>{e.summary || "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label="Pages of the audit log" class="pager">
            {page > 1 ? <a href={`${base}?page=${page - 1}`}>Newer entries</a> : null}{" "}
            <span>Page {page}</span> {hasNext ? <a href={`${base}?page=${page + 1}`}>Older entries</a> : null}
          </nav>
        </section>,
      );
    }),
  );
  return pages;
}
