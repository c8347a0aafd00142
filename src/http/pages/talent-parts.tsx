import type { TalentSearchQuery } from "../../app/talent/inputs.ts";
import type { CredentialSummary } from "../../domain/talent/credential-summaries.ts";
import { longDate } from "./wallet-parts.tsx";

export const dateOf = (d: Date | null) => (d ? longDate(d.toISOString()) : undefined);

/** Held credentials as talent search shows them: name, issuer, date, level, evidence and the skills they carry. */
export function CredentialSummaries({
  credentials,
  headingLevel = 3,
}: {
  credentials: readonly CredentialSummary[];
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <ul class="talent-credentials">
      {credentials.map((c) => (
        <li>
          <Heading>{c.achievementName}</Heading>
          <p>
            {c.issuerName ?? c.issuerDid ?? "Unknown issuer"}
            {c.issuedAt ? ` · issued ${dateOf(c.issuedAt)}` : ""}
            {c.validUntil ? ` · valid until ${dateOf(c.validUntil)}` : ""}
            {c.eqfLevel ? ` · EQF level ${c.eqfLevel}` : ""}
          </p>
          {c.evidence ? (
            <p class="evidence">
              <span class="visually-hidden">Evidence: </span>
              {c.evidence}
            </p>
          ) : null}
          <ul class="skill-list" aria-label={`Skills of ${c.achievementName}`}>
            {c.skills.map((s) => (
              <li class="tag">{s}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** The query string of a search, for links that keep it (pages, the way back from a candidate). */
export function searchString(q: Partial<TalentSearchQuery>, offset?: number): string {
  const params = new URLSearchParams();
  if (q.skill) params.set("skill", q.skill);
  if (q.achievement) params.set("achievement", q.achievement);
  if (q.issuer) params.set("issuer", q.issuer);
  if (q.accredited) params.set("accredited", "yes");
  if (q.level !== undefined) params.set("level", String(q.level));
  if (q.months !== undefined) params.set("months", String(q.months));
  if (q.limit !== undefined && q.limit !== 20) params.set("limit", String(q.limit));
  const at = offset ?? q.offset ?? 0;
  if (at > 0) params.set("offset", String(at));
  const text = params.toString();
  return text ? `?${text}` : "";
}
