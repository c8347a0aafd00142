import type { AccreditationState, AccreditationView, IssuerTrust } from "../../domain/trust/accreditation.ts";

export const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

const STATE_LABELS: Record<AccreditationState, string> = {
  active: "Active",
  expired: "Expired",
  withdrawn: "Withdrawn",
  "not-yet-valid": "Not yet valid",
};

/** An accreditation's state in words, never in colour alone. */
export const StateTag = ({ state }: { state: AccreditationState }) => (
  <span class={`tag ${state === "active" ? "ok" : "warn"}`}>{STATE_LABELS[state]}</span>
);

/** "Accredited by …" as a verifier or a learner reads it. */
export function AccreditedMark(props: { accreditations: AccreditationView[] }) {
  if (props.accreditations.length === 0) return <span class="hint">Not accredited</span>;
  return (
    <span class="accredited">
      <span aria-hidden="true">★ </span>
      Accredited by{" "}
      {props.accreditations.map((a, i) => (
        <>
          {i > 0 ? ", " : ""}
          <a href={`/issuers/${a.accreditorSlug}`}>{a.accreditorName}</a>
          {a.achievementId ? " (one micro-credential)" : ""} until {dayFormat.format(a.validUntil)}
        </>
      ))}
    </span>
  );
}

export function AccreditationTable(props: {
  rows: (AccreditationView & { state: AccreditationState })[];
  party: "accreditor" | "issuer";
  actions?: (row: { id: string; state: string }) => unknown;
}) {
  return (
    <section class="table-wrap" aria-label="Accreditations" tabindex={0}>
      <table>
        <caption class="visually-hidden">Accreditations</caption>
        <thead>
          <tr>
            <th scope="col">{props.party === "accreditor" ? "Accredited by" : "Issuer"}</th>
            <th scope="col">Scope</th>
            <th scope="col">Valid</th>
            <th scope="col">State</th>
            <th scope="col">Endorsement</th>
            {props.actions ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((a) => (
            <tr>
              <td>
                {props.party === "accreditor" ? (
                  <a href={`/issuers/${a.accreditorSlug}`}>{a.accreditorName}</a>
                ) : (
                  <a href={`/issuers/${a.issuerSlug}`}>{a.issuerName}</a>
                )}
              </td>
              <td>
                {a.achievementId ? (
                  <a href={`/achievements/${a.achievementId}`}>One micro-credential</a>
                ) : (
                  "The issuer"
                )}
              </td>
              <td>
                {dayFormat.format(a.validFrom)} – {dayFormat.format(a.validUntil)}
              </td>
              <td>
                <StateTag state={a.state} />
                {a.withdrawnReason ? <span class="hint"> {a.withdrawnReason}</span> : null}
              </td>
              <td>
                <a href={`/accreditations/${a.id}/credential.json`}>
                  Signed credential<span class="visually-hidden"> of this accreditation</span>
                </a>
              </td>
              {props.actions ? <td>{props.actions(a)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The registry's view of a verified credential's issuer, above its details. */
export function TrustBanner({ trust }: { trust: IssuerTrust | undefined }) {
  if (!trust) return null;
  switch (trust.level) {
    case "accredited":
      return (
        <p class="trust trust-accredited">
          <strong>
            <span aria-hidden="true">★ </span>Accredited issuer:
          </strong>{" "}
          <a href={`/issuers/${trust.issuerSlug}`}>{trust.issuerName}</a>, accredited{" "}
          {trust.accreditations
            .map(
              (a) =>
                `by ${a.by} until ${dayFormat.format(a.until)}${a.scope === "achievement" ? " (this micro-credential)" : ""}`,
            )
            .join("; ")}
          .
        </p>
      );
    case "registered":
      return (
        <p class="trust trust-registered">
          <strong>Registered issuer:</strong> <a href={`/issuers/${trust.issuerSlug}`}>{trust.issuerName}</a>{" "}
          is known to this Cairn but not accredited
          {trust.lapsed.length
            ? ` (${trust.lapsed.map((l) => `accreditation by ${l.by} ${l.state === "expired" ? "expired" : "was withdrawn"} on ${dayFormat.format(l.at)}`).join("; ")})`
            : ""}
          .
        </p>
      );
    case "impostor":
      return (
        <p class="trust trust-impostor" role="alert">
          <strong>
            <span aria-hidden="true">⚠ </span>Possible impostor:
          </strong>{" "}
          the issuer calls itself "{trust.claimedName}", like {trust.imitated} in the{" "}
          <a href="/issuers">issuer registry</a>, but it signs with another identity. Do not trust this
          credential.
        </p>
      );
    default:
      return (
        <p class="trust trust-unknown">
          <strong>Unknown issuer:</strong> not in this Cairn's <a href="/issuers">issuer registry</a>. The
          signature shows which key signed it, not who holds that key.
        </p>
      );
  }
}
