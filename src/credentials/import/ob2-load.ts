import type { z } from "zod";
import { errorMessage } from "../verify/types.ts";
import { failed, isHttpUrl, isRecord, passed, skipped, text } from "./fields.ts";
import {
  describeIssues,
  type Ob2Assertion,
  type Ob2BadgeClass,
  type Ob2Profile,
  ob2BadgeClassSchema,
  ob2ProfileSchema,
} from "./ob2-schemas.ts";
import type { ImportCheck, ImportDeps } from "./types.ts";

// Fetching the documents an Open Badges 2.0 assertion points to. Every failure is a message naming the URL.

export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

/** GETs `url` through the injected fetcher and validates it; `what` names the document in messages. */
export async function fetchDocument<T>(
  url: string,
  what: string,
  schema: z.ZodType<T>,
  deps: Pick<ImportDeps, "fetchJson">,
): Promise<Loaded<T>> {
  if (!isHttpUrl(url))
    return { ok: false, message: `The ${what} id "${url}" is not an http(s) URL, so it cannot be fetched.` };
  let value: unknown;
  try {
    value = await deps.fetchJson(url);
  } catch (error) {
    return { ok: false, message: `Could not fetch the ${what} at ${url}: ${errorMessage(error)}` };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    return { ok: false, message: `The ${what} at ${url} is not valid: ${describeIssues(parsed.error)}.` };
  const id = isRecord(parsed.data) ? parsed.data.id : undefined;
  if (typeof id === "string" && id !== url)
    return { ok: false, message: `The ${what} fetched from ${url} has another id (${id}).` };
  return { ok: true, value: parsed.data };
}

export type BadgeAndIssuer = {
  badge?: Ob2BadgeClass;
  /** The issuer profile fetched from its id (what verification relies on). */
  issuer?: Ob2Profile;
  /** For display only: the fetched profile, or else an embedded one that could not be checked. */
  issuerForDisplay?: { id?: string; name?: string };
  checks: { badge: ImportCheck; issuer: ImportCheck };
};

/**
 * The BadgeClass (fetched from its URL, or embedded in the assertion) and its issuer Profile. The profile
 * is always fetched from its own id, even when embedded: its verification policy and keys must come
 * from the issuer, never from the document being verified.
 */
export async function loadBadgeAndIssuer(
  assertion: Ob2Assertion,
  deps: Pick<ImportDeps, "fetchJson">,
): Promise<BadgeAndIssuer> {
  let badge: Ob2BadgeClass;
  let badgeCheck: ImportCheck;
  if (typeof assertion.badge === "string") {
    const loaded = await fetchDocument(assertion.badge, "BadgeClass", ob2BadgeClassSchema, deps);
    if (!loaded.ok) return issuerNotChecked(failed("badge", loaded.message));
    badge = loaded.value;
    badgeCheck = passed("badge", `BadgeClass fetched from ${assertion.badge}.`);
  } else {
    const parsed = ob2BadgeClassSchema.safeParse(assertion.badge);
    if (!parsed.success)
      return issuerNotChecked(
        failed("badge", `The embedded BadgeClass is not valid: ${describeIssues(parsed.error)}.`),
      );
    badge = parsed.data;
    badgeCheck = passed("badge", "BadgeClass embedded in the assertion.");
  }

  const embedded = typeof badge.issuer === "string" ? undefined : badge.issuer;
  const embeddedDisplay = embedded ? { id: text(embedded.id), name: text(embedded.name) } : undefined;
  const issuerId = typeof badge.issuer === "string" ? badge.issuer : text(badge.issuer.id);
  if (!issuerId) {
    return {
      badge,
      issuerForDisplay: embeddedDisplay,
      checks: {
        badge: badgeCheck,
        issuer: failed("issuer", "The BadgeClass names an issuer without an id."),
      },
    };
  }
  const loaded = await fetchDocument(issuerId, "issuer profile", ob2ProfileSchema, deps);
  if (!loaded.ok)
    return {
      badge,
      issuerForDisplay: embeddedDisplay,
      checks: { badge: badgeCheck, issuer: failed("issuer", loaded.message) },
    };
  return {
    badge,
    issuer: loaded.value,
    issuerForDisplay: { id: loaded.value.id, name: text(loaded.value.name) ?? embeddedDisplay?.name },
    checks: { badge: badgeCheck, issuer: passed("issuer", `Issuer profile fetched from ${issuerId}.`) },
  };
}

function issuerNotChecked(badgeCheck: ImportCheck): BadgeAndIssuer {
  return {
    checks: {
      badge: badgeCheck,
      issuer: skipped("issuer", "Not checked: the BadgeClass could not be read."),
    },
  };
}
