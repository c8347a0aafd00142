import { Hono } from "hono";
import { recordVerification } from "../../app/analytics/record-verification.ts";
import { openShare, sharedBadgePng } from "../../app/wallet/share-credential.ts";
import { verifyHeld } from "../../app/wallet/verify-held.ts";
import { record, subjectOf } from "../../domain/wallet/credential-display.ts";
import { heldStatus } from "../../domain/wallet/types.ts";
import type { AppEnv, HttpDeps } from "../env.ts";
import { pathParam, render } from "./kit.tsx";
import { TrustBanner } from "./trust-parts.tsx";
import { AchievementDetails, longDate, StatusTag, VerificationPanel } from "./wallet-parts.tsx";

type Json = Record<string, unknown>;
const evidenceOf = (subject: Json | undefined, credential: Json | undefined) => {
  const all = [subject?.evidence, credential?.evidence].flatMap((e) => (Array.isArray(e) ? e : e ? [e] : []));
  return all.flatMap((e) => {
    const item = record(e) ?? {};
    const url = typeof item.id === "string" && /^https?:\/\//.test(item.id) ? item.id : undefined;
    const name =
      typeof item.name === "string" ? item.name : typeof item.narrative === "string" ? item.narrative : url;
    return name ? [{ name, url }] : [];
  });
};

/**
 * `/c/<share-id>`: a credential its holder shared, for anyone, signed in or not: what was achieved, by whom, from
 * whom, verified live, with link-preview meta. An expired or stopped share answers 410 Gone.
 */
export function sharedCredentialPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  pages.get("/c/:id", async (c) => {
    const shareId = pathParam(c, "id");
    const shared = await openShare(deps, shareId);
    const { entry, document, holderName } = shared;
    const live = await verifyHeld(deps, entry, document);
    await recordVerification(deps, entry.award?.credentialId, "shared-page");
    const subject = document.credential ? subjectOf(document.credential) : undefined;
    const evidence = evidenceOf(subject, document.credential);
    const d = entry.display;
    const url = `${deps.publicUrl}/c/${shareId}`;
    c.header("cache-control", "no-store");
    if (shared.share.kind === "link") c.header("x-robots-tag", "noindex");
    const summary = `${holderName} earned ${d.name}${d.issuerName ? ` from ${d.issuerName}` : ""}.`;
    return render(
      c,
      `${d.name} · ${holderName}`,
      <article class="shared-credential">
        <div class="credential-head">
          <img src={`/c/${shareId}/badge.png`} alt={`Badge: ${d.name}`} width="160" height="160" />
          <div>
            <p class="hint">A verifiable credential held by</p>
            <p class="holder">{holderName}</p>
            {entry.subjectMatches === false ? (
              <p class="notice warning" role="note">
                This credential does not name {holderName}: it was imported into their wallet and names
                someone else.
              </p>
            ) : null}
            <h1>{d.name}</h1>
            <p class="lead">{d.description}</p>
            <p>
              Issued by <strong>{d.issuerName ?? "an unknown issuer"}</strong>
              {d.issuedOn ? ` on ${longDate(d.issuedOn)}` : ""}
              {d.expiresOn ? `; valid until ${longDate(d.expiresOn)}` : ""}.
            </p>
            <p>
              <StatusTag status={heldStatus(entry, deps.clock())} />
              {entry.award?.statusReason ? (
                <span> Reason given by the issuer: {entry.award.statusReason}</span>
              ) : null}
            </p>
          </div>
        </div>
        <TrustBanner trust={live.trust} />
        <VerificationPanel verified={live.verified} checks={live.checks} checkedAt={live.checkedAt} />
        <AchievementDetails achievement={subject?.achievement} recordAchievements={d.achievements} />
        {evidence.length ? (
          <>
            <h2>Evidence</h2>
            <ul>
              {evidence.map((e) => (
                <li>{e.url ? <a href={e.url}>{e.name}</a> : e.name}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <a href={`/c/${shareId}/credential`}>Download the signed credential</a> to verify it with any Open
          Badges 3.0 verifier.
          {d.achievementUrl?.startsWith(`${deps.publicUrl}/`) ? (
            <>
              {" "}
              <a href={d.achievementUrl}>About this micro-credential</a>.
            </>
          ) : null}
        </p>
      </article>,
      undefined,
      summary,
      { url, image: `${url}/badge.png`, imageAlt: `Badge: ${d.name}` },
    );
  });
  pages.get("/c/:id/badge.png", async (c) => {
    const png = await sharedBadgePng(deps, pathParam(c, "id"));
    return c.body(png as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "image/png",
      "cache-control": "public, max-age=300",
      "cross-origin-resource-policy": "cross-origin",
    });
  });
  pages.get("/c/:id/credential", async (c) => {
    const { document } = await openShare(deps, pathParam(c, "id"));
    const jwt = typeof document.signed === "string";
    return c.body(jwt ? String(document.signed) : JSON.stringify(document.signed, null, 2), 200, {
      "content-type": jwt ? "application/vc+jwt" : "application/vc+ld+json",
      "access-control-allow-origin": "*",
    });
  });
  return pages;
}
