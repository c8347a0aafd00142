import { accreditationState, type IssuerTrust } from "../../domain/trust/accreditation.ts";
import { closestImitated, nameSkeleton } from "../../domain/trust/name-imitation.ts";
import { trustCheck } from "../../domain/trust/trust-check.ts";
import type { VerificationReport } from "../../domain/types.ts";
import { record } from "../../domain/wallet/credential-display.ts";
import type { AppDeps, Repositories } from "../ports.ts";

export type IssuerClaim = {
  issuerId: string;
  issuerName?: string | undefined;
  achievementId?: string | undefined;
};

/**
 * How this Cairn's registry regards a credential's issuer: one of its organizations (accredited or not, with the
 * accreditations that lapsed), an impostor whose name imitates one of them under another DID, or unknown.
 */
export async function issuerTrustIn(
  deps: AppDeps,
  r: Repositories,
  claim: IssuerClaim,
): Promise<IssuerTrust> {
  const organizations = await r.organizations.listAll();
  const withDid = organizations.map((o) => ({ ...o, did: deps.credentials.organizationDid(o.slug) }));
  const issuer = withDid.find((o) => o.did === claim.issuerId);
  // An organization registered here under the name of one registered before it is an impostor too.
  const earlier = issuer
    ? withDid.find(
        (o) => o.createdAt < issuer.createdAt && nameSkeleton(o.name) === nameSkeleton(issuer.name),
      )
    : undefined;
  if (issuer && earlier) {
    return { level: "impostor", claimedName: issuer.name, imitated: earlier.name, imitatedDid: earlier.did };
  }
  if (!issuer) {
    const imitated = claim.issuerName ? closestImitated(claim.issuerName, withDid) : undefined;
    return imitated
      ? {
          level: "impostor",
          claimedName: claim.issuerName ?? "",
          imitated: imitated.name,
          imitatedDid: imitated.did,
        }
      : { level: "unknown" };
  }
  const now = deps.clock();
  const achievementUrl = (id: string) => `${deps.publicUrl}/achievements/${id}`;
  const relevant = (await r.accreditations.forIssuers([issuer.id])).filter(
    (a) => a.achievementId === null || achievementUrl(a.achievementId) === claim.achievementId,
  );
  const accreditations = relevant
    .filter((a) => accreditationState(a, now) === "active")
    .map((a) => ({
      by: a.accreditorName,
      until: a.validUntil,
      scope: a.achievementId ? ("achievement" as const) : ("issuer" as const),
    }));
  const activeBy = new Set(accreditations.map((a) => a.by));
  const lapsed = relevant.flatMap((a) => {
    const state = accreditationState(a, now);
    if (activeBy.has(a.accreditorName) || (state !== "expired" && state !== "withdrawn")) return [];
    activeBy.add(a.accreditorName); // newest first: one lapsed line per accreditor
    return [
      { by: a.accreditorName, state, at: state === "withdrawn" ? (a.withdrawnAt ?? now) : a.validUntil },
    ];
  });
  return {
    level: accreditations.length > 0 ? "accredited" : "registered",
    issuerName: issuer.name,
    issuerSlug: issuer.slug,
    accreditations,
    lapsed,
  };
}

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);
const field = (value: unknown, key: string) => record(value)?.[key];

/**
 * Adds the "trust" check (and the registry's view) to a verification report, for it and every credential inside it.
 * Only a credential whose signature and issuer key verified is placed: otherwise it may not come from the issuer it
 * names. An impostor fails verification. Never throws.
 */
export async function withIssuerTrust(
  deps: AppDeps,
  report: VerificationReport,
): Promise<VerificationReport> {
  const credentials = report.credentials
    ? await Promise.all(report.credentials.map((inner) => withIssuerTrust(deps, inner)))
    : undefined;
  const issuer = field(report.credential, "issuer");
  const issuerId = text(field(issuer, "id"));
  const signedByIssuer = ["proof", "issuer"].every(
    (id) => report.checks.find((c) => c.id === id)?.status === "passed",
  );
  let trust: IssuerTrust | undefined;
  if (issuerId && signedByIssuer) {
    trust = await deps
      .uow((r) =>
        issuerTrustIn(deps, r, {
          issuerId,
          issuerName: text(field(issuer, "name")),
          achievementId: text(field(field(report.credential, "achievement"), "id")),
        }),
      )
      .catch(() => undefined);
  }
  const check = trust
    ? trustCheck(trust)
    : {
        id: "trust",
        status: "skipped" as const,
        message:
          "Not checked: without a verified signature the credential may not come from the issuer it names.",
      };
  // A credential inside a CLR or a presentation that fails the trust check fails the whole.
  const innerFailed = credentials?.some((inner) => !inner.verified) ?? false;
  const checks = report.checks
    .filter((c) => c.id !== "trust")
    .map((c) =>
      c.id === "nested" && innerFailed && c.status !== "failed"
        ? { ...c, status: "failed" as const, message: "A credential inside it fails the issuer trust check." }
        : c,
    );
  return {
    ...report,
    verified: report.verified && check.status !== "failed" && !innerFailed,
    checks: [...checks, check],
    ...(trust ? { trust } : {}),
    ...(credentials ? { credentials } : {}),
  };
}
