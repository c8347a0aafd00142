import { Hono } from "hono";
import { importCredential } from "../../app/wallet/import-credential.ts";
import { listWallet, organizeWalletItem, removeWalletItem } from "../../app/wallet/wallet.ts";
import { DomainError } from "../../domain/errors.ts";
import type { WalletFilter, WalletSort } from "../../domain/wallet/wallet-view.ts";
import type { AppEnv, HttpDeps } from "../env.ts";
import { ErrorSummary, Form, fieldText } from "./forms.tsx";
import {
  formFailure,
  type PageContext,
  pathParam,
  readForm,
  redirectWith,
  render,
  signedIn,
} from "./kit.tsx";
import { longDate, StatusTag } from "./wallet-parts.tsx";

const SORTS: [WalletSort, string][] = [
  ["newest", "Newest first"],
  ["oldest", "Oldest first"],
  ["name", "Name"],
  ["issuer", "Issuer"],
];
const MAX_IMPORT_BYTES = 1024 * 1024;

function Choice(props: {
  name: string;
  label: string;
  options: string[];
  value: string | undefined;
  all: string;
}) {
  return (
    <div class="field">
      <label for={`filter-${props.name}`}>{props.label}</label>
      <select id={`filter-${props.name}`} name={props.name}>
        <option value="">{props.all}</option>
        {props.options.map((option) => (
          <option value={option} selected={option === props.value}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The learner's wallet: every credential they hold, filtering, and importing credentials from elsewhere. */
export function walletPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();

  pages.get(
    "/wallet",
    signedIn(async (c, user) => {
      const sort = SORTS.find(([value]) => value === c.req.query("sort"))?.[0];
      const filter: WalletFilter = {
        issuer: c.req.query("issuer") || undefined,
        skill: c.req.query("skill") || undefined,
        collection: c.req.query("collection") || undefined,
        sort,
        showHidden: c.req.query("hidden") === "show",
      };
      const view = await listWallet(deps, user.id, filter);
      return render(
        c,
        "Your wallet",
        <section>
          <h1>Your wallet</h1>
          <p class="actions">
            <a class="button" href="/wallet/import">
              Import a credential
            </a>
            <a class="button secondary" href="/account/did/presentation.json">
              Download a signed presentation
            </a>
            <a class="button secondary" href="/account/profile">
              Public profile
            </a>
          </p>
          {view.total === 0 ? (
            <p>
              No credentials yet. Credentials awarded to your verified addresses appear here when you claim
              one; you can also import credentials from elsewhere.
            </p>
          ) : (
            <>
              <form method="get" action="/wallet" class="filters" aria-label="Filter credentials">
                <Choice
                  name="issuer"
                  label="Issuer"
                  options={view.issuers}
                  value={filter.issuer}
                  all="All issuers"
                />
                <Choice
                  name="skill"
                  label="Skill"
                  options={view.skills}
                  value={filter.skill}
                  all="All skills"
                />
                <Choice
                  name="collection"
                  label="Collection"
                  options={view.collections}
                  value={filter.collection}
                  all="All collections"
                />
                <div class="field">
                  <label for="filter-sort">Sort</label>
                  <select id="filter-sort" name="sort">
                    {SORTS.map(([value, label]) => (
                      <option value={value} selected={value === (filter.sort ?? "newest")}>
                        {label}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field checkbox">
                  <input
                    id="filter-hidden"
                    type="checkbox"
                    name="hidden"
                    value="show"
                    checked={filter.showHidden}
                  />
                  <label for="filter-hidden">Show hidden ({view.hidden})</label>
                </div>
                <button type="submit" class="secondary">
                  Apply
                </button>
              </form>
              <p role="status">
                Showing {view.entries.length} of {view.total} credentials.
              </p>
              <ul class="cards wallet-cards">
                {view.entries.map((entry) => (
                  <li class="card">
                    <img
                      src={`/wallet/${entry.id}/badge.png`}
                      alt={entry.display.name}
                      width="96"
                      height="96"
                    />
                    <h2>
                      <a href={`/wallet/${entry.id}`}>{entry.display.name}</a>
                    </h2>
                    <p>
                      {entry.display.issuerName ?? "Unknown issuer"}
                      {entry.display.issuedOn ? ` · ${longDate(entry.display.issuedOn)}` : ""}
                    </p>
                    <p>
                      <StatusTag status={entry.held} />
                      {entry.hidden ? <span class="tag">Hidden</span> : null}
                      {entry.collection ? <span class="tag">{entry.collection}</span> : null}
                      {entry.subjectMatches === false ? (
                        <span class="tag tag-warning">Names someone else</span>
                      ) : null}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>,
      );
    }),
  );

  const importPage = (c: PageContext, pasted = "", message?: string) =>
    render(
      c,
      "Import a credential",
      <section class="narrow">
        <h1>Import a credential</h1>
        <ErrorSummary errors={undefined} message={message} />
        <p>
          Bring in a credential from any issuer: an Open Badges 3.0 credential (JSON or VC-JWT), a badge image
          with a credential baked in (PNG or SVG), an Open Badges 2.0 assertion (its URL, JSON or signed JWS)
          or a CLR. It is verified now and shown with its checks.
        </p>
        <Form action="/wallet/import" csrf={c.get("csrfToken")} enctype="multipart/form-data">
          <div class="field">
            <label for="field-file">File (JSON, JWT, PNG or SVG, up to 1 MiB)</label>
            <input
              id="field-file"
              name="file"
              type="file"
              accept=".json,.jwt,.jws,.png,.svg,application/json,image/png,image/svg+xml"
            />
          </div>
          <div class="field">
            <label for="field-pasted">Or paste it (JSON, a JWT, or an Open Badges 2.0 assertion URL)</label>
            <textarea id="field-pasted" name="pasted" rows={8}>
              {pasted}
            </textarea>
          </div>
          <button type="submit">Import and verify</button>
        </Form>
      </section>,
    );

  pages.get(
    "/wallet/import",
    signedIn((c) => importPage(c)),
  );
  pages.post(
    "/wallet/import",
    signedIn(async (c, user) => {
      let pasted = "";
      try {
        const values = await readForm(c);
        pasted = fieldText(values, "pasted").trim();
        const body = await c.req.parseBody();
        const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
        if (file && file.size > MAX_IMPORT_BYTES) {
          throw new DomainError("payload_too_large", "The file is larger than 1 MiB.");
        }
        const input = file ? new Uint8Array(await file.arrayBuffer()) : pasted;
        if (!input || (typeof input === "string" && !input)) {
          throw new DomainError("invalid_import", "Choose a file or paste a credential.");
        }
        const { item, verified } = await importCredential(deps, user.id, input);
        const notice = verified
          ? "Imported and verified."
          : "Imported, but it did not pass every check: see below.";
        return redirectWith(c, `/wallet/${item.id}`, notice);
      } catch (error) {
        return formFailure(c, error, (_errors, message) => importPage(c, pasted, message));
      }
    }),
  );

  pages.post(
    "/wallet/:id/organize",
    signedIn(async (c, user) => {
      const id = pathParam(c, "id");
      const values = await readForm(c);
      await organizeWalletItem(deps, user.id, id, {
        hidden: values.hidden === undefined ? undefined : values.hidden === "yes",
        collection: values.collection === undefined ? undefined : fieldText(values, "collection"),
      });
      return redirectWith(c, `/wallet/${id}`, "Saved.");
    }),
  );
  pages.post(
    "/wallet/:id/remove",
    signedIn(async (c, user) => {
      await readForm(c);
      await removeWalletItem(deps, user.id, pathParam(c, "id"));
      return redirectWith(c, "/wallet", "The credential was removed from your wallet.");
    }),
  );
  return pages;
}
