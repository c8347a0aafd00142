import { errorMessage } from "../verify/types.ts";
import { allPassed, failed, isRecord, type JsonRecord, passed, skipped } from "./fields.ts";
import { ob2Display, originCheck, validityCheck } from "./ob2-checks.ts";
import { loadBadgeAndIssuer } from "./ob2-load.ts";
import { describeIssues, type Ob2Assertion, ob2AssertionSchema } from "./ob2-schemas.ts";
import type { ImportCheck, ImportDeps, ImportResult } from "./types.ts";

export type HostedInput = {
  /** Where the assertion is hosted: its id. */
  url: string;
  /** The copy the learner gave (JSON, or unbaked from an image), if any. */
  local?: JsonRecord;
  /** The hosted copy when the caller already fetched it from `url`. */
  fetched?: unknown;
};

type Copy = { assertion: Ob2Assertion; raw: JsonRecord };

/**
 * Open Badges 2.0 hosted verification: the assertion is fetched from its id and must carry that id
 * and not be revoked; its BadgeClass and issuer profile are loaded; the issuer must answer for the
 * assertion's URL; and it must not have expired. Checks: assertion, revocation, badge, issuer, origin, validity.
 * The hosted copy is the one stored and shown; when it cannot be confirmed, the learner's copy is.
 */
export async function importHostedAssertion(input: HostedInput, deps: ImportDeps): Promise<ImportResult> {
  const hosted = await readHosted(input, deps);
  let copy = hosted.confirmed;
  if (!copy && input.local) {
    const local = ob2AssertionSchema.safeParse(input.local);
    if (!local.success) {
      const issues = describeIssues(local.error);
      return { ok: false, message: `This is not a valid Open Badges 2.0 assertion: ${issues}.` };
    }
    copy = { assertion: local.data, raw: input.local };
  }
  copy ??= hosted.unconfirmed;
  if (!copy) return { ok: false, message: hosted.check.message };

  const revocation = hosted.confirmed
    ? revokedCheck(hosted.confirmed.assertion)
    : skipped("revocation", "Not checked: the hosted assertion could not be confirmed.");
  const loaded = await loadBadgeAndIssuer(copy.assertion, deps);
  const checks = [
    hosted.check,
    revocation,
    loaded.checks.badge,
    loaded.checks.issuer,
    originCheck(input.url, loaded.issuer),
    validityCheck(copy.assertion, deps.now()),
  ];
  return {
    ok: true,
    kind: "ob2",
    format: "ob2-hosted",
    verified: allPassed(checks),
    checks,
    original: copy.raw,
    display: ob2Display(copy.assertion, loaded.badge, loaded.issuerForDisplay),
  };
}

/** The hosted copy: confirmed when it carries the URL it came from as its id, else unconfirmed (if readable). */
type Hosted = { confirmed?: Copy; unconfirmed?: Copy; check: ImportCheck };

async function readHosted(input: HostedInput, deps: ImportDeps): Promise<Hosted> {
  const { url } = input;
  let value = input.fetched;
  if (value === undefined) {
    try {
      value = await deps.fetchJson(url);
    } catch (error) {
      const message = `Could not fetch the hosted assertion at ${url}: ${errorMessage(error)}`;
      return { check: failed("assertion", message) };
    }
  }
  if (!isRecord(value))
    return { check: failed("assertion", `The hosted assertion at ${url} is not a JSON object.`) };
  const parsed = ob2AssertionSchema.safeParse(value);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    return {
      check: failed("assertion", `The document at ${url} is not an Open Badges 2.0 assertion: ${issues}.`),
    };
  }
  const copy = { assertion: parsed.data, raw: value };
  if (parsed.data.id !== url) {
    const message = `The assertion hosted at ${url} carries another id (${parsed.data.id}).`;
    return { unconfirmed: copy, check: failed("assertion", message) };
  }
  return {
    confirmed: copy,
    check: passed("assertion", `The hosted assertion was fetched from ${url} and carries that id.`),
  };
}

function revokedCheck(assertion: Ob2Assertion): ImportCheck {
  if (assertion.revoked !== true) return passed("revocation", "The hosted assertion is not revoked.");
  const reason = assertion.revocationReason;
  return failed("revocation", `The issuer has revoked this assertion${reason ? `: ${reason}` : "."}`);
}
