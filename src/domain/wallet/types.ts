import type { AwardStatus } from "../awards/award-request.ts";

export type WalletItemKind = "ob3" | "clr" | "ob2";
export type WalletCheck = { id: string; status: "passed" | "failed" | "skipped"; message: string };

/** What the wallet shows of a credential without re-reading the signed document. */
export type WalletDisplay = {
  name: string;
  description?: string | undefined;
  issuerName?: string | undefined;
  issuerId?: string | undefined;
  image?: string | undefined;
  issuedOn?: string | undefined;
  expiresOn?: string | undefined;
  /** The achievement's id: for Cairn's, the address of its public page. */
  achievementUrl?: string | undefined;
  credentialId?: string | undefined;
  /** For imports: a digest of exactly what was imported, so the same file is not kept twice. */
  importDigest?: string | undefined;
  skills?: string[] | undefined;
  /** A CLR's embedded achievements. */
  achievements?: { name: string; description?: string | undefined }[] | undefined;
};

export type WalletItem = {
  id: string;
  userId: string;
  awardId: string | null;
  kind: WalletItemKind;
  format: string;
  /** Exactly what was imported; null for a Cairn award, whose signed document stays with the issuer's record. */
  document: { original: string | Record<string, unknown> } | null;
  display: WalletDisplay;
  importChecks: WalletCheck[] | null;
  /** For imports: whether the credential names this learner (one of their emails or their DID). */
  subjectMatches: boolean | null;
  hidden: boolean;
  collection: string | null;
  addedAt: Date;
};

/** A wallet item with the lifecycle its issuer keeps, for Cairn awards. */
export type WalletEntry = WalletItem & {
  award: {
    status: AwardStatus;
    statusReason: string | null;
    validUntil: Date | null;
    credentialId: string;
    organizationId: string;
  } | null;
};

export type ShareKind = "public" | "link";
export type WalletShare = {
  id: string;
  itemId: string;
  kind: ShareKind;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export type LearnerProfile = {
  userId: string;
  handle: string;
  headline: string | null;
  enabled: boolean;
  updatedAt: Date;
};

export type UserEmail = {
  id: string;
  userId: string;
  email: string;
  verifiedAt: Date | null;
  createdAt: Date;
};

export type LearnerKey = {
  userId: string;
  did: string;
  publicKeyMultibase: string;
  sealedSecretKey: string;
  createdAt: Date;
};

/** Where a credential stands when shown: the issuer's lifecycle, then its validity dates. */
export type HeldStatus = "valid" | "expired" | "revoked" | "suspended" | "unverified";

export function heldStatus(entry: WalletEntry, now: Date): HeldStatus {
  if (entry.award) {
    if (entry.award.status === "revoked") return "revoked";
    if (entry.award.status === "suspended") return "suspended";
    if (entry.award.validUntil && entry.award.validUntil <= now) return "expired";
    return "valid";
  }
  const expires = entry.display.expiresOn ? new Date(entry.display.expiresOn) : undefined;
  if (expires && expires <= now) return "expired";
  const checks = entry.importChecks ?? [];
  if (checks.some((check) => check.id === "status" && check.status === "failed")) return "revoked";
  return checks.some((check) => check.status === "failed") ? "unverified" : "valid";
}

/** Whether a share still opens its public page. */
export function shareOpen(share: WalletShare, now: Date): "open" | "expired" | "revoked" {
  if (share.revokedAt) return "revoked";
  if (share.expiresAt && share.expiresAt <= now) return "expired";
  return "open";
}

/** What a PDF certificate prints. */
export type CertificateInput = {
  learnerName: string;
  achievementName: string;
  achievementDescription?: string | undefined;
  issuerName: string;
  issuedOn: Date;
  expiresOn?: Date | undefined;
  /** Shown small at the bottom. */
  credentialId: string;
  /** Encoded in the QR code and printed as text. */
  verifyUrl: string;
  /** Always landscape. */
  pageSize: "A4" | "Letter";
  /** The issuer's "#rrggbb"; anything else gives the default dark teal. */
  brandColor?: string | undefined;
  /** The badge image, drawn above the heading if given. */
  badgePng?: Uint8Array | undefined;
  /** E.g. EQF level, workload, ECTS: printed as a small table. */
  euFacts?: { label: string; value: string }[] | undefined;
};

/** An imported credential as read and verified, before it is stored. */
export type ImportOutcome =
  | {
      ok: true;
      kind: WalletItemKind;
      format: string;
      verified: boolean;
      checks: WalletCheck[];
      original: string | Record<string, unknown>;
      display: {
        name: string;
        description?: string | undefined;
        issuerName?: string | undefined;
        issuerId?: string | undefined;
        image?: string | undefined;
        issuedOn?: string | undefined;
        expiresOn?: string | undefined;
        recipient?:
          | { identity: string; hashed: boolean; salt?: string | undefined; type: string }
          | undefined;
        subjectId?: string | undefined;
        achievements?: { name: string; description?: string | undefined }[] | undefined;
      };
    }
  | { ok: false; message: string };
