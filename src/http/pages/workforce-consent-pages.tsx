import { Hono } from "hono";
import type { AppDeps } from "../../app/ports.ts";
import { consentToShare, viewWorkforceInvitation } from "../../app/workforce/consent.ts";
import { sponsorshipAnswerInput } from "../../app/workforce/inputs.ts";
import { answerSponsorship, listMyEmployers, withdrawConsent } from "../../app/workforce/my-employers.ts";
import { SHARING_LABELS, sharingState } from "../../app/workforce/team.ts";
import type { AppEnv } from "../env.ts";
import { Form } from "./forms.tsx";
import { parseForm, pathParam, readForm, redirectWith, render, signedIn } from "./kit.tsx";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });
const STATUS_WORDS = { offered: "Offered", accepted: "Accepted", declined: "Declined" } as const;

/** The employee's side: the consent page behind the invitation link, and sharing and sponsorships in the account. */
export function workforceConsentPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  // GET only shows what would be shared; consenting is the POST below, so a mail scanner cannot consent.
  pages.get("/workforce/invitations/:token", async (c) => {
    const user = c.get("user");
    const view = await viewWorkforceInvitation(deps, pathParam(c, "token"), user?.id);
    const { organization, member } = view;
    const here = encodeURIComponent(c.req.path);
    return render(
      c,
      `Share your wallet with ${organization.name}`,
      <section class="narrow">
        <h1>Share your wallet with {organization.name}</h1>
        <p>
          {organization.name} asks to see the credentials in your Cairn wallet and the skills they show, to
          compare them with the skills your role needs and to sponsor training. The invitation was sent to{" "}
          <strong>{member.email}</strong>.
        </p>
        {!user ? (
          <p class="actions">
            <a class="button" href={`/signup?next=${here}&email=${encodeURIComponent(member.email)}`}>
              Create an account
            </a>{" "}
            <a class="button secondary" href={`/signin?next=${here}`}>
              Sign in
            </a>
          </p>
        ) : !view.addressMatches ? (
          <p class="notice">
            You are signed in as {user.email}. Sign in as {member.email}, or add and confirm that address
            under <a href="/account/addresses">your addresses</a>, to answer.
          </p>
        ) : (
          <>
            <h2>What {organization.name} will see</h2>
            {view.credentials.length === 0 ? (
              <p>Your wallet holds no valid credentials yet. Credentials you add later are shared too.</p>
            ) : (
              <ul>
                {view.credentials.map((cred) => (
                  <li>
                    <strong>{cred.name}</strong>
                    {cred.issuer ? ` from ${cred.issuer}` : ""}
                    {cred.skills.length ? `: ${cred.skills.join(", ")}` : ""}
                  </li>
                ))}
              </ul>
            )}
            <p>
              Only valid credentials count: hidden, expired and revoked ones are not shown. You can stop
              sharing at any time under Account › Employers; {organization.name} then sees none of it.
            </p>
            <Form action={c.req.path} csrf={c.get("csrfToken")}>
              <button type="submit">Share my wallet with {organization.name}</button>
            </Form>
          </>
        )}
      </section>,
    );
  });

  pages.post(
    "/workforce/invitations/:token",
    signedIn(async (c, user) => {
      await readForm(c);
      const organization = await consentToShare(deps, user.id, pathParam(c, "token"));
      return redirectWith(c, "/account/employers", `You share your wallet with ${organization.name}.`);
    }),
  );

  pages.get(
    "/account/employers",
    signedIn(async (c, user) => {
      const { employers, sponsorships } = await listMyEmployers(deps, user.id);
      const csrf = c.get("csrfToken");
      return render(
        c,
        "Employers",
        <section class="narrow">
          <h1>Employers</h1>
          <h2>Who sees your wallet</h2>
          {employers.length === 0 ? (
            <p>You do not share your wallet with any employer.</p>
          ) : (
            <ul class="plain">
              {employers.map((e) => {
                const state = sharingState(e);
                return (
                  <li>
                    <strong>{e.organizationName}</strong>: {SHARING_LABELS[state]}
                    {state === "sharing" && e.consentedAt ? ` since ${dateFormat.format(e.consentedAt)}` : ""}{" "}
                    {state === "sharing" ? (
                      <Form action={`/account/employers/${e.id}/withdraw`} csrf={csrf} class="inline">
                        <button type="submit" class="small danger">
                          Stop sharing<span class="visually-hidden"> with {e.organizationName}</span>
                        </button>
                      </Form>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          <h2>Sponsored places</h2>
          {sponsorships.length === 0 ? (
            <p>No employer has offered to sponsor a micro-credential for you.</p>
          ) : (
            <ul class="plain">
              {sponsorships.map((s) => (
                <li>
                  <strong>{s.organizationName}</strong> sponsors{" "}
                  <a href={`/achievements/${s.achievementId}`}>{s.achievementName}</a>:{" "}
                  {STATUS_WORDS[s.status]}
                  {s.note ? <p class="hint">{s.note}</p> : null}
                  {s.status === "offered" ? (
                    <span>
                      {" "}
                      <Form action={`/account/sponsorships/${s.id}`} csrf={csrf} class="inline">
                        <input type="hidden" name="answer" value="accepted" />
                        <button type="submit" class="small">
                          Accept<span class="visually-hidden"> {s.achievementName}</span>
                        </button>
                      </Form>{" "}
                      <Form action={`/account/sponsorships/${s.id}`} csrf={csrf} class="inline">
                        <input type="hidden" name="answer" value="declined" />
                        <button type="submit" class="small secondary">
                          Decline<span class="visually-hidden"> {s.achievementName}</span>
                        </button>
                      </Form>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>,
      );
    }),
  );

  pages.post(
    "/account/employers/:id/withdraw",
    signedIn(async (c, user) => {
      await readForm(c);
      const member = await withdrawConsent(deps, user.id, pathParam(c, "id"));
      return redirectWith(
        c,
        "/account/employers",
        `You no longer share your wallet with ${member.organizationName}.`,
      );
    }),
  );

  pages.post(
    "/account/sponsorships/:id",
    signedIn(async (c, user) => {
      const { answer } = parseForm(sponsorshipAnswerInput, await readForm(c));
      await answerSponsorship(deps, user.id, pathParam(c, "id"), answer);
      return redirectWith(
        c,
        "/account/employers",
        answer === "accepted" ? "You accepted the sponsored place." : "You declined the offer.",
      );
    }),
  );

  return pages;
}
