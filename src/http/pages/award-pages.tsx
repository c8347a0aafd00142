import { Hono } from "hono";
import { getDefinition } from "../../app/achievements/manage-definitions.ts";
import { awardCredential } from "../../app/awards/award-credential.ts";
import { claimAward, viewClaim } from "../../app/awards/claim.ts";
import type { AppDeps } from "../../app/ports.ts";
import { awardRequest } from "../../domain/awards/award-request.ts";
import { type AppEnv, actorOf } from "../env.ts";
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

type Values = Record<string, string | string[] | undefined>;

export function awardPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  const awardPage = async (
    c: PageContext,
    slug: string,
    id: string,
    values: Values,
    errors?: FormErrors,
    message?: string,
  ) => {
    const user = c.get("user");
    if (!user) return c.redirect("/signin", 303);
    const { organization, membership, latest, achievement } = await getDefinition(
      deps,
      actorOf(user),
      slug,
      id,
    );
    // A fresh key per form: a double click or a resubmitted page awards once.
    const nonce = fieldText(values, "nonce") || deps.secrets.token(12);
    return render(
      c,
      `Award ${latest.definition.name}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="achievements" />
        <div class="narrow">
          <h2>Award “{latest.definition.name}”</h2>
          {achievement.status !== "published" ? (
            <p class="notice">Publish this micro-credential before awarding it.</p>
          ) : null}
          <p>
            Version {achievement.publishedVersion ?? latest.version} is awarded. For many recipients at once,
            use <a href={`/orgs/${slug}/achievements/${id}/awards/bulk`}>a CSV file</a>.
          </p>
          <ErrorSummary errors={errors} message={message} />
          <Form action={`/orgs/${slug}/achievements/${id}/award`} csrf={c.get("csrfToken")}>
            <input type="hidden" name="nonce" value={nonce} />
            <Field
              name="recipient"
              label="Recipient's email address or DID"
              value={fieldText(values, "recipient")}
              errors={errors}
              required
            />
            <Field
              name="recipientName"
              label="Recipient's name"
              value={fieldText(values, "recipientName")}
              errors={errors}
            />
            <Field
              name="evidenceUrl"
              label="Evidence (web address)"
              type="url"
              value={fieldText(values, "evidenceUrl")}
              errors={errors}
            />
            <Field
              name="narrative"
              label="Narrative"
              hint="What the learner did, shown as evidence."
              type="textarea"
              value={fieldText(values, "narrative")}
              errors={errors}
            />
            <Field
              name="result"
              label="Result"
              hint="A grade or score, if any."
              value={fieldText(values, "result")}
              errors={errors}
            />
            <div class="field-row">
              <Field
                name="issuedOn"
                label="Issue date"
                type="date"
                value={fieldText(values, "issuedOn")}
                errors={errors}
              />
              <Field
                name="validUntil"
                label="Expiry date"
                hint="Empty: the definition's rule, or none."
                type="date"
                value={fieldText(values, "validUntil")}
                errors={errors}
              />
            </div>
            <div class="checkbox">
              <input
                type="checkbox"
                id="field-notify"
                name="notify"
                value="yes"
                checked={values.notify !== undefined ? values.notify === "yes" : true}
              />
              <label for="field-notify">Email the recipient a claim link</label>
            </div>
            <button type="submit">Award</button>
          </Form>
        </div>
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/achievements/:id/award",
    signedIn((c) => awardPage(c, pathParam(c, "slug"), pathParam(c, "id"), {})),
  );
  pages.post(
    "/orgs/:slug/achievements/:id/award",
    signedIn(async (c, user) => {
      const [slug, id] = [pathParam(c, "slug"), pathParam(c, "id")];
      const values = await readForm(c);
      try {
        const request = parseForm(awardRequest, values);
        const { award, created } = await awardCredential(deps, actorOf(user), slug, id, request, {
          idempotencyKey: `form:${fieldText(values, "nonce") || deps.newId()}`,
          notify: values.notify === "yes",
        });
        const notice = created
          ? `Awarded to ${award.recipient}.`
          : `This was already awarded to ${award.recipient}.`;
        return redirectWith(c, `/orgs/${slug}/awards/${award.id}`, notice);
      } catch (error) {
        return formFailure(c, error, (errors, message) => awardPage(c, slug, id, values, errors, message));
      }
    }),
  );

  pages.get("/claim/:token", async (c) => {
    const token = pathParam(c, "token");
    const { award, organization, achievementName, description } = await viewClaim(deps, token);
    const user = c.get("user");
    const here = encodeURIComponent(c.req.path);
    return render(
      c,
      `Your credential: ${achievementName}`,
      <section class="narrow">
        <h1>{achievementName}</h1>
        <p>
          Awarded by <strong>{organization.name}</strong> to {award.recipient}.
        </p>
        <p>{description}</p>
        <p class="actions">
          <a class="button secondary" href={`/claim/${token}/credential.json`} download>
            Download the signed credential
          </a>
        </p>
        {award.claimedAt ? <p class="notice">This credential has been claimed.</p> : null}
        {user ? (
          <Form action={c.req.path} csrf={c.get("csrfToken")}>
            <p>
              You are signed in as <strong>{user.email}</strong>.
            </p>
            <button type="submit">Keep it in my Cairn account</button>
          </Form>
        ) : (
          <p>
            <a href={`/signup?next=${here}&email=${encodeURIComponent(award.recipient)}`}>
              Create an account
            </a>{" "}
            or <a href={`/signin?next=${here}`}>sign in</a> to keep it in your Cairn account.
          </p>
        )}
      </section>,
    );
  });
  pages.get("/claim/:token/credential.json", async (c) => {
    const { document, award } = await viewClaim(deps, pathParam(c, "token"));
    const body = typeof document === "string" ? document : JSON.stringify(document, null, 2);
    return c.body(body, 200, {
      "content-type": typeof document === "string" ? "application/vc+jwt" : "application/vc+ld+json",
      "content-disposition": `attachment; filename="credential-${award.id}.${typeof document === "string" ? "jwt" : "json"}"`,
    });
  });
  pages.post(
    "/claim/:token",
    signedIn(async (c, user) => {
      await readForm(c);
      const { award, proven } = await claimAward(deps, user.id, pathParam(c, "token"));
      const notice = proven
        ? "The credential is in your wallet."
        : `The credential is in your wallet. It was awarded to ${award.recipient}: add and confirm that address under Account → Your addresses to make it yours.`;
      return redirectWith(c, proven ? c.req.path : "/account/addresses", notice);
    }),
  );
  return pages;
}
