import { defined, failed, imageOf, passed, skipped, text } from "./fields.ts";
import { fetchDocument } from "./ob2-load.ts";
import {
  isoDate,
  type Ob2Assertion,
  type Ob2BadgeClass,
  type Ob2Profile,
  ob2RevocationListSchema,
} from "./ob2-schemas.ts";
import type { ImportCheck, ImportDeps, ImportDisplay } from "./types.ts";

// Checks shared by hosted and signed Open Badges 2.0 assertions, and what a wallet shows for one.

const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** issuedOn must not be in the future, expires not in the past (5 minutes of clock skew tolerated). */
export function validityCheck(assertion: Ob2Assertion, now: Date): ImportCheck {
  const issuedOn = isoDate(assertion.issuedOn);
  const expires = isoDate(assertion.expires);
  if (assertion.issuedOn !== undefined && issuedOn === undefined)
    return failed("validity", `issuedOn "${assertion.issuedOn}" is not a date.`);
  if (assertion.expires !== undefined && expires === undefined)
    return failed("validity", `expires "${assertion.expires}" is not a date.`);
  if (issuedOn !== undefined && Date.parse(issuedOn) > now.getTime() + CLOCK_SKEW_MS)
    return failed("validity", `Issued in the future (${issuedOn}).`);
  if (expires !== undefined && Date.parse(expires) < now.getTime() - CLOCK_SKEW_MS)
    return failed("validity", `Expired on ${expires}.`);
  return passed("validity", expires === undefined ? "Does not expire." : `Valid until ${expires}.`);
}

/**
 * Hosted verification: the assertion's URL must be one the issuer answers for. With no policy in the
 * profile, its host must be the host of the issuer's id; `verification.allowedOrigins` (host names)
 * and `verification.startsWith` (URL prefixes) replace that default when present.
 */
export function originCheck(assertionId: string, issuer: Ob2Profile | undefined): ImportCheck {
  if (!issuer) return skipped("origin", "Not checked: the issuer profile could not be loaded.");
  let url: URL;
  try {
    url = new URL(assertionId);
  } catch {
    return failed("origin", `The assertion id "${assertionId}" is not a URL.`);
  }
  const allowed = list(issuer.verification?.allowedOrigins).map(hostOf);
  const prefixes = list(issuer.verification?.startsWith);
  if (allowed.length === 0 && prefixes.length === 0) {
    const issuerHost = hostOf(issuer.id);
    return url.hostname === issuerHost
      ? passed("origin", `The assertion is hosted on the issuer's own host (${issuerHost}).`)
      : failed(
          "origin",
          `The assertion is hosted on ${url.hostname}, not on the issuer's host (${issuerHost}).`,
        );
  }
  if (allowed.length > 0 && !allowed.includes(url.hostname))
    return failed(
      "origin",
      `${url.hostname} is not among the issuer's allowed origins (${allowed.join(", ")}).`,
    );
  if (prefixes.length > 0 && !prefixes.some((prefix) => assertionId.startsWith(prefix)))
    return failed("origin", `The assertion id does not start with any of ${prefixes.join(", ")}.`);
  return passed("origin", `The issuer's verification policy allows assertions at ${url.hostname}.`);
}

/** Signed verification: the issuer's revocation list (ids, or {id, revocationReason}) must not list the assertion. */
export async function revocationListCheck(
  assertion: Ob2Assertion,
  issuer: Ob2Profile | undefined,
  deps: Pick<ImportDeps, "fetchJson">,
): Promise<ImportCheck> {
  if (!issuer) return skipped("revocation", "Not checked: the issuer profile could not be loaded.");
  if (!issuer.revocationList)
    return skipped("revocation", "The issuer publishes no revocation list, so revocation cannot be checked.");
  const loaded = await fetchDocument(issuer.revocationList, "revocation list", ob2RevocationListSchema, deps);
  if (!loaded.ok) return failed("revocation", loaded.message);
  const uid = text(assertion.uid);
  const entry = (loaded.value.revokedAssertions ?? []).find((revoked) =>
    typeof revoked === "string"
      ? revoked === assertion.id
      : revoked.id === assertion.id || (uid !== undefined && revoked.uid === uid),
  );
  if (entry === undefined)
    return passed("revocation", `Not on the issuer's revocation list (${issuer.revocationList}).`);
  const reason = typeof entry === "string" ? undefined : entry.revocationReason;
  return failed("revocation", `The issuer has revoked this assertion${reason ? `: ${reason}` : "."}`);
}

export function ob2Display(
  assertion: Ob2Assertion,
  badge: Ob2BadgeClass | undefined,
  issuer: { id?: string; name?: string } | undefined,
): ImportDisplay {
  const recipient = assertion.recipient;
  return defined({
    name: text(badge?.name) ?? "Open Badges 2.0 assertion",
    description: text(badge?.description),
    issuerName: text(issuer?.name),
    issuerId: text(issuer?.id),
    image: imageOf(assertion.image) ?? imageOf(badge?.image),
    issuedOn: isoDate(assertion.issuedOn),
    expiresOn: isoDate(assertion.expires),
    recipient: recipient
      ? defined({
          identity: recipient.identity,
          hashed: recipient.hashed ?? false,
          salt: text(recipient.salt),
          type: recipient.type ?? "email",
        })
      : undefined,
  });
}

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** A host name from "example.org", "example.org:8443" or "https://example.org/…", lowercased. */
function hostOf(value: string): string {
  const trimmed = value.trim().toLowerCase();
  try {
    return new URL(trimmed.includes("://") ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return trimmed;
  }
}
