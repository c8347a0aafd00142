import { Hono } from "hono";
import {
  bakedBadgeFile,
  certificateFile,
  signedCredentialFile,
  walletBadgePng,
} from "../../app/wallet/credential-files.ts";
import {
  MAX_LINK_DAYS,
  revokeWalletShare,
  shareWalletItem,
  walletShares,
} from "../../app/wallet/share-credential.ts";
import { verifyHeld } from "../../app/wallet/verify-held.ts";
import { DomainError } from "../../domain/errors.ts";
import { subjectOf } from "../../domain/wallet/credential-display.ts";
import { heldStatus, shareOpen, type WalletShare } from "../../domain/wallet/types.ts";
import type { AppEnv, HttpDeps } from "../env.ts";
import { Form, fieldText } from "./forms.tsx";
import { attachmentHeaders, pathParam, readForm, redirectWith, render, signedIn } from "./kit.tsx";
import { TrustBanner } from "./trust-parts.tsx";
import {
  AchievementDetails,
  embedSnippet,
  linkedInLinks,
  longDate,
  StatusTag,
  VerificationPanel,
} from "./wallet-parts.tsx";

const EXPIRY_CHOICES: [string, string][] = [
  ["7", "7 days"],
  ["30", "30 days"],
  ["90", "90 days"],
  [String(MAX_LINK_DAYS), "1 year"],
  ["", "Never"],
];
const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "credential";

function ShareList(props: {
  shares: WalletShare[];
  itemId: string;
  csrf: string;
  publicUrl: string;
  now: Date;
}) {
  if (props.shares.length === 0) return <p>Private: only you can see this credential.</p>;
  return (
    <table>
      <caption class="visually-hidden">Shares of this credential</caption>
      <thead>
        <tr>
          <th scope="col">Address</th>
          <th scope="col">Kind</th>
          <th scope="col">State</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {props.shares.map((share) => {
          const state = shareOpen(share, props.now);
          return (
            <tr>
              <td>
                <a href={`/c/${share.id}`}>{`${props.publicUrl}/c/${share.id}`}</a>
              </td>
              <td>{share.kind === "public" ? "Public" : "Link"}</td>
              <td>
                {state === "open"
                  ? share.expiresAt
                    ? `Open until ${longDate(share.expiresAt.toISOString())}`
                    : "Open"
                  : state === "expired"
                    ? "Expired"
                    : "Stopped"}
              </td>
              <td>
                {state === "open" ? (
                  <Form
                    action={`/wallet/${props.itemId}/shares/${share.id}/revoke`}
                    csrf={props.csrf}
                    class="inline"
                  >
                    <button type="submit" class="secondary small">
                      Stop sharing <span class="visually-hidden">{share.id}</span>
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One credential in the wallet: live verification, organizing, sharing and downloads. */
export function walletItemPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();

  pages.get(
    "/wallet/:id",
    signedIn(async (c, user) => {
      const id = pathParam(c, "id");
      const [{ entry, document }, shares] = await Promise.all([
        signedCredentialFile(deps, user.id, id),
        walletShares(deps, user.id, id),
      ]);
      const live = await verifyHeld(deps, entry, document);
      const now = deps.clock();
      const achievement = document.credential ? subjectOf(document.credential)?.achievement : undefined;
      const open = shares.filter((s) => shareOpen(s, now) === "open");
      const primary = open.find((s) => s.kind === "public") ?? open.at(-1);
      const shareUrl = primary ? `${deps.publicUrl}/c/${primary.id}` : undefined;
      const d = entry.display;
      const csrf = c.get("csrfToken");
      return render(
        c,
        d.name,
        <article>
          <div class="credential-head">
            <img src={`/wallet/${entry.id}/badge.png`} alt={`Badge: ${d.name}`} width="160" height="160" />
            <div>
              <h1>{d.name}</h1>
              <p class="lead">{d.description}</p>
              <p>
                Issued by <strong>{d.issuerName ?? "an unknown issuer"}</strong>
                {d.issuedOn ? ` on ${longDate(d.issuedOn)}` : ""}
                {d.expiresOn ? `; valid until ${longDate(d.expiresOn)}` : ""}.
              </p>
              <p>
                <StatusTag status={heldStatus(entry, now)} />
                {entry.award?.statusReason ? <span> Reason: {entry.award.statusReason}</span> : null}
              </p>
              {entry.subjectMatches === false ? (
                <p class="notice warning" role="note">
                  This credential does not name you: its recipient is none of your verified addresses or your
                  DID.
                </p>
              ) : null}
            </div>
          </div>
          <TrustBanner trust={live.trust} />
          <VerificationPanel verified={live.verified} checks={live.checks} checkedAt={live.checkedAt} />
          <AchievementDetails achievement={achievement} recordAchievements={d.achievements} />

          <h2 id="sharing">Sharing</h2>
          <ShareList shares={shares} itemId={entry.id} csrf={csrf} publicUrl={deps.publicUrl} now={now} />
          <div class="actions">
            {open.some((s) => s.kind === "public") ? null : (
              <Form action={`/wallet/${entry.id}/share`} csrf={csrf} class="inline">
                <input type="hidden" name="kind" value="public" />
                <button type="submit">Make public</button>
              </Form>
            )}
            {open.length ? (
              <Form action={`/wallet/${entry.id}/private`} csrf={csrf} class="inline">
                <button type="submit" class="secondary">
                  Make private
                </button>
              </Form>
            ) : null}
          </div>
          <Form action={`/wallet/${entry.id}/share`} csrf={csrf} class="inline-form">
            <input type="hidden" name="kind" value="link" />
            <div class="field">
              <label for="field-expiresInDays">Create a private link that expires after</label>
              <select id="field-expiresInDays" name="expiresInDays">
                {EXPIRY_CHOICES.map(([value, label]) => (
                  <option value={value}>{label}</option>
                ))}
              </select>
            </div>
            <button type="submit" class="secondary">
              Create link
            </button>
          </Form>
          {shareUrl ? (
            <>
              <h3>Show it elsewhere</h3>
              <p class="actions">
                <a
                  class="button secondary"
                  href={linkedInLinks({ ...d, credentialId: d.credentialId, url: shareUrl }).add}
                >
                  Add to LinkedIn profile
                </a>
                <a class="button secondary" href={linkedInLinks({ ...d, url: shareUrl }).share}>
                  Share on LinkedIn
                </a>
              </p>
              <div class="field">
                <label for="embed-code">Embed on a web page (HTML)</label>
                <textarea id="embed-code" rows={4} readonly>
                  {embedSnippet({
                    url: shareUrl,
                    image: `${shareUrl}/badge.png`,
                    name: d.name,
                    issuerName: d.issuerName,
                  })}
                </textarea>
              </div>
            </>
          ) : (
            <p class="hint">
              Make it public or create a link to add it to LinkedIn or embed it on a web page.
            </p>
          )}

          <h2>Downloads</h2>
          <ul class="downloads">
            <li>
              <a href={`/wallet/${entry.id}/credential`}>
                Signed credential ({typeof document.signed === "string" ? "JWT" : "JSON"})
              </a>
            </li>
            <li>
              <a href={`/wallet/${entry.id}/baked.png`}>Badge image with the credential baked in (PNG)</a>
            </li>
            <li>
              <a href={`/wallet/${entry.id}/baked.svg`}>Badge image with the credential baked in (SVG)</a>
            </li>
            <li>
              <a href={`/wallet/${entry.id}/certificate.pdf?size=A4`}>PDF certificate (A4)</a>
            </li>
            <li>
              <a href={`/wallet/${entry.id}/certificate.pdf?size=Letter`}>PDF certificate (US Letter)</a>
            </li>
          </ul>

          <h2>Organize</h2>
          <Form action={`/wallet/${entry.id}/organize`} csrf={csrf} class="inline-form">
            <div class="field">
              <label for="field-collection">Collection</label>
              <input id="field-collection" name="collection" value={entry.collection ?? ""} maxlength={60} />
            </div>
            <button type="submit" class="secondary">
              Save collection
            </button>
          </Form>
          <div class="actions">
            <Form action={`/wallet/${entry.id}/organize`} csrf={csrf} class="inline">
              <input type="hidden" name="hidden" value={entry.hidden ? "no" : "yes"} />
              <button type="submit" class="secondary">
                {entry.hidden ? "Show in my wallet" : "Hide from my wallet"}
              </button>
            </Form>
            {entry.awardId ? null : (
              <Form action={`/wallet/${entry.id}/remove`} csrf={csrf} class="inline">
                <button type="submit" class="secondary danger">
                  Remove from my wallet
                </button>
              </Form>
            )}
          </div>
        </article>,
      );
    }),
  );

  pages.post(
    "/wallet/:id/share",
    signedIn(async (c, user) => {
      const id = pathParam(c, "id");
      const values = await readForm(c);
      const days = fieldText(values, "expiresInDays");
      const kind = values.kind === "public" ? "public" : "link";
      const share = await shareWalletItem(deps, user.id, id, {
        kind,
        expiresInDays: days ? Number(days) : undefined,
      });
      const notice =
        kind === "public"
          ? "The credential is public."
          : `Share link created: ${deps.publicUrl}/c/${share.id}`;
      return redirectWith(c, `/wallet/${id}#sharing`, notice);
    }),
  );
  pages.post(
    "/wallet/:id/private",
    signedIn(async (c, user) => {
      const id = pathParam(c, "id");
      await readForm(c);
      await revokeWalletShare(deps, user.id, id);
      return redirectWith(
        c,
        `/wallet/${id}#sharing`,
        "The credential is private again; its links no longer open.",
      );
    }),
  );
  pages.post(
    "/wallet/:id/shares/:shareId/revoke",
    signedIn(async (c, user) => {
      const id = pathParam(c, "id");
      await readForm(c);
      await revokeWalletShare(deps, user.id, id, pathParam(c, "shareId"));
      return redirectWith(c, `/wallet/${id}#sharing`, "That link no longer opens.");
    }),
  );

  pages.get(
    "/wallet/:id/badge.png",
    signedIn(async (c, user) => {
      const png = await walletBadgePng(deps, user.id, pathParam(c, "id"));
      return c.body(png as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "image/png",
        "cache-control": "private, max-age=300",
      });
    }),
  );
  pages.get(
    "/wallet/:id/credential",
    signedIn(async (c, user) => {
      const { entry, serialized, document } = await signedCredentialFile(deps, user.id, pathParam(c, "id"));
      const jwt = typeof document.signed === "string";
      const name = `${slugOf(entry.display.name)}.${jwt ? "jwt" : "json"}`;
      return c.body(
        serialized,
        200,
        attachmentHeaders(name, jwt ? "application/vc+jwt" : "application/vc+ld+json"),
      );
    }),
  );
  for (const type of ["png", "svg"] as const) {
    pages.get(
      `/wallet/:id/baked.${type}`,
      signedIn(async (c, user) => {
        const id = pathParam(c, "id");
        const bytes = await bakedBadgeFile(deps, user.id, id, type);
        const contentType = type === "png" ? "image/png" : "image/svg+xml";
        return c.body(
          bytes as Uint8Array<ArrayBuffer>,
          200,
          attachmentHeaders(`badge-${id}.${type}`, contentType),
        );
      }),
    );
  }
  pages.get(
    "/wallet/:id/certificate.pdf",
    signedIn(async (c, user) => {
      const id = pathParam(c, "id");
      const size = c.req.query("size") ?? "A4";
      if (size !== "A4" && size !== "Letter")
        throw new DomainError("invalid_request", "Choose A4 or Letter.");
      const pdf = await certificateFile(deps, user.id, id, size);
      return c.body(
        pdf as Uint8Array<ArrayBuffer>,
        200,
        attachmentHeaders(`certificate-${id}.pdf`, "application/pdf"),
      );
    }),
  );
  return pages;
}
