import type { VerificationCheck } from "../types.ts";
import type { IssuerTrust } from "./accreditation.ts";

const day = (date: Date) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(date);

/** The "issuer trust" check a verifier reads: known to this Cairn, accredited by whom and until when, or not. */
export function trustCheck(trust: IssuerTrust): VerificationCheck {
  switch (trust.level) {
    case "impostor":
      return {
        id: "trust",
        status: "failed",
        message: `The issuer calls itself "${trust.claimedName}", which imitates ${trust.imitated}, registered on this Cairn as ${trust.imitatedDid}; this credential's issuer is another party. Treat it as an impostor.`,
      };
    case "unknown":
      return {
        id: "trust",
        status: "skipped",
        message:
          "Unknown issuer: not registered on this Cairn. The signature shows which key signed it, not who holds that key.",
      };
    default: {
      const active = trust.accreditations.map(
        (a) =>
          `by ${a.by} until ${day(a.until)}${a.scope === "achievement" ? " (this micro-credential)" : ""}`,
      );
      const lapsed = trust.lapsed.map(
        (l) =>
          `accreditation by ${l.by} ${l.state === "expired" ? "expired" : "was withdrawn"} on ${day(l.at)}`,
      );
      const head =
        trust.level === "accredited"
          ? `Known to this Cairn as ${trust.issuerName}; accredited ${active.join("; ")}.`
          : `Known to this Cairn as ${trust.issuerName}; not accredited.`;
      return {
        id: "trust",
        status: "passed",
        message: lapsed.length ? `${head} Earlier: ${lapsed.join("; ")}.` : head,
      };
    }
  }
}
