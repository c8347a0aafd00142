import { Hono } from "hono";
import {
  type Submission,
  type VerifiedSubmission,
  verifySubmission,
} from "../../app/verify/verify-submission.ts";
import { DomainError } from "../../domain/errors.ts";
import { achievementLists, record, subjectOf } from "../../domain/wallet/credential-display.ts";
import type { AppEnv, HttpDeps } from "../env.ts";
import { ErrorSummary, Form, fieldText } from "./forms.tsx";
import { formFailure, type PageContext, readForm, render } from "./kit.tsx";
import { TrustBanner } from "./trust-parts.tsx";
import { checkName, longDate } from "./wallet-parts.tsx";

const MAX_BYTES = 1024 * 1024;
/** What a failed check means for someone deciding whether to trust the credential. */
const MEANING: Record<string, string> = {
  format: "The data is not a well-formed credential: it may be damaged, or not a credential at all.",
  proof:
    "The signature does not match: it was changed after it was issued, or signed by another key. Do not trust it.",
  issuer: "Nothing shows that the named issuer controls the signing key: it may come from an impostor.",
  validity: "It is not valid today: it has expired, or is not valid yet.",
  status: "The issuer has revoked or suspended it.",
  nested: "At least one credential inside it does not verify.",
  trust:
    "The issuer uses the name of an issuer registered on this Cairn, but it is not them: do not trust this credential.",
};
const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const texts = (values: unknown[], keys: string[]) =>
  values.flatMap((v) => {
    const item = record(v);
    if (!item) return [];
    const found = keys.map((k) => item[k]).find((x) => typeof x === "string" && x.trim());
    return typeof found === "string" ? [found] : [];
  });

function Result({ result }: { result: VerifiedSubmission }) {
  const d = result.display;
  const subject = result.credential ? subjectOf(result.credential) : undefined;
  const lists = achievementLists(subject?.achievement);
  const results = texts(list(subject?.result), ["value", "achievedLevel", "status"]);
  const evidence = texts(
    [...list(subject?.evidence), ...list(result.credential?.evidence)],
    ["name", "narrative", "id"],
  );
  return (
    <section
      aria-labelledby="result-title"
      class={`verification ${result.verified ? "verified" : "not-verified"}`}
    >
      <h2 id="result-title">{result.verified ? "Verified: every check passed" : "Not verified"}</h2>
      <p class="hint">
        Checked {result.checkedAt.toISOString().replace("T", " ").slice(0, 16)} UTC, from {result.source}.
      </p>
      <TrustBanner trust={result.trust} />
      <h3>{d.name}</h3>
      {d.description ? <p>{d.description}</p> : null}
      <dl class="facts">
        <dt>Issuer</dt>
        <dd>
          {d.issuerName ?? "Not named"}
          {d.issuerId ? <span class="mono wrap"> ({d.issuerId})</span> : null}
        </dd>
        {typeof subject?.name === "string" ? (
          <>
            <dt>Awarded to</dt>
            <dd>{subject.name}</dd>
          </>
        ) : null}
        <dt>Issued</dt>
        <dd>{longDate(d.issuedOn) ?? "Not stated"}</dd>
        <dt>Valid until</dt>
        <dd>{longDate(d.expiresOn) ?? "No expiry"}</dd>
        {lists.skills.length ? (
          <>
            <dt>Skills</dt>
            <dd>{lists.skills.map((s) => s.name).join(", ")}</dd>
          </>
        ) : null}
        {results.length ? (
          <>
            <dt>Results</dt>
            <dd>{results.join(", ")}</dd>
          </>
        ) : null}
        {evidence.length ? (
          <>
            <dt>Evidence</dt>
            <dd>{evidence.join("; ")}</dd>
          </>
        ) : null}
      </dl>
      <section class="table-wrap" aria-label="Checks" tabindex={0}>
        <table>
          <caption>Every check, in order</caption>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Result</th>
              <th scope="col">What it found</th>
            </tr>
          </thead>
          <tbody>
            {result.checks.map((check) => (
              <tr>
                <th scope="row">{checkName(check.id)}</th>
                <td class={`check-${check.status}`}>
                  {check.status === "passed"
                    ? "✓ Passed"
                    : check.status === "failed"
                      ? "✗ Failed"
                      : "– Skipped"}
                </td>
                <td>
                  {check.message}
                  {check.status === "failed" ? (
                    <p class="hint">{MEANING[check.id] ?? "This check failed: see the detail above."}</p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

/** `/verify`: anyone checks a credential, without signing in. */
export function verifyPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  const page = (
    c: PageContext,
    values: { text?: string; url?: string },
    result?: VerifiedSubmission,
    message?: string,
  ) =>
    render(
      c,
      "Verify a credential",
      <section class="narrow">
        <h1>Verify a credential</h1>
        <p>
          Check any Open Badge or learner record: who issued it, whether it was changed, whether it is still
          valid. Nothing you check here is kept.
        </p>
        <ErrorSummary errors={undefined} message={message} />
        {result ? <Result result={result} /> : null}
        <Form action="/verify" csrf={c.get("csrfToken")} enctype="multipart/form-data">
          <div class="field">
            <label for="field-text">Paste the credential (JSON or a JWT)</label>
            <textarea id="field-text" name="text" rows={6}>
              {values.text ?? ""}
            </textarea>
          </div>
          <div class="field">
            <label for="field-file">
              Or choose a file: JSON, a badge image (PNG or SVG), or a Cairn PDF certificate
            </label>
            <input id="field-file" name="file" type="file" accept=".json,.jwt,.png,.svg,.pdf" />
          </div>
          <div class="field">
            <label for="field-url">
              Or enter its address (a Cairn share link, or a hosted Open Badges 2.0 badge)
            </label>
            <input id="field-url" name="url" type="url" value={values.url ?? ""} />
          </div>
          <button type="submit">Verify</button>
        </Form>
      </section>,
    );

  pages.get("/verify", async (c) => {
    const url =
      c.req.query("url") ?? (c.req.query("c") ? `${deps.publicUrl}/c/${c.req.query("c")}` : undefined);
    if (!url) return page(c, {});
    try {
      return page(c, { url }, await verifySubmission(deps, { url }));
    } catch (error) {
      return formFailure(c, error, (_errors, message) => page(c, { url }, undefined, message));
    }
  });
  pages.post("/verify", async (c) => {
    const values = await readForm(c);
    const text = fieldText(values, "text");
    const url = fieldText(values, "url");
    try {
      const body = await c.req.parseBody();
      const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
      if (file && file.size > MAX_BYTES)
        throw new DomainError("payload_too_large", "The file is larger than 1 MiB.");
      const submission: Submission = {
        text,
        url,
        bytes: file ? new Uint8Array(await file.arrayBuffer()) : undefined,
      };
      return page(c, { text, url }, await verifySubmission(deps, submission));
    } catch (error) {
      return formFailure(c, error, (_errors, message) => page(c, { text, url }, undefined, message));
    }
  });
  return pages;
}
