import { Readable } from "node:stream";
import { Hono } from "hono";
import type { AppDeps } from "../../app/ports.ts";
import { importSkillFramework } from "../../app/skills/import-skill-framework.ts";
import { findStarterSkill, listSkillFrameworks, searchSkills } from "../../app/skills/search-skills.ts";
import { DomainError } from "../../domain/errors.ts";
import { roleAllows } from "../../domain/roles.ts";
import { skillJson } from "../api/skill-api.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { Field, Form, type FormErrors } from "./forms.tsx";
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
import { SkillImportErrors, SkillSearch } from "./skill-parts.tsx";

const SOURCE_LABELS = { cairn: "Cairn", esco: "ESCO", onet: "O*NET" } as const;

export function skillPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  const skillsPage = async (c: PageContext, slug: string, errors?: FormErrors, message?: string) => {
    const user = c.get("user");
    if (!user) throw new DomainError("unauthenticated", "Sign in first.");
    const actor = actorOf(user);
    const { organization, membership, frameworks } = await listSkillFrameworks(deps, actor, slug);
    const q = (c.req.query("q") ?? "").slice(0, 100);
    const hits = q ? await searchSkills(deps, actor, slug, q, 25) : [];
    const canImport = membership ? roleAllows(membership.role, "credentials:issue") : false;
    return render(
      c,
      `Skills · ${organization.name}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="skills" />
        <h2>Find a skill</h2>
        <SkillSearch slug={slug} q={q} hits={q ? hits : undefined} />
        <h2>Frameworks</h2>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Skill frameworks available to {organization.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Source</th>
                <th scope="col">Skills</th>
              </tr>
            </thead>
            <tbody>
              {frameworks.map((f) => (
                <tr>
                  <td>{f.name}</td>
                  <td>{f.organizationId ? `${SOURCE_LABELS[f.source]} (imported)` : "Built in"}</td>
                  <td>{f.skillCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canImport ? (
          <div class="narrow">
            <h2>Import a framework</h2>
            <p>
              Upload ESCO's skills CSV or an O*NET content-model file (comma- or tab-separated), at most 8
              MiB. Every row is checked first: if any row has a problem, nothing is imported. Importing again
              under the same name updates the framework.
            </p>
            <SkillImportErrors errors={errors} message={message} />
            <Form
              action={`/orgs/${slug}/skills/import`}
              csrf={c.get("csrfToken")}
              enctype="multipart/form-data"
            >
              <Field
                name="name"
                label="Framework name"
                hint="For example ESCO skills v1.2. Leave empty for ESCO skills or O*NET."
                errors={errors}
                maxlength={120}
              />
              <div class={errors?.file ? "field has-error" : "field"}>
                <label for="field-file">CSV or TSV file</label>
                <input id="field-file" name="file" type="file" accept=".csv,.tsv,.txt,text/csv" />
              </div>
              <button type="submit">Import framework</button>
            </Form>
          </div>
        ) : null}
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/skills",
    signedIn((c) => skillsPage(c, pathParam(c, "slug"))),
  );

  /** What the search box's autocomplete asks (session cookie; same answers as GET /api/v1/skills). */
  pages.get(
    "/orgs/:slug/skills/search",
    signedIn(async (c, user) => {
      const hits = await searchSkills(deps, actorOf(user), pathParam(c, "slug"), c.req.query("q") ?? "", 10);
      return c.json({ skills: hits.map(skillJson) });
    }),
  );

  pages.post(
    "/orgs/:slug/skills/import",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const values = await readForm(c);
      const file = (await c.req.parseBody()).file;
      try {
        if (!(file instanceof File) || file.size === 0) {
          throw new DomainError("validation_failed", "Choose a CSV file to import.", {
            file: "Choose a CSV file to import.",
          });
        }
        const name = typeof values.name === "string" ? values.name : undefined;
        const result = await importSkillFramework(deps, actorOf(user), slug, {
          name,
          file: Readable.fromWeb(file.stream()),
        });
        return redirectWith(
          c,
          `/orgs/${slug}/skills`,
          `Imported ${result.imported} skills into ${result.framework.name}.`,
        );
      } catch (error) {
        return formFailure(c, error, (errors, message) => skillsPage(c, slug, errors, message));
      }
    }),
  );

  pages.get("/skills/:code", async (c) => {
    const skill = await findStarterSkill(deps, pathParam(c, "code"));
    if (!skill) throw new DomainError("skill_not_found", "No such skill in Cairn's starter catalog.");
    if (c.req.header("accept")?.includes("application/json")) return c.json(skillJson(skill));
    return render(
      c,
      skill.name,
      <section class="narrow">
        <h1>{skill.name}</h1>
        <p>{skill.description}</p>
        <dl class="facts">
          <dt>Code</dt>
          <dd class="mono">{skill.code}</dd>
          <dt>Framework</dt>
          <dd>{skill.frameworkName}</dd>
        </dl>
      </section>,
      200,
      skill.description ?? undefined,
    );
  });

  return pages;
}
