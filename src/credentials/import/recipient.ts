import { createHash } from "node:crypto";

// Does a badge name this learner? OB 2.0 `recipient` ({type: "email", hashed, salt, identity}) and
// OB 3.0 IdentityObject ({identityType: "emailAddress", hashed, salt, identityHash}) store an email
// either plainly or as "sha256$<hex>" / "md5$<hex>" of the email with the salt appended.

export type RecipientIdentity =
  | { identity: string; hashed?: boolean; salt?: string | undefined; type?: string }
  | { identityHash: string; hashed?: boolean; salt?: string | undefined; identityType?: string };

const EMAIL_TYPES = new Set(["email", "emailaddress"]);
const ALGORITHMS = new Set(["sha256", "md5"]);

/** True when the recipient is any of these emails (compared lowercased and trimmed). Never throws. */
export function recipientMatches(recipient: RecipientIdentity, emails: string[]): boolean {
  const identity = "identity" in recipient ? recipient.identity : recipient.identityHash;
  const type = "identity" in recipient ? recipient.type : recipient.identityType;
  if (typeof identity !== "string" || identity.trim() === "") return false;
  if (type !== undefined && !EMAIL_TYPES.has(type.toLowerCase())) return false;
  const candidates = emails.flatMap((email) => {
    const trimmed = String(email).trim();
    return trimmed === "" ? [] : [...new Set([trimmed.toLowerCase(), trimmed])];
  });
  if (recipient.hashed !== true) {
    const plain = identity.trim().toLowerCase();
    return candidates.some((email) => email.toLowerCase() === plain);
  }
  const separator = identity.indexOf("$");
  const algorithm = identity.slice(0, separator).toLowerCase();
  const expected = identity
    .slice(separator + 1)
    .trim()
    .toLowerCase();
  if (separator < 0 || !ALGORITHMS.has(algorithm) || !/^[0-9a-f]+$/.test(expected)) return false;
  const salt = recipient.salt ?? "";
  return candidates.some(
    (email) =>
      createHash(algorithm)
        .update(email + salt, "utf8")
        .digest("hex") === expected,
  );
}
