import { Hono } from "hono";
import { followPathway } from "../../app/pathways/award-pathways.ts";
import { pathwayClr } from "../../app/pathways/pathway-clr.ts";
import { pathwayProgress } from "../../app/pathways/pathway-progress.ts";
import { componentsOf } from "../../domain/pathways/tree.ts";
import type { AppEnv, HttpDeps } from "../env.ts";
import { Form } from "./forms.tsx";
import { attachmentHeaders, pathParam, readForm, redirectWith, render, signedIn } from "./kit.tsx";
import { PathwayMap } from "./pathway-map.tsx";

/** `/pathways/:id`: a stacked achievement's requirements for anyone, and a signed-in learner's progress on it. */
export function pathwayPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  pages.get("/pathways/:id", async (c) => {
    const id = pathParam(c, "id");
    const user = c.get("user");
    const { name, description, organization, stored, evaluation, next, stacked, consent, following } =
      await pathwayProgress(deps, id, user?.id);
    const { done, needed } = evaluation.progress;
    const components = componentsOf(stored.pathway.requirements).map((v) => v.node);
    const held = new Set(evaluation.componentsHeld);
    const summary = evaluation.complete
      ? "Complete: you hold everything this pathway asks for."
      : `${done} held, ${needed} to go.`;
    return render(
      c,
      `Pathway: ${name}`,
      <article>
        <p class="hint">A pathway by {organization.name}</p>
        <h1>{name}</h1>
        <p class="lead">{description}</p>
        {user ? (
          <section aria-labelledby="progress-title" class="verification">
            <h2 id="progress-title">Your progress</h2>
            <p role="status">
              <strong>{summary}</strong>
              {evaluation.creditsEarned ? ` ${evaluation.creditsEarned} credits so far.` : ""}
            </p>
            {stacked ? (
              <p>
                {name} was awarded to you: it is in your <a href="/wallet">wallet</a>.{" "}
                <a href={`/pathways/${id}/clr.json`}>Download your learner record (CLR 2.0)</a>
              </p>
            ) : evaluation.complete && (!consent || following) ? (
              <p>Your {name} credential is being issued; it will be in your wallet in a moment.</p>
            ) : null}
            {consent && !following && !stacked ? (
              <Form action={`/pathways/${id}/follow`} csrf={c.get("csrfToken")}>
                <p>
                  This pathway counts credentials from other issuers. Follow it to have {organization.name}{" "}
                  award you {name} when you complete it: they will see the credentials it rests on.
                </p>
                <button type="submit">Follow this pathway</button>
              </Form>
            ) : null}
            {consent && following && !stacked ? <p>You follow this pathway.</p> : null}
            <progress max={done + needed} value={done} aria-label="Pathway progress">
              {done} of {done + needed}
            </progress>
            {next.length ? (
              <>
                <h3>Recommended next</h3>
                <ol>
                  {next.slice(0, 5).map((step) => (
                    <li>
                      {step.achievementId.startsWith(`${deps.publicUrl}/achievements/`) ? (
                        <a href={step.achievementId}>{step.label}</a>
                      ) : (
                        step.label
                      )}
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            {evaluation.violations.length ? (
              <ul>
                {evaluation.violations.map((v) => (
                  <li>{v.message}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : (
          <p>
            <a href={`/signin?next=${encodeURIComponent(c.req.path)}`}>Sign in</a> to see your progress from
            the credentials in your wallet.
          </p>
        )}
        <h2>Map</h2>
        <section class="table-wrap" aria-label="Pathway map" tabindex={0}>
          <PathwayMap
            requirements={stored.pathway.requirements}
            evaluation={evaluation}
            title={`Requirements of ${name}${user ? `: ${summary}` : ""}`}
          />
        </section>
        <h2>Components</h2>
        <ul>
          {components.map((component) => (
            <li>
              {held.has(component.componentId) ? "✓ " : ""}
              {component.achievementId.startsWith(`${deps.publicUrl}/achievements/`) ? (
                <a href={component.achievementId}>{component.label}</a>
              ) : (
                component.label
              )}
              {component.credits !== undefined ? ` (${component.credits} credits)` : ""}
              {component.issuer ? ` — issued by ${component.issuer}` : ""}
              {held.has(component.componentId) ? <span class="visually-hidden"> (held)</span> : null}
            </li>
          ))}
        </ul>
        {stored.pathway.maxAgeMonths ? (
          <p>A component counts when it was earned within the last {stored.pathway.maxAgeMonths} months.</p>
        ) : null}
      </article>,
    );
  });
  pages.post(
    "/pathways/:id/follow",
    signedIn(async (c, user) => {
      await readForm(c);
      const id = pathParam(c, "id");
      await followPathway(deps, user.id, id);
      return redirectWith(c, `/pathways/${id}`, "You follow this pathway.");
    }),
  );
  pages.get(
    "/pathways/:id/clr.json",
    signedIn(async (c, user) => {
      const clr = await pathwayClr(deps, pathParam(c, "id"), user.id);
      return c.body(
        JSON.stringify(clr, null, 2),
        200,
        attachmentHeaders("learner-record-clr.json", "application/vc+ld+json"),
      );
    }),
  );
  return pages;
}
