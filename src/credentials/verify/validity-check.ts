import { type Check, failed, type JsonRecord, passed, type VerifyDeps } from "./types.ts";

// XSD dateTime with a required time zone (VC 2.0 §4.9 asks for dateTimeStamp).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** validFrom / validUntil (and a JWT's nbf / exp) against the injected clock, with tolerated skew. */
export function checkValidity(credential: JsonRecord, deps: VerifyDeps, jwtPayload?: JsonRecord): Check {
  const now = deps.now().getTime();
  const skewMs = (deps.maxClockSkewSeconds ?? 300) * 1000;
  const from = credential.validFrom ?? credential.issuanceDate;
  const until = credential.validUntil ?? credential.expirationDate;
  for (const [name, value] of [
    ["validFrom", from],
    ["validUntil", until],
  ] as const) {
    if (value !== undefined && (typeof value !== "string" || !DATE_TIME.test(value))) {
      return failed("validity", `${name} "${String(value)}" is not an XSD dateTimeStamp.`);
    }
  }
  const notBefore = Math.max(dateMs(from) ?? -Infinity, secondsMs(jwtPayload?.nbf) ?? -Infinity);
  const notAfter = Math.min(dateMs(until) ?? Infinity, secondsMs(jwtPayload?.exp) ?? Infinity);
  if (notBefore > now + skewMs)
    return failed("validity", `Not yet valid: valid from ${new Date(notBefore).toISOString()}.`);
  if (notAfter < now - skewMs)
    return failed("validity", `Expired: valid until ${new Date(notAfter).toISOString()}.`);
  const untilText = Number.isFinite(notAfter) ? ` until ${new Date(notAfter).toISOString()}` : "";
  return passed("validity", `Valid from ${new Date(notBefore).toISOString()}${untilText}.`);
}

function dateMs(value: unknown): number | undefined {
  return typeof value === "string" ? Date.parse(value) : undefined;
}

function secondsMs(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value * 1000 : undefined;
}
