import type { ApiKeyScope, OrganizationRole } from "./roles.ts";
import type { IssuerTrust } from "./trust/accreditation.ts";

export type User = {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  emailVerifiedAt: Date | null;
  isPlatformAdmin: boolean;
  createdAt: Date;
};

export type OrganizationProfile = {
  name: string;
  website: string | null;
  contactEmail: string | null;
  country: string | null;
  region: string | null;
  description: string | null;
};

export type CredentialFormat = "ldp" | "jwt";

export type Organization = OrganizationProfile & {
  id: string;
  slug: string;
  credentialFormat: CredentialFormat;
  hasLogo: boolean;
  /** When a platform admin made it an accreditation body; null for every other organization. */
  accreditorSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type Logo = { bytes: Uint8Array; contentType: string };

export type Membership = { organizationId: string; userId: string; role: OrganizationRole; createdAt: Date };
export type Member = Membership & { email: string; name: string };

export type Invitation = {
  id: string;
  organizationId: string;
  email: string;
  role: OrganizationRole;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
};

export type ApiKey = {
  id: string;
  organizationId: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Who is asking: a signed-in person or an organization's API key. Use cases authorize against it. */
export type Actor =
  | { kind: "user"; userId: string; isPlatformAdmin: boolean }
  | { kind: "api_key"; apiKeyId: string; organizationId: string; scopes: ApiKeyScope[] }
  /** Cairn itself, acting on a rule an organization set (a pathway's automatic award). Never authorized by role. */
  | { kind: "system"; reason: string };

export type MailMessage = { to: string; subject: string; text: string; html?: string | undefined };

export type OutboxEntry = MailMessage & {
  id: string;
  transport: "outbox" | "smtp";
  createdAt: Date;
  deliveredAt: Date | null;
};

/** One of an organization's signing keys; the secret stays sealed under the master key. */
export type IssuerKey = {
  organizationId: string;
  keyId: string;
  publicKeyMultibase: string;
  secretKeySealed: string;
  status: "active" | "retired";
  createdAt: Date;
  retiredAt: Date | null;
};

export type StatusPurpose = "revocation" | "suspension";

export type StatusList = {
  id: string;
  organizationId: string;
  purpose: StatusPurpose;
  length: number;
  bits: Uint8Array;
  version: number;
  allocated: number;
  published: Record<string, unknown> | null;
  publishedVersion: number | null;
  publishedAt: Date | null;
  createdAt: Date;
};

export type IssuedCredential = {
  id: string;
  organizationId: string;
  format: CredentialFormat;
  document: Record<string, unknown>;
  statusListId: string | null;
  statusIndex: number | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  createdAt: Date;
};

export type VerificationCheck = { id: string; status: "passed" | "failed" | "skipped"; message: string };
export type VerificationReport = {
  verified: boolean;
  checks: VerificationCheck[];
  credential?: Record<string, unknown> | undefined;
  credentials?: VerificationReport[] | undefined;
  /** How this Cairn's registry regards the issuer (added by the app's verifier). */
  trust?: IssuerTrust | undefined;
};
