import { Hono } from "hono";
import { getOwnProfile, openProfile, saveOwnProfile } from "../../app/wallet/public-profile.ts";
import type { LearnerProfile } from "../../domain/wallet/types.ts";
import type { AppEnv, HttpDeps } from "../env.ts";
import { ErrorSummary, Field, Form, type FormErrors, fieldText } from "./forms.tsx";
import {
  formFailure,
  type PageContext,
  pathParam,
  readForm,
  redirectWith,
  render,
  signedIn,
} from "./kit.tsx";
import { longDate, StatusTag } from "./wallet-parts.tsx";

/** The learner's opt-in public profile: its settings, and the page at /p/<handle>. */
export function profilePages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  const settingsPage = (
    c: PageContext,
    values: Partial<Pick<LearnerProfile, "handle" | "headline" | "enabled">>,
    errors?: FormErrors,
    message?: string,
  ) =>
    render(
      c,
      "Your public profile",
      <section class="narrow">
        <h1>Your public profile</h1>
        <p>
          Off until you publish it. It lists only the credentials you made public in your wallet, and the
          skills they carry.
        </p>
        {values.enabled && values.handle ? (
          <p>
            Published at <a href={`/p/${values.handle}`}>{`${deps.publicUrl}/p/${values.handle}`}</a>
          </p>
        ) : null}
        <ErrorSummary errors={errors} message={message} />
        <Form action="/account/profile" csrf={c.get("csrfToken")}>
          <Field
            name="handle"
            label="Handle (the address of your profile)"
            value={values.handle ?? ""}
            errors={errors}
            maxlength={40}
          />
          <Field
            name="headline"
            label="Headline"
            value={values.headline ?? ""}
            errors={errors}
            maxlength={140}
          />
          <div class="field checkbox">
            <input
              id="field-enabled"
              type="checkbox"
              name="enabled"
              value="yes"
              checked={values.enabled ?? false}
            />
            <label for="field-enabled">Publish my profile</label>
          </div>
          <button type="submit">Save</button>
        </Form>
      </section>,
    );

  pages.get(
    "/account/profile",
    signedIn(async (c, user) => {
      const profile = await getOwnProfile(deps, user.id);
      return settingsPage(c, profile ?? { handle: "", headline: "", enabled: false });
    }),
  );
  pages.post(
    "/account/profile",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      const input = {
        handle: fieldText(values, "handle"),
        headline: fieldText(values, "headline"),
        enabled: values.enabled === "yes",
      };
      try {
        const handle = await saveOwnProfile(deps, user.id, input);
        return redirectWith(
          c,
          "/account/profile",
          input.enabled ? `Your profile is public at /p/${handle}.` : "Saved; your profile is not published.",
        );
      } catch (error) {
        return formFailure(c, error, (errors, message) => settingsPage(c, input, errors, message));
      }
    }),
  );

  pages.get("/p/:handle", async (c) => {
    const { profile, name, shared, skills } = await openProfile(deps, pathParam(c, "handle"));
    const url = `${deps.publicUrl}/p/${profile.handle}`;
    return render(
      c,
      name,
      <section>
        <h1>{name}</h1>
        {profile.headline ? <p class="lead">{profile.headline}</p> : null}
        {skills.length ? (
          <>
            <h2>Verified skills</h2>
            <ul class="skill-list">
              {skills.map((s) => (
                <li class="tag">{s}</li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>Credentials</h2>
        {shared.length ? (
          <ul class="cards wallet-cards">
            {shared.map(({ shareId, entry, held }) => (
              <li class="card">
                <img
                  src={`/c/${shareId}/badge.png`}
                  alt={`Badge: ${entry.display.name}`}
                  width="96"
                  height="96"
                />
                <h3>
                  <a href={`/c/${shareId}`}>{entry.display.name}</a>
                </h3>
                <p>
                  {entry.display.issuerName ?? "Unknown issuer"}
                  {entry.display.issuedOn ? ` · ${longDate(entry.display.issuedOn)}` : ""}
                </p>
                <StatusTag status={held} />
              </li>
            ))}
          </ul>
        ) : (
          <p>No public credentials yet.</p>
        )}
      </section>,
      undefined,
      `${name}: ${shared.length} verified credential(s) on Cairn.`,
      { url },
    );
  });
  return pages;
}
