import { Hono } from "hono";
import { stream } from "hono/streaming";
import { getDefinition } from "../../app/achievements/manage-definitions.ts";
import { batchProgress, batchReport, getAwardBatch } from "../../app/awards/batches/batch-status.ts";
import type { AwardBatchReportRow } from "../../app/awards/batches/batch-types.ts";
import { createAwardBatch } from "../../app/awards/batches/create-batch.ts";
import { checkedCsvRows } from "../../app/awards/batches/read-csv.ts";
import type { AppDeps } from "../../app/ports.ts";
import { NoAwardableRows, type RowError, templateCsv } from "../../domain/awards/csv-awards.ts";
import { DomainError } from "../../domain/errors.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { CSRF_FIELD } from "../middleware/session.ts";
import { ErrorSummary, Form } from "./forms.tsx";
import { formFailure, type PageContext, pathParam, redirectWith, render, signedIn } from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";

const recipientOf = (data: Record<string, unknown>) =>
  typeof data.recipient === "string" ? data.recipient : "";

function RowErrors({ errors, total }: { errors: readonly RowError[]; total: number }) {
  if (errors.length === 0) return null;
  return (
    <table class="row-errors">
      <caption>
        {total} {total === 1 ? "row" : "rows"} with errors
        {total > errors.length ? ` (first ${errors.length} shown)` : ""}
      </caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Recipient</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e) => (
          <tr>
            <td>{e.row}</td>
            <td>{e.recipient}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function awardBatchPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();
  const base = "/orgs/:slug/achievements/:id/awards";

  pages.get(
    `${base}/template.csv`,
    signedIn(async (c, user) => {
      await getDefinition(deps, actorOf(user), pathParam(c, "slug"), pathParam(c, "id"));
      return c.body(templateCsv(), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="awards-template.csv"',
      });
    }),
  );

  const bulkPage = async (
    c: PageContext,
    slug: string,
    id: string,
    outcome?: { invalid?: RowError[]; queued?: number; message?: string; batchId?: string },
  ) => {
    const user = c.get("user");
    if (!user) return c.redirect("/signin", 303);
    const { organization, membership, latest } = await getDefinition(deps, actorOf(user), slug, id);
    const invalid = outcome?.invalid ?? [];
    const queued = outcome?.queued ?? 0;
    return render(
      c,
      `Award in bulk · ${latest.definition.name}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="achievements" />
        <h2>Award “{latest.definition.name}” in bulk</h2>
        <ErrorSummary errors={undefined} message={outcome?.message} />
        {outcome?.batchId ? (
          <div class="notice" role="status">
            <p>
              <strong>
                {queued} queued, {invalid.length} {invalid.length === 1 ? "row" : "rows"} with errors.
              </strong>{" "}
              The rows with errors were not awarded; correct them and upload just those rows again.
            </p>
            <p>
              <a href={`/orgs/${slug}/award-batches/${outcome.batchId}`}>Follow the progress</a>
            </p>
          </div>
        ) : invalid.length > 0 ? (
          <div class="error-summary" role="alert">
            <h2>There is a problem</h2>
            <p>No row of this file can be awarded. Nothing was issued.</p>
          </div>
        ) : null}
        <RowErrors errors={invalid.slice(0, 1000)} total={invalid.length} />
        <p>
          Upload a CSV file with a header row and one recipient per row (up to 100,000 rows, 20 MiB). Every
          row is checked before anything is issued; rows with errors are listed and skipped.{" "}
          <a href={`/orgs/${slug}/achievements/${id}/awards/template.csv`} download>
            Download the template
          </a>
          .
        </p>
        <Form
          action={`/orgs/${slug}/achievements/${id}/awards/bulk`}
          csrf={c.get("csrfToken")}
          enctype="multipart/form-data"
          class="narrow"
        >
          <div class="field">
            <label for="field-file">CSV file</label>
            <p class="hint" id="field-file-hint">
              Columns: recipient (email or DID), recipientName, evidenceUrl, narrative, result, issuedOn,
              validUntil (dates as YYYY-MM-DD).
            </p>
            <input
              id="field-file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              required
              aria-describedby="field-file-hint"
            />
          </div>
          <div class="field checkbox">
            <input id="field-notify" name="notify" type="checkbox" value="on" checked />
            <label for="field-notify">Send award emails with a claim link</label>
          </div>
          <button type="submit">Check and award</button>
        </Form>
      </section>,
      outcome?.message || (invalid.length > 0 && !outcome?.batchId) ? 422 : 200,
    );
  };

  pages.get(
    `${base}/bulk`,
    signedIn((c) => bulkPage(c, pathParam(c, "slug"), pathParam(c, "id"))),
  );
  pages.post(
    `${base}/bulk`,
    signedIn(async (c, user) => {
      const [slug, id] = [pathParam(c, "slug"), pathParam(c, "id")];
      const body = await c.req.parseBody();
      if (body[CSRF_FIELD] !== c.get("csrfToken")) {
        throw new DomainError("csrf_failed", "This form expired. Reload the page and try again.");
      }
      try {
        const file = body.file;
        if (!(file instanceof File) || file.size === 0)
          throw new DomainError("invalid_csv", "Choose a CSV file to upload.");
        const { batch, invalid } = await createAwardBatch(deps, actorOf(user), slug, {
          achievementId: id,
          notify: body.notify === "on",
          rows: checkedCsvRows(file.stream(), { size: file.size }),
        });
        const queued = batch.total - invalid.length;
        if (invalid.length > 0) return bulkPage(c, slug, id, { invalid, queued, batchId: batch.id });
        return redirectWith(c, `/orgs/${slug}/award-batches/${batch.id}`, `${queued} awards are queued.`);
      } catch (error) {
        if (error instanceof NoAwardableRows) return bulkPage(c, slug, id, { invalid: error.rows });
        return formFailure(c, error, (_errors, message) =>
          bulkPage(c, slug, id, { message: message ?? "Check the file." }),
        );
      }
    }),
  );

  pages.get(
    "/orgs/:slug/award-batches/:file",
    signedIn(async (c, user) => {
      const [slug, file] = [pathParam(c, "slug"), pathParam(c, "file")];
      const json = file.endsWith(".json");
      const view = await getAwardBatch(deps, actorOf(user), slug, json ? file.slice(0, -5) : file);
      const progress = batchProgress(view.batch);
      if (json) return c.json(progress);
      return batchPage(c, view, progress);
    }),
  );
  pages.get(
    "/orgs/:slug/award-batches/:id/report.csv",
    signedIn(async (c, user) => {
      const [slug, id] = [pathParam(c, "slug"), pathParam(c, "id")];
      const lines = batchReport(deps, actorOf(user), slug, id);
      const first = await lines.next();
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="award-batch-${id}.csv"`);
      return stream(c, async (out) => {
        if (!first.done) await out.write(first.value);
        for await (const line of lines) await out.write(line);
      });
    }),
  );
  return pages;
}

function batchPage(
  c: PageContext,
  view: Awaited<ReturnType<typeof getAwardBatch>>,
  progress: ReturnType<typeof batchProgress>,
) {
  const { organization, membership, batch } = view;
  const running = batch.status !== "done";
  const base = `/orgs/${organization.slug}/award-batches/${batch.id}`;
  return render(
    c,
    `Bulk award · ${organization.name}`,
    <section>
      {running ? (
        <noscript>
          <meta http-equiv="refresh" content="2" />
        </noscript>
      ) : null}
      <OrganizationTabs organization={organization} memberRole={membership?.role} current="achievements" />
      <h2>Bulk award</h2>
      <div id="batch-progress" data-status-url={`${base}.json`} data-status={batch.status}>
        <label for="batch-bar">{running ? "Issuing…" : "Finished"}</label>
        <progress id="batch-bar" max={progress.total} value={progress.issued + progress.failed}>
          {progress.issued + progress.failed} of {progress.total}
        </progress>
        <p role="status" aria-live="polite">
          <span data-count="issued">{progress.issued}</span> issued,{" "}
          <span data-count="failed">{progress.failed}</span> with errors,{" "}
          <span data-count="pending">{progress.pending}</span> to go, of {progress.total} rows.
        </p>
      </div>
      <p>
        <a href={`${base}/report.csv`} download>
          Download the result report (CSV)
        </a>{" "}
        ·{" "}
        <a href={`/orgs/${organization.slug}/achievements/${batch.achievementId}`}>
          Back to the micro-credential
        </a>
      </p>
      <RowErrors
        errors={view.errors.map((row: AwardBatchReportRow) => ({
          row: row.row,
          recipient: recipientOf(row.data),
          message: row.error ?? "",
        }))}
        total={view.errorCount}
      />
      <script src="/assets/batch-progress.js" defer />
    </section>,
  );
}
