import type { OrganizationRole } from "../domain/roles.ts";
import type {
  ApiKey,
  Invitation,
  Logo,
  MailMessage,
  Member,
  Membership,
  Organization,
  OrganizationProfile,
  OutboxEntry,
  User,
} from "../domain/types.ts";

export type UserRepository = {
  findById(id: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  insert(user: User): Promise<void>;
  update(
    id: string,
    changes: Partial<Pick<User, "name" | "passwordHash" | "emailVerifiedAt" | "isPlatformAdmin">>,
  ): Promise<void>;
  count(): Promise<number>;
};

export type SessionRepository = {
  insert(session: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  findUser(tokenHash: string, now: Date): Promise<User | undefined>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
};

export type OneTimeTokenPurpose = "verify_email" | "reset_password";
export type OneTimeTokenRepository = {
  insert(token: {
    tokenHash: string;
    purpose: OneTimeTokenPurpose;
    userId: string;
    createdAt: Date;
    expiresAt: Date;
  }): Promise<void>;
  /** Marks the token used and returns its user, only if it exists, has this purpose, is unexpired and unused. */
  consume(tokenHash: string, purpose: OneTimeTokenPurpose, now: Date): Promise<string | undefined>;
};

export type SignInAttemptRepository = {
  record(attempt: { email: string; ip: string; succeeded: boolean; at: Date }): Promise<void>;
  countFailures(by: { email: string } | { ip: string }, since: Date): Promise<number>;
};

export type OrganizationRepository = {
  insert(organization: Organization): Promise<void>;
  findById(id: string): Promise<Organization | undefined>;
  findBySlug(slug: string): Promise<Organization | undefined>;
  update(id: string, profile: OrganizationProfile, now: Date): Promise<void>;
  setLogo(id: string, logo: Logo | null, now: Date): Promise<void>;
  getLogo(slug: string): Promise<Logo | undefined>;
  listForUser(userId: string): Promise<(Organization & { role: OrganizationRole })[]>;
  listAll(): Promise<Organization[]>;
};

export type MembershipRepository = {
  insert(membership: Membership): Promise<void>;
  find(organizationId: string, userId: string): Promise<Membership | undefined>;
  list(organizationId: string): Promise<Member[]>;
  updateRole(organizationId: string, userId: string, role: OrganizationRole): Promise<void>;
  delete(organizationId: string, userId: string): Promise<void>;
  countOwners(organizationId: string): Promise<number>;
};

export type InvitationRepository = {
  insert(invitation: Invitation & { tokenHash: string }): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<Invitation | undefined>;
  findById(organizationId: string, id: string): Promise<Invitation | undefined>;
  listOpen(organizationId: string, now: Date): Promise<Invitation[]>;
  /** Revokes any open invitation for this address in this organization (a new one replaces it). */
  revokeOpen(organizationId: string, email: string, now: Date): Promise<void>;
  markAccepted(id: string, now: Date): Promise<boolean>;
  revoke(organizationId: string, id: string, now: Date): Promise<boolean>;
};

export type ApiKeyRepository = {
  insert(key: ApiKey & { secretHash: string }): Promise<void>;
  list(organizationId: string): Promise<ApiKey[]>;
  findByPrefix(prefix: string): Promise<(ApiKey & { secretHash: string }) | undefined>;
  revoke(organizationId: string, id: string, now: Date): Promise<boolean>;
  touch(id: string, now: Date): Promise<void>;
};

export type AuditEvent = {
  organizationId: string | null;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: string;
  subject: string | null;
  data: Record<string, unknown>;
  at: Date;
};
export type AuditLog = { record(event: AuditEvent): Promise<void> };

export type OutboxRepository = {
  /** Inserts the message unless one with this key exists; true when inserted. */
  insertOnce(entry: OutboxEntry & { idempotencyKey: string }): Promise<boolean>;
  findByKey(idempotencyKey: string): Promise<OutboxEntry | undefined>;
  markDelivered(id: string, at: Date): Promise<void>;
  list(limit: number): Promise<OutboxEntry[]>;
};

/** Jobs queued here commit or roll back with the transaction that queued them. */
export type JobQueue = {
  send(name: string, payload: Record<string, unknown>, options?: { singletonKey?: string }): Promise<void>;
};

export type Repositories = {
  users: UserRepository;
  sessions: SessionRepository;
  oneTimeTokens: OneTimeTokenRepository;
  signInAttempts: SignInAttemptRepository;
  organizations: OrganizationRepository;
  memberships: MembershipRepository;
  invitations: InvitationRepository;
  apiKeys: ApiKeyRepository;
  audit: AuditLog;
  outbox: OutboxRepository;
  jobs: JobQueue;
};

/** Runs `work` in one database transaction: its changes, audit records and queued jobs commit together. */
export type UnitOfWork = <T>(work: (r: Repositories) => Promise<T>) => Promise<T>;

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
};

/** Random secrets for links, sessions and API keys, and the one-way digest that is all we store of them. */
export type Secrets = {
  token(bytes?: number): string;
  digest(token: string): string;
  /** Constant-time comparison of a presented secret against a stored digest. */
  matches(token: string, digest: string): boolean;
};

export type Mailer = {
  transport: "outbox" | "smtp";
  send(message: MailMessage & { messageId: string }): Promise<void>;
};

export type AppDeps = {
  uow: UnitOfWork;
  clock: () => Date;
  newId: () => string;
  secrets: Secrets;
  passwords: PasswordHasher;
  publicUrl: string;
};
