import { type CredentialSummary, isRecord, issuerIdOf, type JsonRecord } from "./types.ts";

/** What a verifier page shows about a credential; read defensively since the input may be anything. */
export function summarize(credential: JsonRecord, format: "ldp" | "jwt"): CredentialSummary {
  const issuer = credential.issuer;
  const subject = isRecord(credential.credentialSubject) ? credential.credentialSubject : {};
  const achievement = isRecord(subject.achievement) ? subject.achievement : undefined;
  const types = Array.isArray(credential.type)
    ? credential.type.filter((t): t is string => typeof t === "string")
    : [];
  const summary: CredentialSummary = {
    format,
    types,
    issuer: {
      ...optional("id", issuerIdOf(credential)),
      ...optional("name", isRecord(issuer) ? issuer.name : undefined),
    },
    ...optional("id", credential.id),
    ...optional("name", credential.name),
    ...optional("validFrom", credential.validFrom ?? credential.issuanceDate),
    ...optional("validUntil", credential.validUntil ?? credential.expirationDate),
  };
  if (achievement)
    summary.achievement = { ...optional("id", achievement.id), ...optional("name", achievement.name) };
  if (typeof subject.id === "string") summary.subject = subject.id;
  else if (Array.isArray(subject.identifier)) summary.subject = "hashed identifier";
  return summary;
}

function optional<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === "string" ? ({ [key]: value } as Record<K, string>) : {};
}
