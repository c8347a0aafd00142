import { Hono } from "hono";
import type { AppDeps } from "../../app/ports.ts";
import { talentCandidate } from "../../app/talent/candidate.ts";
import { contactCandidate, organizationContacts } from "../../app/talent/contact-candidate.ts";
import {
  type TalentContactInput,
  type TalentSearchQuery,
  talentContactInput,
  talentSearchQuery,
} from "../../app/talent/inputs.ts";
import { searchTalent } from "../../app/talent/search-talent.ts";
import type { User } from "../../domain/types.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { fieldErrors } from "../problem.ts";
import { ErrorSummary, Field, Form, type FormErrors, fieldText } from "./forms.tsx";
import {
  formFailure,
  type PageContext,
  parseForm,
  pathParam,
  readForm,
  redirectWith,
  render,
  signedIn,
} from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";
import { CredentialSummaries, dateOf, searchString } from "./talent-parts.tsx";

const LEVELS = ["", "1", "2", "3", "4", "5", "6", "7", "8"] as const;

function SearchForm({
  slug,
  q,
  raw,
}: {
  slug: string;
  q: Partial<TalentSearchQuery>;
  raw: Record<string, string>;
}) {
  const value = (name: keyof TalentSearchQuery) => raw[name] ?? "";
  return (
    <form method="get" action={`/orgs/${slug}/talent`} class="filters" aria-label="Search talent">
      <Field
        name="skill"
        label="Skill (name or framework code)"
        type="search"
        value={value("skill")}
        errors={undefined}
      />
      <Field name="achievement" label="Micro-credential" value={value("achievement")} errors={undefined} />
      <Field name="issuer" label="Issuer (name or DID)" value={value("issuer")} errors={undefined} />
      <div class="field">
        <label for="field-level">Minimum EQF level</label>
        <select id="field-level" name="level">
          {LEVELS.map((l) => (
            <option value={l} selected={String(q.level ?? "") === l}>
              {l || "Any level"}
            </option>
          ))}
        </select>
      </div>
      <Field
        name="months"
        label="Issued within (months)"
        type="number"
        value={value("months")}
        errors={undefined}
      />
      <div class="field checkbox">
        <input id="field-accredited" type="checkbox" name="accredited" value="yes" checked={!!q.accredited} />
        <label for="field-accredited">Accredited issuers only</label>
      </div>
      <button type="submit">Search</button>
    </form>
  );
}

export function talentSearchPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  pages.get(
    "/orgs/:slug/talent",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const raw = c.req.query();
      const parsed = talentSearchQuery.safeParse(raw);
      const errors = parsed.success ? undefined : fieldErrors(parsed.error.issues);
      const q = parsed.success ? parsed.data : talentSearchQuery.parse({});
      const found = await searchTalent(deps, actorOf(user), slug, q);
      const { organization, membership, results, total } = found;
      const base = `/orgs/${slug}/talent`;
      const from = q.offset + 1;
      const to = q.offset + results.length;
      return render(
        c,
        `Talent search · ${organization.name}`,
        <section>
          <OrganizationTabs organization={organization} memberRole={membership?.role} current="talent" />
          <div class="page-head">
            <h2>Talent search</h2>
            <p>
              <a href={`${base}/contacts`}>Your organization's messages</a>
            </p>
          </div>
          <p class="hint">
            Learners who chose to be found, by the skills their verified, valid credentials show. Revoked and
            expired credentials never count.
          </p>
          <ErrorSummary errors={errors} />
          <SearchForm slug={slug} q={q} raw={raw} />
          {!found.searched ? (
            <p class="hint">Search by a skill, micro-credential, issuer, level or recency.</p>
          ) : results.length === 0 ? (
            <p role="status">No one matches.</p>
          ) : (
            <>
              <p role="status">
                Showing {from}–{to} of {total} {total === 1 ? "person" : "people"}.
              </p>
              <ol class="talent-results" start={from}>
                {results.map((r) => (
                  <li class="card">
                    <h3>
                      <a href={`${base}/candidates/${r.candidate.userId}${searchString(q, 0)}`}>
                        {r.candidate.name}
                      </a>
                    </h3>
                    <p>
                      {[r.candidate.headline, r.candidate.location].filter(Boolean).join(" · ") ||
                        "No headline"}
                    </p>
                    <p class="hint">
                      {r.matches} matching credential{r.matches === 1 ? "" : "s"}
                    </p>
                    <CredentialSummaries credentials={r.credentials} headingLevel={4} />
                  </li>
                ))}
              </ol>
              <nav aria-label="Pages of results" class="pager">
                {q.offset > 0 ? (
                  <a href={`${base}${searchString(q, Math.max(0, q.offset - q.limit))}`}>Previous page</a>
                ) : null}{" "}
                {to < total ? <a href={`${base}${searchString(q, q.offset + q.limit)}`}>Next page</a> : null}
              </nav>
            </>
          )}
        </section>,
      );
    }),
  );

  const candidatePage = async (
    c: PageContext,
    user: User,
    values: Partial<TalentContactInput>,
    errors?: FormErrors,
    message?: string,
  ) => {
    const slug = pathParam(c, "slug");
    const found = await talentCandidate(deps, actorOf(user), slug, pathParam(c, "userId"));
    const { organization, membership, candidate, credentials, openContact } = found;
    const back = `/orgs/${slug}/talent${new URL(c.req.url).search}`;
    return render(
      c,
      `${candidate.name} · Talent search`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="talent" />
        <p>
          <a href={back}>Back to the results</a>
        </p>
        <h2>{candidate.name}</h2>
        {candidate.headline ? <p class="lead">{candidate.headline}</p> : null}
        {candidate.location ? <p>{candidate.location}</p> : null}
        <h3>Verified credentials</h3>
        {credentials.length ? (
          <CredentialSummaries credentials={credentials} headingLevel={4} />
        ) : (
          <p>No valid credentials at the moment.</p>
        )}
        <h3>Contact {candidate.name}</h3>
        {openContact ? (
          <p role="status">
            Your organization sent "{openContact.subject}" on {dateOf(openContact.createdAt)}; waiting for an
            answer.
          </p>
        ) : (
          <>
            <p class="hint">
              Cairn relays your message; {candidate.name}'s email address stays hidden unless they accept.
            </p>
            <ErrorSummary errors={errors} message={message} />
            <Form
              action={`/orgs/${slug}/talent/candidates/${candidate.userId}/contact`}
              csrf={c.get("csrfToken")}
            >
              <Field name="subject" label="Subject" value={values.subject} errors={errors} maxlength={140} />
              <Field
                name="message"
                label="Message"
                type="textarea"
                value={values.message}
                errors={errors}
                maxlength={4000}
              />
              <button type="submit">Send the message</button>
            </Form>
          </>
        )}
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/talent/candidates/:userId",
    signedIn((c, user) => candidatePage(c, user, {})),
  );
  pages.post(
    "/orgs/:slug/talent/candidates/:userId/contact",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      const typed = { subject: fieldText(values, "subject"), message: fieldText(values, "message") };
      const slug = pathParam(c, "slug");
      try {
        const input = parseForm(talentContactInput, typed);
        await contactCandidate(deps, actorOf(user), slug, pathParam(c, "userId"), input);
        return redirectWith(c, `/orgs/${slug}/talent/contacts`, "Your message is on its way.");
      } catch (error) {
        return formFailure(c, error, (errors, message) => candidatePage(c, user, typed, errors, message));
      }
    }),
  );

  pages.get(
    "/orgs/:slug/talent/contacts",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const { organization, membership, contacts } = await organizationContacts(deps, actorOf(user), slug);
      return render(
        c,
        `Messages · ${organization.name}`,
        <section>
          <OrganizationTabs organization={organization} memberRole={membership?.role} current="talent" />
          <p>
            <a href={`/orgs/${slug}/talent`}>Talent search</a>
          </p>
          <h2>Messages to candidates</h2>
          {contacts.length === 0 ? (
            <p class="hint">Your organization has not contacted anyone yet.</p>
          ) : (
            <ul class="cards talent-contacts">
              {contacts.map((m) => (
                <li class="card">
                  <h3>
                    {m.subject} <span class="hint">to {m.learnerName}</span>
                  </h3>
                  <p class="hint">
                    Sent {dateOf(m.createdAt)}
                    {m.senderName ? ` by ${m.senderName}` : ""}
                  </p>
                  <p class="message">{m.message}</p>
                  {m.status === "open" ? (
                    <p>
                      <span class="tag warn">Waiting for an answer</span>
                    </p>
                  ) : m.status === "declined" ? (
                    <p>
                      <span class="tag">Declined</span>
                    </p>
                  ) : (
                    <>
                      <p>
                        <span class="tag ok">Accepted</span> {dateOf(m.answeredAt)}
                      </p>
                      <p>
                        Email: <a href={`mailto:${m.learnerEmail}`}>{m.learnerEmail}</a>
                      </p>
                      <blockquote class="message">{m.reply}</blockquote>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>,
      );
    }),
  );
  return pages;
}
