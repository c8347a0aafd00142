import type { GoalGaps } from "../../app/goals/goal-gaps.ts";
import { coveredBy } from "../../domain/catalog/goals.ts";
import { CsrfField } from "./forms.tsx";

/** What a signed-in learner's cards need: their gaps, their saved list, a CSRF token and where to come back to. */
export type CardViewer = { gaps: GoalGaps | undefined; saved: string[]; csrf: string; back: string };

const list = (items: readonly string[]) => items.join(", ");

/** The top of the catalog for a signed-in learner: their goals, what they still miss, their saved list. */
export function GoalsPanel(props: { gaps: GoalGaps | undefined; savedCount: number; fitHref: string }) {
  const { gaps, savedCount } = props;
  return (
    <aside class="card goals-panel" aria-labelledby="goals-panel-heading">
      <h2 id="goals-panel-heading">Your goals</h2>
      {gaps ? (
        <>
          <ul class="plain">
            {gaps.goals.skills.length ? <li>Target skills: {list(gaps.goals.skills)}</li> : null}
            {gaps.pathway ? (
              <li>
                Target pathway: {gaps.pathway.name} (
                {gaps.pathway.components - gaps.pathway.missingComponents.length} of {gaps.pathway.components}{" "}
                components held)
              </li>
            ) : null}
            <li>
              {gaps.missing.length
                ? `Missing skills: ${list(gaps.missing)}`
                : "You hold every skill your goals name."}
            </li>
          </ul>
          <p>
            <a href={props.fitHref}>Show what fits my goals</a> · <a href="/account/goals">Edit your goals</a>{" "}
            · <a href="/account/saved">Saved ({savedCount})</a>
          </p>
        </>
      ) : (
        <p>
          <a href="/account/goals">Set learning goals</a> (skills or a pathway) and the catalog ranks what
          closes your gaps first. · <a href="/account/saved">Saved ({savedCount})</a>
        </p>
      )}
    </aside>
  );
}

/** On a card: which missing skills it covers, and whether it is a component of the target pathway still to earn. */
export function FitLine(props: { viewer: CardViewer; achievementId: string; skills: string[] }) {
  const gaps = props.viewer.gaps;
  if (!gaps) return null;
  const covered = coveredBy(props.skills, gaps.missing);
  const component = gaps.pathway?.missingComponents.includes(props.achievementId);
  if (!covered.length && !component) return null;
  return (
    <p class="catalog-fit">
      {covered.length ? (
        <span class="tag ok">
          Covers {covered.length} of your missing skills: {list(covered)}
        </span>
      ) : null}{" "}
      {component && gaps.pathway ? <span class="tag">Counts toward {gaps.pathway.name}</span> : null}
    </p>
  );
}

const formId = (action: "save" | "unsave", id: string) => `${action}-${id}`;

/** The Save (or Remove from saved) button of a card; it submits a form outside the card's comparison form. */
export function SaveButton(props: { viewer: CardViewer; achievementId: string; name: string }) {
  const { viewer, achievementId: id, name } = props;
  return viewer.saved.includes(id) ? (
    <p class="catalog-save">
      <span class="tag ok">Saved</span>{" "}
      <button type="submit" form={formId("unsave", id)} class="secondary small">
        Remove <span class="visually-hidden">{name}</span> from saved
      </button>
    </p>
  ) : (
    <p class="catalog-save">
      <button type="submit" form={formId("save", id)} class="secondary small">
        Save <span class="visually-hidden">{name}</span>
      </button>
    </p>
  );
}

/** The POST forms the cards' Save buttons submit (forms cannot nest inside the comparison form). */
export function SaveForms(props: { viewer: CardViewer; ids: string[] }) {
  const { viewer } = props;
  return (
    <>
      {props.ids.map((id) => {
        const saved = viewer.saved.includes(id);
        return (
          <form
            id={formId(saved ? "unsave" : "save", id)}
            method="post"
            action={saved ? "/account/saved/remove" : "/account/saved"}
            class="save-form"
          >
            <CsrfField token={viewer.csrf} />
            <input type="hidden" name="achievementId" value={id} />
            <input type="hidden" name="next" value={viewer.back} />
          </form>
        );
      })}
    </>
  );
}

/** A single Save / Remove form, for a page that has no surrounding form (the public achievement page). */
export function SaveToggle(props: {
  saved: boolean;
  achievementId: string;
  name: string;
  csrf: string;
  back: string;
}) {
  return (
    <form method="post" action={props.saved ? "/account/saved/remove" : "/account/saved"} class="inline">
      <CsrfField token={props.csrf} />
      <input type="hidden" name="achievementId" value={props.achievementId} />
      <input type="hidden" name="next" value={props.back} />
      {props.saved ? (
        <>
          <span class="tag ok">Saved</span>{" "}
          <button type="submit" class="secondary small">
            Remove from saved
          </button>
        </>
      ) : (
        <button type="submit" class="secondary">
          Save to my list
        </button>
      )}{" "}
      <a href="/account/saved">Your saved list</a>
    </form>
  );
}
