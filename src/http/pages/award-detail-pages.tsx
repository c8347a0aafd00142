import { Hono } from "hono";
import { type AwardRow, STATUS_LABELS } from "../../app/awards/lifecycle/award-view.ts";
import { changeAwardStatus } from "../../app/awards/lifecycle/change-award-status.ts";
import { getAward } from "../../app/awards/lifecycle/get-award.ts";
import { renewalInput, statusChangeInput } from "../../app/awards/lifecycle/inputs.ts";
import { renewAward } from "../../app/awards/lifecycle/renew-award.ts";
import type { AppDeps } from "../../app/ports.ts";
import type { User } from "../../domain/types.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { ErrorSummary, Field, Form, type FormErrors, SelectField } from "./forms.tsx";
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

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");
const ID = ":id{[0-9a-f-]{36}}";

const AwardLink = ({ slug, award }: { slug: string; award: AwardRow }) => (
  <a href={`/orgs/${slug}/awards/${award.id}`}>
    {award.achievementName}, issued {day(award.issuedAt)}, valid until {day(award.validUntil)}
  </a>
);

/** The actions an award allows, given its status and the purpose of its credential's status entry. */
const actionsFor = (award: AwardRow, purpose: string | undefined): [string, string][] => {
  if (!purpose || award.status === "revoked") return [];
  if (purpose === "revocation") return [["revoke", "Revoke"]];
  return award.status === "suspended"
    ? [
        ["unsuspend", "Unsuspend"],
        ["revoke", "Revoke permanently"],
      ]
    : [
        ["suspend", "Suspend"],
        ["revoke", "Revoke permanently"],
      ];
};

export function awardDetailPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  const detailPage = async (c: PageContext, user: User, errors?: FormErrors, message?: string) => {
    const slug = pathParam(c, "slug");
    const found = await getAward(deps, actorOf(user), slug, pathParam(c, "id"));
    const { organization, membership, award, purpose, replaces, replacedBy, canIssue, stacked } = found;
    const base = `/orgs/${slug}/awards/${award.id}`;
    const csrf = c.get("csrfToken");
    const actions = actionsFor(award, purpose);
    return render(
      c,
      `Award to ${award.recipientName ?? award.recipient} · ${organization.name}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="awards" />
        <h2>
          {award.achievementName} awarded to {award.recipientName ?? award.recipient}
        </h2>
        <ErrorSummary errors={errors} message={message} />
        <dl class="facts">
          <dt>Recipient</dt>
          <dd>{award.recipient}</dd>
          <dt>Micro-credential</dt>
          <dd>
            <a href={`/orgs/${slug}/achievements/${award.achievementId}`}>{award.achievementName}</a> (version{" "}
            {award.achievementVersion})
          </dd>
          <dt>Credential id</dt>
          <dd>
            <code>{award.credentialId}</code>
          </dd>
          <dt>Status</dt>
          <dd>
            {STATUS_LABELS[award.status]}
            {purpose ? ` (its credential is ${purpose === "revocation" ? "revocable" : "suspendable"})` : ""}
          </dd>
          <dt>Reason</dt>
          <dd>{award.statusReason ?? "—"}</dd>
          <dt>Issued</dt>
          <dd>{day(award.issuedAt)}</dd>
          <dt>Valid until</dt>
          <dd>
            {award.validUntil ? day(award.validUntil) : "No expiry"}
            {award.expired ? " (expired)" : ""}
          </dd>
          <dt>Claimed</dt>
          <dd>{award.claimedAt ? `Claimed on ${day(award.claimedAt)}` : "Not claimed yet"}</dd>
          {stacked ? (
            <>
              <dt>Stacked from</dt>
              <dd>
                {stacked.componentCredentialIds.length} component credential(s), awarded automatically when
                the pathway was complete
                {stacked.flaggedAt ? (
                  <p class="notice warning" role="note">
                    Flagged for your review on {day(stacked.flaggedAt)}: {stacked.flagReason}
                  </p>
                ) : null}
              </dd>
            </>
          ) : null}
          <dt>Renews</dt>
          <dd>{replaces ? <AwardLink slug={slug} award={replaces} /> : "—"}</dd>
          <dt>Renewed by</dt>
          <dd>
            {replacedBy.length === 0 ? (
              "—"
            ) : (
              <ul>
                {replacedBy.map((a) => (
                  <li>
                    <AwardLink slug={slug} award={a} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        {canIssue && actions.length > 0 ? (
          <div class="narrow">
            <h3>Change the status</h3>
            <Form action={`${base}/status`} csrf={csrf}>
              <SelectField
                name="action"
                label="Action"
                options={actions}
                value={actions[0]?.[0]}
                errors={errors}
              />
              <Field
                name="reason"
                label="Reason"
                hint="Verifiers see this reason."
                errors={errors}
                maxlength={500}
              />
              <button type="submit">Change the status</button>
            </Form>
          </div>
        ) : null}
        {canIssue && award.status !== "revoked" ? (
          <div class="narrow">
            <h3>Renew</h3>
            <p>Issues a new credential with a new expiry date, linked to this award.</p>
            <Form action={`${base}/renew`} csrf={csrf}>
              <Field name="validUntil" label="New expiry date" type="date" errors={errors} />
              <button type="submit">Renew the award</button>
            </Form>
          </div>
        ) : null}
        <p>
          <a href={`/orgs/${slug}/awards`}>Back to all awards</a>
        </p>
      </section>,
    );
  };

  pages.get(
    `/orgs/:slug/awards/${ID}`,
    signedIn((c, user) => detailPage(c, user)),
  );

  pages.post(
    `/orgs/:slug/awards/${ID}/status`,
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const id = pathParam(c, "id");
      const values = await readForm(c);
      try {
        const change = parseForm(statusChangeInput, { ...values, awardIds: [id] });
        await changeAwardStatus(deps, actorOf(user), slug, change);
        return redirectWith(c, `/orgs/${slug}/awards/${id}`, "The award's status changed.");
      } catch (error) {
        return formFailure(c, error, (errors, message) => detailPage(c, user, errors, message));
      }
    }),
  );

  pages.post(
    `/orgs/:slug/awards/${ID}/renew`,
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const values = await readForm(c);
      try {
        const { validUntil } = parseForm(renewalInput, values);
        const renewed = await renewAward(deps, actorOf(user), slug, pathParam(c, "id"), { validUntil });
        return redirectWith(c, `/orgs/${slug}/awards/${renewed.id}`, "The award is renewed.");
      } catch (error) {
        return formFailure(c, error, (errors, message) => detailPage(c, user, errors, message));
      }
    }),
  );
  return pages;
}
