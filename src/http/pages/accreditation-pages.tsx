import { Hono } from "hono";
import type { AppDeps } from "../../app/ports.ts";
import { accredit } from "../../app/trust/accredit.ts";
import { accreditationInput } from "../../app/trust/accreditation-input.ts";
import { accreditorDesk } from "../../app/trust/accreditor-desk.ts";
import { withdrawAccreditation } from "../../app/trust/withdraw-accreditation.ts";
import { DomainError } from "../../domain/errors.ts";
import { YEAR } from "../../domain/rules.ts";
import { type AppEnv, actorOf } from "../env.ts";
import {
  ErrorSummary,
  Field,
  Form,
  type FormErrors,
  type FormValues,
  fieldText,
  SelectField,
} from "./forms.tsx";
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
import { AccreditationTable, AccreditedMark } from "./trust-parts.tsx";

/** Criteria most quality frameworks (ESG Part 1, the EU micro-credential elements) ask about; the reviewer edits them. */
const STARTER_CRITERIA = [
  "Learning outcomes are stated and each is assessed",
  "Assessment is valid, reliable and matches the stated type",
  "Workload and level (EQF) are stated and plausible",
  "Quality assurance of design and delivery is documented",
  "Learner identity is verified during assessment",
];
const CRITERIA_ROWS = 7;
const list = (value: FormValues[string]) => (Array.isArray(value) ? value : value ? [value] : []);

export function accreditationPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  const deskPage = async (
    c: PageContext,
    slug: string,
    issuer: string | undefined,
    values: FormValues = {},
    errors?: FormErrors,
    message?: string,
  ) => {
    const user = c.get("user");
    if (!user) throw new DomainError("unauthenticated", "Sign in first.");
    const desk = await accreditorDesk(deps, actorOf(user), slug, issuer);
    const { organization, membership, subject } = desk;
    const csrf = c.get("csrfToken");
    const criteria = values.criteria ? list(values.criteria) : STARTER_CRITERIA;
    const met = new Set(list(values.met));
    const defaultUntil = new Date(deps.clock().getTime() + 3 * YEAR).toISOString().slice(0, 10);
    return render(
      c,
      `Accreditation · ${organization.name}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="accreditation" />
        <h2>Accreditation</h2>
        {!organization.accreditorSince ? (
          <p>
            {organization.name} is not an accreditation body. A platform admin grants the accreditor role to
            quality bodies; then its issuers and reviewers accredit issuers here.
          </p>
        ) : (
          <>
            <p>
              Review an issuer, or one of its micro-credentials, against your quality criteria. When every
              criterion is met, Cairn signs an Open Badges 3.0 EndorsementCredential with {organization.name}
              's key: it appears in the <a href="/issuers">issuer registry</a>, travels inside the issuer's
              credentials, and marks them as accredited on every verification until it ends or you withdraw
              it.
            </p>
            <h3>Granted</h3>
            {desk.granted.length === 0 ? (
              <p class="hint">No accreditation yet.</p>
            ) : (
              <AccreditationTable
                rows={desk.granted}
                party="issuer"
                actions={(a) =>
                  a.state === "active" ? (
                    <Form action={`/orgs/${slug}/accreditations/${a.id}/withdraw`} csrf={csrf} class="inline">
                      <label for={`reason-${a.id}`} class="visually-hidden">
                        Reason for withdrawing
                      </label>
                      <input
                        id={`reason-${a.id}`}
                        name="reason"
                        required
                        maxlength={500}
                        placeholder="Reason"
                      />{" "}
                      <button type="submit" class="small danger">
                        Withdraw
                      </button>
                    </Form>
                  ) : null
                }
              />
            )}
            <h3 id="review">Review an issuer</h3>
            <form method="get" action={`/orgs/${slug}/accreditations#review`} class="inline">
              <label for="issuer-pick">Issuer</label>{" "}
              <select id="issuer-pick" name="issuer">
                {desk.issuers.map((e) => (
                  <option value={e.organization.slug} selected={e.organization.slug === issuer}>
                    {e.organization.name}
                  </option>
                ))}
              </select>{" "}
              <button type="submit" class="small secondary">
                Open the review
              </button>
            </form>
            {subject ? (
              <div class="narrow">
                <h4>{subject.organization.name}</h4>
                <p class="mono wrap">{subject.did}</p>
                <p>
                  <AccreditedMark accreditations={subject.accreditations} />
                </p>
                <h5>Stated quality assurance</h5>
                <ul>
                  {subject.published.map((p) => (
                    <li>
                      <a href={`/achievements/${p.id}`}>{p.name}</a>: {p.qualityAssurance ?? "none stated"}
                    </li>
                  ))}
                </ul>
                <ErrorSummary errors={errors} message={message} />
                <Form action={`/orgs/${slug}/accreditations`} csrf={csrf}>
                  <input type="hidden" name="issuer" value={subject.organization.slug} />
                  <SelectField
                    name="achievementId"
                    label="What you reviewed"
                    options={[
                      ["", `${subject.organization.name} as an issuer`],
                      ...subject.published.map((p) => [p.id, `The micro-credential "${p.name}"`] as const),
                    ]}
                    value={fieldText(values, "achievementId")}
                    errors={errors}
                  />
                  <fieldset>
                    <legend>Quality criteria (tick each one that is met)</legend>
                    {errors?.criteria ? <p class="field-error">{errors.criteria}</p> : null}
                    {Array.from({ length: CRITERIA_ROWS }, (_, i) => (
                      <div class="criterion">
                        <input
                          type="checkbox"
                          id={`met-${i}`}
                          name="met"
                          value={String(i)}
                          checked={met.has(String(i))}
                        />{" "}
                        <label for={`met-${i}`} class="visually-hidden">
                          Criterion {i + 1} is met
                        </label>
                        <label for={`criterion-${i}`} class="visually-hidden">
                          Criterion {i + 1}
                        </label>
                        <input
                          id={`criterion-${i}`}
                          name="criteria"
                          value={criteria[i] ?? ""}
                          maxlength={300}
                        />
                      </div>
                    ))}
                  </fieldset>
                  <Field
                    name="comment"
                    label="Finding"
                    type="textarea"
                    hint="Published in the endorsement: what you reviewed and what you found."
                    value={fieldText(values, "comment")}
                    errors={errors}
                    maxlength={4000}
                  />
                  <Field
                    name="validUntil"
                    label="Accredited until"
                    type="date"
                    value={fieldText(values, "validUntil") || defaultUntil}
                    errors={errors}
                  />
                  <button type="submit">Sign the accreditation</button>
                </Form>
              </div>
            ) : null}
          </>
        )}
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/accreditations",
    signedIn((c) => deskPage(c, pathParam(c, "slug"), c.req.query("issuer"))),
  );

  pages.post(
    "/orgs/:slug/accreditations",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const values = await readForm(c);
      try {
        const granted = await accredit(deps, actorOf(user), slug, parseForm(accreditationInput, values));
        return redirectWith(
          c,
          `/orgs/${slug}/accreditations`,
          `Accreditation signed (until ${granted.validUntil.toISOString().slice(0, 10)}).`,
        );
      } catch (error) {
        return formFailure(c, error, (errors, message) =>
          deskPage(c, slug, fieldText(values, "issuer") || undefined, values, errors, message),
        );
      }
    }),
  );

  pages.post(
    "/orgs/:slug/accreditations/:id/withdraw",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const values = await readForm(c);
      await withdrawAccreditation(deps, actorOf(user), slug, {
        accreditationId: pathParam(c, "id"),
        reason: fieldText(values, "reason"),
      });
      return redirectWith(
        c,
        `/orgs/${slug}/accreditations`,
        "The accreditation is withdrawn; its endorsement is revoked.",
      );
    }),
  );

  return pages;
}
