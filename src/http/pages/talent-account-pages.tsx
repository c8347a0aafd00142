import { Hono } from "hono";
import type { AppDeps } from "../../app/ports.ts";
import { answerTalentContact } from "../../app/talent/answer-contact.ts";
import { talentAnswerInput, talentConsentInput } from "../../app/talent/inputs.ts";
import {
  optInToTalentSearch,
  talentSettings,
  withdrawTalentConsent,
} from "../../app/talent/talent-consent.ts";
import type { User } from "../../domain/types.ts";
import type { AppEnv } from "../env.ts";
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
import { CredentialSummaries, dateOf } from "./talent-parts.tsx";

type Problem = { errors?: FormErrors; message?: string | undefined; contactId?: string };

/** The learner's side of talent search: consent, what employers see, and employers' messages with answers. */
export function talentAccountPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  const settingsPage = async (
    c: PageContext,
    user: User,
    values?: { headline: string; location: string },
    problem: Problem = {},
  ) => {
    const { profile, consented, credentials, contacts } = await talentSettings(deps, user.id);
    const shown = values ?? { headline: profile?.headline ?? "", location: profile?.location ?? "" };
    const csrf = c.get("csrfToken");
    const consentErrors = problem.contactId ? undefined : problem.errors;
    return render(
      c,
      "Talent search",
      <section class="narrow">
        <h1>Talent search</h1>
        <p>
          Let employers on Cairn find you by the skills your verified credentials show. They see your name,
          headline, location and your valid credentials with their evidence, never your email address. They
          can send you a message through Cairn; you choose whether to answer.
        </p>
        <p role="status">
          {consented ? (
            <>
              <span class="tag ok">You can be found</span> since {dateOf(profile?.consentedAt ?? null)}
            </>
          ) : (
            <span class="tag">You cannot be found</span>
          )}
        </p>
        {problem.contactId ? null : <ErrorSummary errors={consentErrors} message={problem.message} />}
        <Form action="/account/talent" csrf={csrf}>
          <Field
            name="headline"
            label="Headline"
            hint="For example: Data analyst moving into logistics"
            value={shown.headline}
            errors={consentErrors}
            maxlength={140}
          />
          <Field
            name="location"
            label="Location"
            hint="A city or region, if you want employers to know it"
            value={shown.location}
            errors={consentErrors}
            maxlength={100}
          />
          <button type="submit">{consented ? "Save" : "Let employers find me"}</button>
        </Form>
        {consented ? (
          <Form action="/account/talent/withdraw" csrf={csrf}>
            <button type="submit" class="danger">
              Withdraw: stop being found
            </button>
          </Form>
        ) : null}
        <h2>What employers see</h2>
        {!consented ? (
          <p class="hint">Nothing: you are not in talent search.</p>
        ) : credentials.length ? (
          <CredentialSummaries credentials={credentials} />
        ) : (
          <p class="hint">
            No skills yet: only valid credentials aligned to skills count, and hidden ones never do.
          </p>
        )}
        <h2>Messages from employers</h2>
        {contacts.length === 0 ? (
          <p class="hint">No employer has contacted you.</p>
        ) : (
          <ul class="talent-contacts">
            {contacts.map((m) => (
              <li class="card" id={`contact-${m.id}`}>
                <h3>{m.subject}</h3>
                <p class="hint">
                  From {m.organizationName}
                  {m.senderName ? ` (${m.senderName})` : ""} · {dateOf(m.createdAt)}
                </p>
                <p class="message">{m.message}</p>
                {m.status === "open" ? (
                  <Form action={`/account/talent/contacts/${m.id}/answer`} csrf={csrf}>
                    {problem.contactId === m.id ? (
                      <ErrorSummary errors={problem.errors} message={problem.message} />
                    ) : null}
                    <div
                      class={
                        problem.contactId === m.id && problem.errors?.reply ? "field has-error" : "field"
                      }
                    >
                      <label for={`reply-${m.id}`}>
                        Your reply (sent with your email address if you accept)
                      </label>
                      {problem.contactId === m.id && problem.errors?.reply ? (
                        <p class="field-error" id={`reply-${m.id}-error`}>
                          {problem.errors.reply}
                        </p>
                      ) : null}
                      <textarea
                        id={`reply-${m.id}`}
                        name="reply"
                        rows={4}
                        maxlength={4000}
                        aria-describedby={
                          problem.contactId === m.id && problem.errors?.reply
                            ? `reply-${m.id}-error`
                            : undefined
                        }
                      />
                    </div>
                    <button type="submit" name="answer" value="accept">
                      Accept and reply <span class="visually-hidden">to {m.organizationName}</span>
                    </button>{" "}
                    <button type="submit" name="answer" value="decline" class="secondary">
                      Decline <span class="visually-hidden">{m.organizationName}'s message</span>
                    </button>
                  </Form>
                ) : m.status === "accepted" ? (
                  <>
                    <p>
                      <span class="tag ok">You accepted</span> {dateOf(m.answeredAt)}: {m.organizationName}{" "}
                      can see your email address.
                    </p>
                    <blockquote class="message">{m.reply}</blockquote>
                  </>
                ) : (
                  <p>
                    <span class="tag">You declined</span> {dateOf(m.answeredAt)}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>,
    );
  };

  pages.get(
    "/account/talent",
    signedIn((c, user) => settingsPage(c, user)),
  );
  pages.post(
    "/account/talent",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      const typed = { headline: fieldText(values, "headline"), location: fieldText(values, "location") };
      try {
        const { newlyConsented } = await optInToTalentSearch(
          deps,
          user.id,
          parseForm(talentConsentInput, typed),
        );
        return redirectWith(
          c,
          "/account/talent",
          newlyConsented ? "Employers can now find you by your verified skills." : "Saved.",
        );
      } catch (error) {
        return formFailure(c, error, (errors, message) => settingsPage(c, user, typed, { errors, message }));
      }
    }),
  );
  pages.post(
    "/account/talent/withdraw",
    signedIn(async (c, user) => {
      await readForm(c);
      await withdrawTalentConsent(deps, user.id);
      return redirectWith(
        c,
        "/account/talent",
        "You left talent search: employers can no longer find or contact you.",
      );
    }),
  );
  pages.post(
    "/account/talent/contacts/:id/answer",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      const contactId = pathParam(c, "id");
      try {
        const input = parseForm(talentAnswerInput, {
          answer: fieldText(values, "answer"),
          reply: fieldText(values, "reply"),
        });
        const status = await answerTalentContact(deps, user.id, contactId, input);
        return redirectWith(
          c,
          "/account/talent",
          status === "accepted" ? "Your reply and email address were sent." : "You declined the message.",
        );
      } catch (error) {
        return formFailure(c, error, (errors, message) =>
          settingsPage(c, user, undefined, { errors, message, contactId }),
        );
      }
    }),
  );
  return pages;
}
