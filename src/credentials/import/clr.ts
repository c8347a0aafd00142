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

// A CLR 2.0 ClrCredential: the transcript itself is verified (as any VC: the CLR type is not an Open
// Badge), then each achievement credential it carries, on its own, as checks clr.credential.1, .2, …

const MAX_NESTED = 200;

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
  const outer = await safeVerify(deps, vc.original, { acceptAnyCredential: true });
  const inner = await Promise.all(
    nested.slice(0, MAX_NESTED).map((item, index) => verifyNested(item, `clr.credential.${index + 1}`, deps)),
  );

  const checks: ImportCheck[] = [
    ...outer.checks.map((check) => ({ ...check })),
    ...inner.map((item) => item.check),
  ];
  if (nested.length === 0)
    checks.push(skipped("clr.credentials", "The CLR carries no achievement credentials."));
  if (nested.length > MAX_NESTED)
    checks.push(
      failed(
        "clr.credentials",
        `The CLR carries ${nested.length} credentials; only ${MAX_NESTED} were checked.`,
      ),
    );

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

async function verifyNested(item: unknown, id: string, deps: ImportDeps): Promise<Nested> {
  const credential = credentialOf(item);
  if (!credential)
    return {
      achievement: undefined,
      check: failed(id, "Not a credential: neither a JSON object nor a VC-JWT."),
    };
  const achievement = achievementOf(credential);
  const label = text(credential.name) ?? achievement?.name ?? text(credential.id) ?? "Unnamed credential";
  const result = await safeVerify(deps, item);
  return { achievement: achievement ?? { name: label }, check: nestedCheck(id, label, result) };
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
