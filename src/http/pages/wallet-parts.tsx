import { achievementFacts, achievementLists } from "../../domain/wallet/credential-display.ts";
import type { HeldStatus, WalletCheck } from "../../domain/wallet/types.ts";

const STATUS_LABELS: Record<HeldStatus, string> = {
  valid: "Valid",
  expired: "Expired",
  revoked: "Revoked",
  suspended: "Suspended",
  unverified: "Not verified",
};

export const StatusTag = ({ status }: { status: HeldStatus }) => (
  <span class={`tag tag-${status}`}>{STATUS_LABELS[status]}</span>
);

const CHECK_NAMES: Record<string, string> = {
  format: "Format",
  proof: "Signature",
  issuer: "Issuer",
  validity: "Dates",
  status: "Not revoked or suspended",
  nested: "Credentials inside",
  trust: "Issuer trust",
  assertion: "Assertion",
  revocation: "Not revoked",
  badge: "Badge class",
  origin: "Hosted by the issuer",
  signature: "Signature",
  key: "Issuer's key",
  "clr.credentials": "Credentials inside",
};
/** A check's name for people, for every check id a verifier or an import reports. */
export const checkName = (id: string) =>
  CHECK_NAMES[id] ??
  (id.startsWith("clr.credential.") ? `Credential ${id.slice("clr.credential.".length)}` : id);
const MARKS = { passed: "✓ Passed", failed: "✗ Failed", skipped: "– Skipped" };

/** The result of verifying a credential, one named check per row, as a verifier would read it. */
export function VerificationPanel(props: {
  verified: boolean;
  checks: readonly WalletCheck[];
  checkedAt: Date;
}) {
  return (
    <section
      class={`verification ${props.verified ? "verified" : "not-verified"}`}
      aria-labelledby="verification-title"
    >
      <h2 id="verification-title">{props.verified ? "Verified" : "Not verified"}</h2>
      <p class="hint">
        Checked {props.checkedAt.toISOString().replace("T", " ").slice(0, 16)} UTC, when this page was opened.
      </p>
      <table>
        <caption class="visually-hidden">Verification checks</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Result</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {props.checks.map((check) => (
            <tr>
              <th scope="row">{checkName(check.id)}</th>
              <td class={`check-${check.status}`}>{MARKS[check.status]}</td>
              <td>{check.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "23 November 2026" for an ISO date, or undefined. */
export const longDate = (iso: string | undefined) => {
  const date = iso ? new Date(iso) : undefined;
  return date && !Number.isNaN(date.getTime())
    ? date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
    : undefined;
};

/** LinkedIn's "Add licence or certification" and "Share" links, filled in from the credential. */
export function linkedInLinks(input: {
  name: string;
  issuerName?: string | undefined;
  issuedOn?: string | undefined;
  expiresOn?: string | undefined;
  credentialId?: string | undefined;
  url: string;
}) {
  const add = new URL("https://www.linkedin.com/profile/add");
  add.searchParams.set("startTask", "CERTIFICATION_NAME");
  add.searchParams.set("name", input.name);
  if (input.issuerName) add.searchParams.set("organizationName", input.issuerName);
  const issued = input.issuedOn ? new Date(input.issuedOn) : undefined;
  if (issued && !Number.isNaN(issued.getTime())) {
    add.searchParams.set("issueYear", String(issued.getUTCFullYear()));
    add.searchParams.set("issueMonth", String(issued.getUTCMonth() + 1));
  }
  const expires = input.expiresOn ? new Date(input.expiresOn) : undefined;
  if (expires && !Number.isNaN(expires.getTime())) {
    add.searchParams.set("expirationYear", String(expires.getUTCFullYear()));
    add.searchParams.set("expirationMonth", String(expires.getUTCMonth() + 1));
  }
  add.searchParams.set("certUrl", input.url);
  if (input.credentialId) add.searchParams.set("certId", input.credentialId);
  const share = new URL("https://www.linkedin.com/sharing/share-offsite/");
  share.searchParams.set("url", input.url);
  return { add: add.toString(), share: share.toString() };
}

const escapeHtml = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] ?? c);

/** A self-contained HTML snippet for a web page: the badge and a link to the credential's public page. */
export const embedSnippet = (input: {
  url: string;
  image: string;
  name: string;
  issuerName?: string | undefined;
}) =>
  `<a href="${escapeHtml(input.url)}" style="display:inline-flex;align-items:center;gap:8px;text-decoration:none">` +
  `<img src="${escapeHtml(input.image)}" alt="${escapeHtml(input.name)}" width="64" height="64">` +
  `<span>${escapeHtml(input.name)}${input.issuerName ? ` · ${escapeHtml(input.issuerName)}` : ""}<br><small>Verified credential</small></span></a>`;

/**
 * What a credential says about its achievement: outcomes, criteria, skills, a CLR's achievements and the EU facts.
 * Shared by the holder's page and the public page, so both read the same.
 */
export function AchievementDetails(props: {
  achievement: unknown;
  recordAchievements?: { name: string }[] | undefined;
}) {
  const lists = achievementLists(props.achievement);
  const facts = achievementFacts(props.achievement);
  return (
    <>
      {lists.outcomes.length ? (
        <>
          <h2>Learning outcomes</h2>
          <ul>
            {lists.outcomes.map((o) => (
              <li>{o}</li>
            ))}
          </ul>
        </>
      ) : null}
      {lists.criteria ? (
        <>
          <h2>How it was earned</h2>
          <p>{lists.criteria}</p>
        </>
      ) : null}
      {lists.skills.length ? (
        <>
          <h2>Skills</h2>
          <ul>
            {lists.skills.map((s) => (
              <li>
                {s.url ? <a href={s.url}>{s.name}</a> : s.name}
                {s.framework ? ` (${s.framework})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.recordAchievements?.length ? (
        <>
          <h2>Achievements in this record</h2>
          <ul>
            {props.recordAchievements.map((a) => (
              <li>{a.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      {facts.length ? (
        <>
          <h2>About this micro-credential</h2>
          <dl class="facts">
            {facts.map((f) => (
              <>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </>
            ))}
          </dl>
        </>
      ) : null}
    </>
  );
}
