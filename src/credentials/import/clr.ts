import type { VerificationResult } from "../verify/types.ts";
import { allPassed, failed, isRecord, passed, skipped, text } from "./fields.ts";
import { safeVerify, type VcOriginal } from "./safe-verify.ts";
import type { ImportCheck, ImportDeps, ImportResult } from "./types.ts";
import {
  type AchievementInfo,
  achievementInfo,
  achievementOf,
  credentialOf,
  subjectOf,
  vcDisplay,
} from "./vc-display.ts";

// A CLR 2.0 ClrCredential: the verifier checks the transcript and then each achievement credential it carries, on
// its own; the import reports those as checks clr.credential.1, .2, … in place of the verifier's summary check.

export async function importClr(
  vc: VcOriginal,
  format: "ldp" | "jwt",
  deps: ImportDeps,
): Promise<ImportResult> {
  const subject = subjectOf(vc.credential);
  const nested = Array.isArray(subject.verifiableCredential)
    ? subject.verifiableCredential
    : subject.verifiableCredential === undefined
      ? []
      : [subject.verifiableCredential];
  const outer = await safeVerify(deps, vc.original);
  const results = outer.credentials ?? [];
  const inner = nested.map((item, index) =>
    describeNested(item, `clr.credential.${index + 1}`, results[index]),
  );
  const summary = outer.checks.find((check) => check.id === "nested");
  const checks: ImportCheck[] = [
    ...outer.checks.filter((check) => check.id !== "nested").map((check) => ({ ...check })),
    ...inner.map((item) => item.check),
  ];
  if (nested.length === 0)
    checks.push(skipped("clr.credentials", "The CLR carries no achievement credentials."));
  // Too many or too deep: the verifier checked none of them and says why.
  if (summary?.status === "failed" && results.length === 0 && nested.length > 0)
    checks.push(failed("clr.credentials", summary.message));

  const achievements = listAchievements(
    inner.map((item) => item.achievement),
    Array.isArray(subject.achievement) ? subject.achievement : [],
  );
  const display = vcDisplay(vc.credential, outer.credential);
  return {
    ok: true,
    kind: "clr",
    format,
    verified: allPassed(checks),
    checks,
    original: vc.original,
    display: {
      ...display,
      name: text(vc.credential.name) ?? "Comprehensive Learner Record",
      ...(achievements.length > 0 ? { achievements } : {}),
    },
  };
}

type Nested = { achievement: AchievementInfo | undefined; check: ImportCheck };

function describeNested(item: unknown, id: string, result: VerificationResult | undefined): Nested {
  const credential = credentialOf(item);
  if (!credential)
    return {
      achievement: undefined,
      check: failed(id, "Not a credential: neither a JSON object nor a VC-JWT."),
    };
  const achievement = achievementOf(credential);
  const label = text(credential.name) ?? achievement?.name ?? text(credential.id) ?? "Unnamed credential";
  const check = result ? nestedCheck(id, label, result) : skipped(id, `${label}: not checked.`);
  return { achievement: achievement ?? { name: label }, check };
}

function nestedCheck(id: string, label: string, result: VerificationResult): ImportCheck {
  if (result.verified) return passed(id, `${label}: verified.`);
  const problems = result.checks
    .filter((check) => check.status === "failed")
    .map((check) => `${check.id}: ${check.message}`);
  return failed(id, `${label}: not verified (${problems.join(" ") || "no check passed"}).`);
}

/** The achievements of the carried credentials, then those the CLR subject lists that are not already there. */
function listAchievements(
  fromCredentials: (AchievementInfo | undefined)[],
  listed: unknown[],
): { name: string; description?: string }[] {
  const all: AchievementInfo[] = fromCredentials.filter(
    (item): item is AchievementInfo => item !== undefined,
  );
  const seen = new Set(all.map((item) => item.id).filter((id) => id !== undefined));
  for (const entry of listed) {
    const info = isRecord(entry) ? achievementInfo(entry) : undefined;
    if (!info || (info.id !== undefined && seen.has(info.id))) continue;
    if (info.id !== undefined) seen.add(info.id);
    all.push(info);
  }
  return all.map(({ name, description }) => (description === undefined ? { name } : { name, description }));
}
