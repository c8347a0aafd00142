import { Hono } from "hono";
import { getPublicAchievement } from "../../app/achievements/public-achievement.ts";
import { courseOffer } from "../../app/earning/course-offer.ts";
import { listState } from "../../app/goals/list-state.ts";
import type { AppDeps } from "../../app/ports.ts";
import { CAIRN_CONTEXT_URL } from "../../domain/achievements/achievement-json.ts";
import { offerFacts, wordFor } from "../../domain/catalog/offer-text.ts";
import type { AppEnv } from "../env.ts";
import { SaveToggle } from "./catalog-goal-parts.tsx";
import { CourseOfferBox } from "./course-offer.tsx";
import { pathParam, render } from "./kit.tsx";

const OB_CONTEXT = [
  "https://www.w3.org/ns/credentials/v2",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
  CAIRN_CONTEXT_URL,
];
const wantsJsonLd = (accept: string | undefined) =>
  /application\/(ld\+)?json/.test(accept ?? "") && !/text\/html/.test(accept ?? "");

/** `/achievements/:id`: a person gets the page, a machine asking for JSON-LD gets the OB 3.0 Achievement. */
export function publicAchievementPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();
  pages.get("/achievements/:id", async (c) => {
    const versionParam = Number.parseInt(c.req.query("version") ?? "", 10);
    const { organization, version, json } = await getPublicAchievement(
      deps,
      pathParam(c, "id"),
      Number.isFinite(versionParam) ? versionParam : undefined,
    );
    c.header("Vary", "Accept");
    if (wantsJsonLd(c.req.header("accept"))) {
      return c.body(JSON.stringify({ "@context": OB_CONTEXT, ...json }), 200, {
        "content-type": "application/ld+json",
      });
    }
    const d = version.definition;
    const offer = await courseOffer(deps, pathParam(c, "id"), c.get("user")?.id);
    const components = (Array.isArray(json.alignment) ? json.alignment : []).flatMap((a) =>
      a?.targetType === "ceterms:Credential" && typeof a.targetUrl === "string"
        ? [{ url: String(a.targetUrl), name: String(a.targetName ?? a.targetUrl) }]
        : [],
    );
    const user = c.get("user");
    const list = user ? await listState(deps, user.id, version.achievementId) : undefined;
    return render(
      c,
      d.name,
      <article class="narrow">
        <p class="hint">
          A micro-credential by <strong>{organization.name}</strong>
          {organization.country ? ` (${organization.country})` : ""} · version {version.version}
        </p>
        <h1>{d.name}</h1>
        <p class="lead">{d.description}</p>
        <h2>The offer</h2>
        <dl class="facts">
          {offerFacts(d).map(([term, value]) => (
            <>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </>
          ))}
        </dl>
        <p>
          <a href="/catalog">Browse the catalog</a> ·{" "}
          <a href={`/catalog/providers/${organization.slug}`}>More from {organization.name}</a>
        </p>
        {list?.inCatalog ? (
          <div class="catalog-save">
            <SaveToggle
              saved={list.saved}
              achievementId={version.achievementId}
              name={d.name}
              csrf={c.get("csrfToken")}
              back={`/achievements/${version.achievementId}`}
            />
          </div>
        ) : null}
        <h2>Learning outcomes</h2>
        <ul>
          {d.learningOutcomes.map((outcome) => (
            <li>{outcome}</li>
          ))}
        </ul>
        <h2>How it is earned</h2>
        <p>{d.criteria}</p>
        {offer ? (
          <CourseOfferBox
            offer={offer}
            achievementId={pathParam(c, "id")}
            csrf={c.get("csrfToken")}
            signedIn={!!c.get("user")}
          />
        ) : null}
        {components.length ? (
          <>
            <h2>Stacks from</h2>
            <ul>
              {components.map((c) => (
                <li>
                  <a href={c.url}>{c.name}</a>
                </li>
              ))}
            </ul>
            <p>
              <a href={`/pathways/${pathParam(c, "id")}`}>See the pathway and your progress</a>
            </p>
          </>
        ) : null}
        <dl class="facts">
          <dt>Type</dt>
          <dd>{d.achievementType}</dd>
          <dt>Workload</dt>
          <dd>
            {[
              d.workloadHours !== undefined ? `${d.workloadHours} hours` : "",
              d.ects !== undefined ? `${d.ects} ECTS` : "",
            ]
              .filter(Boolean)
              .join(" · ") || "Not stated"}
          </dd>
          <dt>EQF level</dt>
          <dd>{d.eqfLevel ?? "Not applicable"}</dd>
          <dt>Assessment</dt>
          <dd>{wordFor(d.assessmentType)}</dd>
          <dt>Participation</dt>
          <dd>{wordFor(d.participationForm)}</dd>
          <dt>Quality assurance</dt>
          <dd>{d.qualityAssurance ?? "Not stated"}</dd>
          <dt>Prerequisites</dt>
          <dd>{d.prerequisites ?? "None stated"}</dd>
          <dt>Supervision / identity check</dt>
          <dd>
            {wordFor(d.supervision)} / {wordFor(d.identityVerification)}
          </dd>
          <dt>Stackability</dt>
          <dd>{d.stackability ?? "Not stated"}</dd>
          {d.humanCode ? (
            <>
              <dt>Code</dt>
              <dd>{d.humanCode}</dd>
            </>
          ) : null}
        </dl>
        {d.alignments.length ? (
          <>
            <h2>Skills</h2>
            <ul>
              {d.alignments.map((a) => (
                <li>
                  <a href={a.targetUrl}>{a.targetName}</a>
                  {a.targetFramework
                    ? ` (${a.targetFramework}${a.targetCode ? ` ${a.targetCode}` : ""})`
                    : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p class="hint">
          Machine-readable: request this address with <code>Accept: application/ld+json</code> for the Open
          Badges 3.0 Achievement.
        </p>
      </article>,
      undefined,
      d.description,
    );
  });
  return pages;
}
