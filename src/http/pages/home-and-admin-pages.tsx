import { Hono } from "hono";
import { listOutbox } from "../../app/mail/deliver-mail.ts";
import type { AppDeps } from "../../app/ports.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { render, signedIn } from "./kit.tsx";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

export function homeAndAdminPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  pages.get("/", (c) =>
    render(
      c,
      "Cairn",
      <>
        <section class="hero">
          <h1>Small, verified credentials that stack into pathways</h1>
          <p class="lead">
            Cairn is an open-source platform for micro-credentials. Universities, training providers and
            employers define and award them; learners keep and share them; anyone can verify them in seconds,
            without asking us, because every credential is a signed Open Badges 3.0 verifiable credential.
          </p>
          {c.get("user") ? (
            <p class="actions">
              <a class="button" href="/orgs">
                Go to your organizations
              </a>
            </p>
          ) : (
            <p class="actions">
              <a class="button" href="/signup">
                Create an account
              </a>{" "}
              <a class="button secondary" href="/signin">
                Sign in
              </a>
            </p>
          )}
        </section>
        <section class="columns" aria-label="Who Cairn is for">
          <div>
            <h2>Issuers</h2>
            <p>
              Define micro-credentials with learning outcomes, skills, workload and level; award them one by
              one, in bulk or automatically.
            </p>
          </div>
          <div>
            <h2>Learners</h2>
            <p>
              Earn credentials by showing mastery, keep them in a wallet, stack them into larger ones and
              share them anywhere.
            </p>
          </div>
          <div>
            <h2>Employers</h2>
            <p>
              Verify any credential in seconds, see exactly which checks passed, and find people by verified
              skills, with their consent.
            </p>
          </div>
          <div>
            <h2>Quality bodies</h2>
            <p>Accredit issuers, so that a verifier can tell a trusted issuer from an impostor.</p>
          </div>
        </section>
      </>,
    ),
  );

  pages.get("/admin", (c) => c.redirect("/admin/outbox", 302));
  pages.get(
    "/admin/outbox",
    signedIn(async (c, user) => {
      const entries = await listOutbox(deps, actorOf(user));
      return render(
        c,
        "Outbox",
        <section>
          <h1>Outbox</h1>
          <p>
            Outbox · <a href="/admin/organizations">Organizations</a>
          </p>
          <p>
            Every message Cairn sent, newest first. Without <code>SMTP_URL</code> mail stays here instead of
            being delivered: copy links from it during development.
          </p>
          {entries.length === 0 ? (
            <p class="hint">No mail yet.</p>
          ) : (
            <ol class="outbox">
              {entries.map((m) => (
                <li>
                  <article class="card">
                    <h2>{m.subject}</h2>
                    <p class="hint">
                      To {m.to} · {dateFormat.format(m.createdAt)} UTC ·{" "}
                      {m.transport === "outbox"
                        ? "kept in the outbox"
                        : m.deliveredAt
                          ? "delivered by SMTP"
                          : "delivery pending"}
                    </p>
                    <pre class="mail-body">{m.text}</pre>
                  </article>
                </li>
              ))}
            </ol>
          )}
        </section>,
      );
    }),
  );

  return pages;
}
