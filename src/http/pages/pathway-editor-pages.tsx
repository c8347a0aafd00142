import { Hono } from "hono";
import { pathwayEditor, savePathway } from "../../app/pathways/manage-pathway.ts";
import {
  listRecognitions,
  recognizeAchievement,
  withdrawRecognition,
} from "../../app/pathways/recognitions.ts";
import { LAPSE_POLICIES } from "../../domain/pathways/stored-pathway.ts";
import { type AppEnv, actorOf, type HttpDeps } from "../env.ts";
import { ErrorSummary, Form, type FormErrors, type FormValues, fieldText } from "./forms.tsx";
import {
  formFailure,
  type PageContext,
  pathParam,
  readForm,
  redirectWith,
  render,
  signedIn,
} from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";
import { COMPONENTS, formFromPathway, GROUPS, ORDER_ROWS, pathwayFromForm } from "./pathway-form.ts";

const RULES: [string, string][] = [
  ["all", "All of them"],
  ["some", "At least N of them"],
  ["credits", "At least N credits from them"],
];
const POLICY_LABELS: Record<(typeof LAPSE_POLICIES)[number], string> = {
  keep: "Keep the stacked credential",
  flag: "Flag it for our review",
  suspend: "Suspend it automatically",
};

function Select(props: { name: string; label: string; options: [string, string][]; value: string }) {
  return (
    <div class="field">
      <label for={`field-${props.name}`}>{props.label}</label>
      <select id={`field-${props.name}`} name={props.name}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
const Input = (props: { name: string; label: string; value: string; type?: string }) => (
  <div class="field">
    <label for={`field-${props.name}`}>{props.label}</label>
    <input id={`field-${props.name}`} name={props.name} type={props.type ?? "text"} value={props.value} />
  </div>
);

/** `/orgs/:slug/achievements/:id/pathway`: the requirements that stack micro-credentials into this one. */
export function pathwayEditorPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  const editor = async (c: PageContext, values?: FormValues, errors?: FormErrors, message?: string) => {
    const user = c.get("user");
    if (!user) return c.redirect("/signin", 303);
    const [slug, id] = [pathParam(c, "slug"), pathParam(c, "id")];
    const { organization, membership, name, stored, choices } = await pathwayEditor(
      deps,
      actorOf(user),
      slug,
      id,
    );
    const recognitions = await listRecognitions(deps, actorOf(user), slug);
    const names = new Map(choices.map((choice) => [choice.url.split("/").at(-1), choice.name]));
    const v = values ?? { ...formFromPathway(stored?.pathway), policy: stored?.policy ?? "flag" };
    const f = (key: string) => fieldText(v, key);
    const achievementOptions: [string, string][] = [
      ["", "(none)"],
      ...choices.map((choice): [string, string] => [choice.url, choice.name]),
    ];
    const componentIds: [string, string][] = [["", "(none)"]];
    for (let g = 0; g < GROUPS; g++)
      for (let c2 = 0; c2 < COMPONENTS; c2++)
        if (f(`g${g}c${c2}Achievement`))
          componentIds.push([
            `g${g + 1}c${c2 + 1}`,
            `Group ${g + 1}, component ${c2 + 1}: ${f(`g${g}c${c2}Label`) || f(`g${g}c${c2}Achievement`)}`,
          ]);
    return render(
      c,
      `Pathway · ${name}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="achievements" />
        <h2>Pathway: what stacks into {name}</h2>
        <p>
          Learners earn <strong>{name}</strong> by holding the micro-credentials below. A component can be one
          of yours, another Cairn organization's (paste its address) or an external achievement (its id and
          issuer's DID or URL).
          {stored ? (
            <>
              {" "}
              <a href={`/pathways/${id}`}>See the public pathway page</a>.
            </>
          ) : null}
        </p>
        <ErrorSummary errors={errors} message={message} />
        <Form action={`/orgs/${slug}/achievements/${id}/pathway`} csrf={c.get("csrfToken")}>
          <fieldset>
            <legend>Overall rule</legend>
            <div class="inline-form">
              <Select
                name="rootRule"
                label="The learner needs, of the groups below"
                options={RULES.slice(0, 2)}
                value={f("rootRule") || "all"}
              />
              <Input name="rootMin" label="N (for “at least N”)" type="number" value={f("rootMin")} />
            </div>
          </fieldset>
          {Array.from({ length: GROUPS }, (_, g) => (
            <fieldset>
              <legend>Group {g + 1}</legend>
              <div class="inline-form">
                <Input name={`g${g}Label`} label="Group name" value={f(`g${g}Label`)} />
                <Select name={`g${g}Rule`} label="Rule" options={RULES} value={f(`g${g}Rule`) || "all"} />
                <Input name={`g${g}Min`} label="N" type="number" value={f(`g${g}Min`)} />
              </div>
              {Array.from({ length: COMPONENTS }, (_, c2) => {
                const key = `g${g}c${c2}`;
                const chosen = f(`${key}Achievement`);
                const known = achievementOptions.some(([url]) => url === chosen);
                return (
                  <div class="field-row">
                    <Select
                      name={`${key}Achievement`}
                      label={`Component ${c2 + 1}`}
                      options={known ? achievementOptions : [...achievementOptions, [chosen, chosen]]}
                      value={chosen}
                    />
                    <Input name={`${key}Other`} label="or its address / id" value="" />
                    <Input name={`${key}Issuer`} label="Issuer (if external)" value={f(`${key}Issuer`)} />
                    <Input name={`${key}Credits`} label="Credits" type="number" value={f(`${key}Credits`)} />
                    <Input name={`${key}Label`} label="Shown as" value={f(`${key}Label`)} />
                  </div>
                );
              })}
            </fieldset>
          ))}
          <fieldset>
            <legend>Order and freshness (optional)</legend>
            {Array.from({ length: ORDER_ROWS }, (_, o) => (
              <div class="inline-form">
                <Select
                  name={`order${o}Before`}
                  label={`Rule ${o + 1}: earned first`}
                  options={componentIds}
                  value={f(`order${o}Before`)}
                />
                <Select
                  name={`order${o}After`}
                  label="then"
                  options={componentIds}
                  value={f(`order${o}After`)}
                />
              </div>
            ))}
            <Input
              name="maxAgeMonths"
              label="A component counts if earned within (months)"
              type="number"
              value={f("maxAgeMonths")}
            />
          </fieldset>
          <Select
            name="policy"
            label="When a component is later revoked or expires"
            options={LAPSE_POLICIES.map((p): [string, string] => [p, POLICY_LABELS[p]])}
            value={f("policy") || "flag"}
          />
          <button type="submit">Save the pathway</button>
        </Form>
        <h3 id="recognitions">Recognized external achievements</h3>
        <p>
          An achievement from another issuer that your organization accepts as equal to one of yours: a
          learner who holds it (verified) counts as holding yours in every pathway.
        </p>
        {recognitions.length ? (
          <table>
            <caption class="visually-hidden">Recognitions</caption>
            <thead>
              <tr>
                <th scope="col">External achievement</th>
                <th scope="col">Issuer</th>
                <th scope="col">Counts as</th>
                <th scope="col">Decided</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {recognitions.map((x) => (
                <tr>
                  <td class="mono">{x.externalAchievementId}</td>
                  <td class="mono">{x.externalIssuer ?? "any"}</td>
                  <td>{names.get(x.ownAchievementId) ?? x.ownAchievementId}</td>
                  <td>{x.decidedAt.toISOString().slice(0, 10)}</td>
                  <td>
                    <Form
                      action={`/orgs/${slug}/achievements/${id}/pathway/recognitions/${x.id}/withdraw`}
                      csrf={c.get("csrfToken")}
                      class="inline"
                    >
                      <button type="submit" class="secondary small">
                        Withdraw <span class="visually-hidden">{x.externalAchievementId}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <Form action={`/orgs/${slug}/achievements/${id}/pathway/recognitions`} csrf={c.get("csrfToken")}>
          <div class="inline-form">
            <Input name="externalAchievementId" label="External achievement id" value="" />
            <Input name="externalIssuer" label="Its issuer (DID or URL, optional)" value="" />
            <Select
              name="ownAchievementId"
              label="Counts as our"
              options={choices.map((choice): [string, string] => [
                choice.url.split("/").at(-1) ?? "",
                choice.name,
              ])}
              value=""
            />
            <button type="submit" class="secondary">
              Recognize
            </button>
          </div>
        </Form>
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/achievements/:id/pathway",
    signedIn((c) => editor(c)),
  );
  pages.post(
    "/orgs/:slug/achievements/:id/pathway",
    signedIn(async (c, user) => {
      const [slug, id] = [pathParam(c, "slug"), pathParam(c, "id")];
      const values = await readForm(c);
      // A typed address replaces the chosen one.
      for (let g = 0; g < GROUPS; g++)
        for (let c2 = 0; c2 < COMPONENTS; c2++) {
          const other = fieldText(values, `g${g}c${c2}Other`).trim();
          if (other) values[`g${g}c${c2}Achievement`] = other;
        }
      try {
        const { choices } = await pathwayEditor(deps, actorOf(user), slug, id);
        const names = new Map(choices.map((choice) => [choice.url, choice.name]));
        await savePathway(deps, actorOf(user), slug, id, {
          pathway: pathwayFromForm(values, names),
          policy: fieldText(values, "policy"),
        });
        return redirectWith(c, `/orgs/${slug}/achievements/${id}/pathway`, "The pathway is saved.");
      } catch (error) {
        return formFailure(c, error, (errors, message) => editor(c, values, errors, message));
      }
    }),
  );
  pages.post(
    "/orgs/:slug/achievements/:id/pathway/recognitions",
    signedIn(async (c, user) => {
      const [slug, id] = [pathParam(c, "slug"), pathParam(c, "id")];
      const values = await readForm(c);
      try {
        await recognizeAchievement(deps, actorOf(user), slug, {
          externalAchievementId: fieldText(values, "externalAchievementId"),
          externalIssuer: fieldText(values, "externalIssuer"),
          ownAchievementId: fieldText(values, "ownAchievementId"),
        });
        return redirectWith(
          c,
          `/orgs/${slug}/achievements/${id}/pathway#recognitions`,
          "The recognition is recorded.",
        );
      } catch (error) {
        return formFailure(c, error, (errors, message) => editor(c, undefined, errors, message));
      }
    }),
  );
  pages.post(
    "/orgs/:slug/achievements/:id/pathway/recognitions/:recognition/withdraw",
    signedIn(async (c, user) => {
      const [slug, id] = [pathParam(c, "slug"), pathParam(c, "id")];
      await readForm(c);
      await withdrawRecognition(deps, actorOf(user), slug, pathParam(c, "recognition"));
      return redirectWith(
        c,
        `/orgs/${slug}/achievements/${id}/pathway#recognitions`,
        "The recognition is withdrawn.",
      );
    }),
  );
  return pages;
}
