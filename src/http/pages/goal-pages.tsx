import { Hono } from "hono";
import { learnerGoals } from "../../app/goals/learner-goals.ts";
import { removeFromList } from "../../app/goals/remove-from-list.ts";
import { saveToList } from "../../app/goals/save-to-list.ts";
import { savedList } from "../../app/goals/saved-list.ts";
import { setLearnerGoals } from "../../app/goals/set-goals.ts";
import type { AppDeps } from "../../app/ports.ts";
import { goalsInput } from "../../domain/catalog/goals.ts";
import type { AppEnv } from "../env.ts";
import { ErrorSummary, Form, type FormErrors, fieldText, SelectField } from "./forms.tsx";
import {
  formFailure,
  type PageContext,
  parseForm,
  readForm,
  redirectWith,
  render,
  safeNext,
  signedIn,
} from "./kit.tsx";
import { longDate } from "./wallet-parts.tsx";

type Typed = { skills: string[]; add: string; pathwayId: string };

/** A learner's goals (target skills, a target pathway) and their saved list of micro-credentials. */
export function goalPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  const goalsPage = async (
    c: PageContext,
    userId: string,
    typed?: Typed,
    errors?: FormErrors,
    message?: string,
  ) => {
    const { goals, gaps, pathways, suggestions } = await learnerGoals(deps, userId);
    const skills = typed?.skills ?? goals?.skills ?? [];
    const pathwayId = typed?.pathwayId ?? goals?.pathwayId ?? "";
    return render(
      c,
      "Your learning goals",
      <section class="narrow">
        <p>
          <a href="/account">Your account</a> · <a href="/catalog">Catalog</a>
        </p>
        <h1>Your learning goals</h1>
        <p class="lead">
          Name the skills you want, or a pathway to complete. The catalog then ranks first what closes the
          most of your missing skills, leaving out what your wallet already shows you hold.
        </p>
        {gaps ? (
          <>
            <h2>Where you stand</h2>
            <p>
              {gaps.missing.length
                ? `Missing skills: ${gaps.missing.join(", ")}.`
                : "You hold every skill your goals name."}
              {gaps.pathway
                ? ` ${gaps.pathway.name}: ${gaps.pathway.components - gaps.pathway.missingComponents.length} of ${gaps.pathway.components} components held.`
                : ""}
            </p>
            <p>
              <a href="/catalog?sort=fit">See what fits my goals</a>
            </p>
          </>
        ) : null}
        <h2>Set your goals</h2>
        <ErrorSummary errors={errors} message={message} />
        <Form action="/account/goals" csrf={c.get("csrfToken")}>
          <fieldset>
            <legend>Target skills</legend>
            {skills.length ? (
              skills.map((s, i) => (
                <div class="checkbox">
                  <input type="checkbox" id={`goal-skill-${i}`} name="skills" value={s} checked />{" "}
                  <label for={`goal-skill-${i}`}>{s}</label>
                </div>
              ))
            ) : (
              <p class="hint">No target skills yet.</p>
            )}
            <div class={errors?.add ? "field has-error" : "field"}>
              <label for="field-add">Add skills</label>
              <p class="hint" id="field-add-hint">
                Separate several with commas. Suggestions are the skills the catalog teaches; untick one above
                to drop it.
              </p>
              {errors?.add ? (
                <p class="field-error" id="field-add-error">
                  {errors.add}
                </p>
              ) : null}
              <input
                id="field-add"
                name="add"
                value={typed?.add ?? ""}
                maxlength={2000}
                list="goal-skill-suggestions"
                autocomplete="off"
                aria-describedby={errors?.add ? "field-add-hint field-add-error" : "field-add-hint"}
                aria-invalid={errors?.add ? "true" : undefined}
              />
              <datalist id="goal-skill-suggestions">
                {suggestions.map((s) => (
                  <option value={s} />
                ))}
              </datalist>
            </div>
          </fieldset>
          <SelectField
            name="pathwayId"
            label="Target pathway (a stacked credential to complete)"
            options={[["", "None"], ...pathways.map((p) => [p.id, p.name] as const)]}
            value={pathwayId}
            errors={errors}
          />
          <button type="submit">Save goals</button>
        </Form>
      </section>,
    );
  };

  pages.get(
    "/account/goals",
    signedIn((c, user) => goalsPage(c, user.id)),
  );
  pages.post(
    "/account/goals",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      const typed: Typed = {
        skills: ([] as string[]).concat(values.skills ?? []),
        add: fieldText(values, "add"),
        pathwayId: fieldText(values, "pathwayId"),
      };
      try {
        await setLearnerGoals(deps, user.id, parseForm(goalsInput, values));
        return redirectWith(c, "/account/goals", "Your goals are saved.");
      } catch (error) {
        return formFailure(c, error, (errors, message) => goalsPage(c, user.id, typed, errors, message));
      }
    }),
  );

  pages.get(
    "/account/saved",
    signedIn(async (c, user) => {
      const saved = await savedList(deps, user.id);
      const offered = saved.flatMap((s) => (s.entry ? [s.entry] : []));
      return render(
        c,
        "Saved micro-credentials",
        <section>
          <p>
            <a href="/account">Your account</a> · <a href="/catalog">Catalog</a> ·{" "}
            <a href="/account/goals">Your learning goals</a>
          </p>
          <h1>Saved micro-credentials</h1>
          {saved.length === 0 ? (
            <p>
              Nothing saved yet. In the <a href="/catalog">catalog</a>, Save what you want to come back to or
              compare.
            </p>
          ) : (
            <>
              <section class="table-wrap" aria-label="Your saved micro-credentials" tabindex={0}>
                <table>
                  <caption class="visually-hidden">Your saved micro-credentials</caption>
                  <thead>
                    <tr>
                      <th scope="col">Compare</th>
                      <th scope="col">Micro-credential</th>
                      <th scope="col">Provider</th>
                      <th scope="col">Saved</th>
                      <th scope="col">Action</th>
                    </tr>
                  </thead>
                  <tbody>
                    {saved.map((s) => (
                      <tr>
                        <td>
                          {s.entry ? (
                            <label class="checkbox">
                              <input
                                type="checkbox"
                                form="compare-saved"
                                name="ids"
                                value={s.achievementId}
                              />
                              <span class="visually-hidden">Compare {s.entry.name}</span>
                            </label>
                          ) : null}
                        </td>
                        <td>
                          {s.entry ? (
                            <a href={`/achievements/${s.achievementId}`}>{s.entry.name}</a>
                          ) : (
                            <>
                              <a href={`/achievements/${s.achievementId}`}>A micro-credential</a> no longer in
                              the catalog
                            </>
                          )}
                        </td>
                        <td>
                          {s.entry ? (
                            <a href={`/catalog/providers/${s.entry.organizationSlug}`}>
                              {s.entry.organizationName}
                            </a>
                          ) : null}
                        </td>
                        <td>{longDate(s.savedAt.toISOString())}</td>
                        <td>
                          <Form action="/account/saved/remove" csrf={c.get("csrfToken")} class="inline">
                            <input type="hidden" name="achievementId" value={s.achievementId} />
                            <input type="hidden" name="next" value="/account/saved" />
                            <button type="submit" class="secondary small">
                              Remove <span class="visually-hidden">{s.entry?.name ?? "it"}</span>
                            </button>
                          </Form>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
              <form id="compare-saved" method="get" action="/catalog/compare">
                <button type="submit">Compare selected</button>{" "}
                <span class="hint">Tick two to four to see them side by side.</span>
              </form>
              {offered.length >= 2 && offered.length <= 4 ? (
                <p>
                  <a href={`/catalog/compare?ids=${offered.map((e) => e.achievementId).join(",")}`}>
                    Compare all {offered.length} side by side
                  </a>
                </p>
              ) : null}
            </>
          )}
        </section>,
      );
    }),
  );

  pages.post(
    "/account/saved",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      const { name, added } = await saveToList(deps, user.id, fieldText(values, "achievementId"));
      const next = safeNext(fieldText(values, "next") || "/account/saved");
      return redirectWith(
        c,
        next,
        added ? `Saved “${name}” to your list.` : `“${name}” is already on your list.`,
      );
    }),
  );
  pages.post(
    "/account/saved/remove",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      const removed = await removeFromList(deps, user.id, fieldText(values, "achievementId"));
      const next = safeNext(fieldText(values, "next") || "/account/saved");
      return redirectWith(
        c,
        next,
        removed ? "Removed from your saved list." : "That was not on your saved list.",
      );
    }),
  );

  return pages;
}
