import type { Definition } from "../domain/achievements/definition.ts";
import type { Achievement, AchievementVersion } from "../domain/achievements/types.ts";
import type { Award, AwardStatus } from "../domain/awards/award-request.ts";
import type { BadgeImage, BadgeImageSummary } from "../domain/badge-images/types.ts";
import type { OrganizationRole } from "../domain/roles.ts";
import type { SkillFramework, SkillHit, SkillRecord } from "../domain/skills/types.ts";
import type {
  ApiKey,
  CredentialFormat,
  Invitation,
  IssuedCredential,
  IssuerKey,
  Logo,
  MailMessage,
  Member,
  Membership,
  Organization,
  OrganizationProfile,
  OutboxEntry,
  StatusList,
  StatusPurpose,
  User,
  VerificationReport,
} from "../domain/types.ts";
import type { AwardBatch, AwardBatchReportRow, AwardBatchRow } from "./awards/batches/batch-types.ts";
import type { CatalogRepository } from "./catalog-ports.ts";
import type { CredentialEngine } from "./credential-ports.ts";
import type { CourseRepository, EnrolmentRepository, QuizAttemptRepository } from "./earning-ports.ts";
import type {
  AccreditationRepository,
  AnalyticsRepository,
  TalentContactRepository,
  TalentRepository,
  WorkforceRepository,
} from "./employer-ports.ts";
import type { FileStore } from "./file-ports.ts";
import type { GoalRepository } from "./goal-ports.ts";
import type { PathwayRepository, WalletRepository } from "./learner-ports.ts";
import type { PeerReviewRepository } from "./peer-review-ports.ts";
import type { SubmissionRepository } from "./project-ports.ts";

export type * from "./catalog-ports.ts";
export type * from "./credential-ports.ts";
export type * from "./earning-ports.ts";
export type * from "./employer-ports.ts";
export type * from "./file-ports.ts";
export type * from "./goal-ports.ts";
export type {
  CredentialFiles,
  CredentialImporter,
  PathwayRepository,
  WalletRepository,
} from "./learner-ports.ts";
export type * from "./peer-review-ports.ts";
export type * from "./project-ports.ts";

export type UserRepository = {
  findById(id: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  insert(user: User): Promise<void>;
  update(
    id: string,
    changes: Partial<Pick<User, "name" | "passwordHash" | "emailVerifiedAt" | "isPlatformAdmin">>,
  ): Promise<void>;
  count(): Promise<number>;
  /** Deletes the account and, by cascade, its sessions, memberships, wallet, addresses, key and profile. */
  delete(id: string): Promise<void>;
};

export type SessionRepository = {
  insert(session: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  findUser(tokenHash: string, now: Date): Promise<User | undefined>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
};

export type OneTimeTokenPurpose = "verify_email" | "reset_password" | `verify_address:${string}`;
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
  update(
    id: string,
    profile: OrganizationProfile & { credentialFormat: CredentialFormat },
    now: Date,
  ): Promise<void>;
  setLogo(id: string, logo: Logo | null, now: Date): Promise<void>;
  setAccreditor(id: string, since: Date | null): Promise<void>;
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
/** Reading the append-only audit log: there is deliberately no way to change or delete an event. */
export type AuditEntry = AuditEvent & { id: number; actorName: string | null };
export type AuditReader = {
  list(organizationId: string, page: { limit: number; offset: number }): Promise<AuditEntry[]>;
};

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

export type IssuerKeyRepository = {
  list(organizationId: string): Promise<IssuerKey[]>;
  insert(key: IssuerKey): Promise<void>;
  retire(organizationId: string, keyId: string, now: Date): Promise<void>;
};

/** What allocating an index needs of a list: not its bits or its signed copy. */
export type OpenStatusList = { id: string; length: number; allocated: number };

export type StatusListRepository = {
  /** The newest list of this purpose that is under half full, locked for this transaction. */
  openList(organizationId: string, purpose: StatusPurpose): Promise<OpenStatusList | undefined>;
  insert(list: StatusList): Promise<void>;
  /** Loads and locks the list row for this transaction (FOR UPDATE). */
  lock(id: string): Promise<StatusList | undefined>;
  find(id: string): Promise<StatusList | undefined>;
  /** Records an index as used and counts it; false when it already was (the caller draws again). */
  claimIndex(statusListId: string, index: number, credentialId: string): Promise<boolean>;
  saveBits(id: string, bits: Uint8Array, version: number): Promise<void>;
  savePublished(id: string, published: Record<string, unknown>, version: number, at: Date): Promise<void>;
};

export type IssuedCredentialRepository = {
  insert(credential: IssuedCredential): Promise<void>;
  find(organizationId: string, id: string): Promise<IssuedCredential | undefined>;
  findByIdempotencyKey(organizationId: string, key: string): Promise<IssuedCredential | undefined>;
};

export type PublishedAchievement = {
  organizationId: string;
  id: string;
  name: string;
  qualityAssurance: string | undefined;
};

export type AchievementRepository = {
  insert(achievement: Achievement, version: AchievementVersion): Promise<void>;
  find(organizationId: string, id: string): Promise<Achievement | undefined>;
  /** Any organization's achievement, for public pages: callers show only published versions. */
  findAnywhere(id: string): Promise<Achievement | undefined>;
  list(organizationId: string): Promise<(Achievement & { name: string })[]>;
  /** Published micro-credentials as published (name and stated quality assurance), of these organizations or all. */
  listPublished(organizationIds?: readonly string[]): Promise<PublishedAchievement[]>;
  version(id: string, version: number): Promise<AchievementVersion | undefined>;
  insertVersion(version: AchievementVersion): Promise<void>;
  replaceDraft(id: string, version: number, definition: Definition): Promise<void>;
  update(
    id: string,
    changes: Partial<Pick<Achievement, "status" | "latestVersion" | "publishedVersion" | "updatedAt">>,
  ): Promise<void>;
  markPublished(id: string, version: number, at: Date): Promise<void>;
};

/** Skill frameworks and their skills: the starter catalog has no organization; searches see it plus one org's own. */
export type SkillRepository = {
  /** Inserts the framework unless one with this id exists. */
  ensureFramework(framework: SkillFramework): Promise<void>;
  findFrameworkByName(organizationId: string, name: string): Promise<SkillFramework | undefined>;
  /** The starter catalog and this organization's frameworks, with their skill counts. */
  listFrameworks(organizationId: string): Promise<(SkillFramework & { skillCount: number })[]>;
  /** Inserts or updates (by framework and code) every skill; returns how many rows were written. */
  upsertSkills(frameworkId: string, skills: readonly (SkillRecord & { id: string })[]): Promise<number>;
  search(organizationId: string | null, query: string, limit: number): Promise<SkillHit[]>;
};

export type BadgeImageRepository = {
  insert(image: BadgeImage): Promise<void>;
  list(organizationId: string): Promise<BadgeImageSummary[]>;
  /** Any organization's image: images are public. */
  find(id: string): Promise<BadgeImage | undefined>;
};

export type AwardFilter = {
  achievementId?: string | undefined;
  status?: AwardStatus | undefined;
  batchId?: string | undefined;
  query?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

export type AwardRepository = {
  insert(award: Award): Promise<void>;
  /** The award an idempotency key already produced for this achievement version and recipient. */
  findByKey(
    achievementId: string,
    version: number,
    recipient: string,
    idempotencyKey: string,
  ): Promise<Award | undefined>;
  find(organizationId: string, id: string): Promise<Award | undefined>;
  findByCredential(credentialId: string): Promise<Award | undefined>;
  findByClaimToken(tokenHash: string): Promise<Award | undefined>;
  list(organizationId: string, filter: AwardFilter): Promise<Award[]>;
  update(
    id: string,
    changes: Partial<Pick<Award, "status" | "statusReason" | "claimedAt" | "reminderSentAt" | "validUntil">>,
  ): Promise<void>;
  countByStatus(organizationId: string): Promise<{ status: string; claimed: number; n: number }[]>;
  /** Awards that renew (replace) this one. */
  listReplacing(organizationId: string, awardId: string): Promise<Award[]>;
  /** Per definition: issued, claimed, revoked, suspended, and active ones expiring in [now, soon]. */
  statsByAchievement(organizationId: string, now: Date, soon: Date): Promise<AwardStats[]>;
  /** Awards issued per UTC month ("YYYY-MM") since the given date. */
  countByMonth(organizationId: string, since: Date): Promise<{ month: string; n: number }[]>;
  /** Active awards whose validity ended in (from, to]: credentials that just expired. */
  expiredBetween(from: Date, to: Date): Promise<Award[]>;
  /** Every award to one of these recipients (lower-cased addresses or DIDs), in any organization. */
  findByRecipients(recipients: readonly string[]): Promise<Award[]>;
  /** Any organization's active email awards expiring in (now, until] without a reminder yet, oldest expiry first. */
  dueForReminder(now: Date, until: Date, limit: number): Promise<Award[]>;
};

export type AwardStats = {
  achievementId: string;
  issued: number;
  claimed: number;
  revoked: number;
  suspended: number;
  expiring: number;
};

/** Bulk awards (CSV, API): the batch, its validated rows, and each row's outcome. */
export type AwardBatchRepository = {
  insert(batch: AwardBatch): Promise<void>;
  /** Inserts the rows in chunks (1,000 per statement). */
  insertRows(batchId: string, rows: readonly AwardBatchRow[]): Promise<void>;
  find(organizationId: string, id: string): Promise<AwardBatch | undefined>;
  /** Loads and locks the batch for this transaction (FOR UPDATE): one worker at a time per batch. */
  lock(id: string): Promise<AwardBatch | undefined>;
  /** Rows after `afterRow` with neither an award nor an error yet, in row order. */
  pendingRows(
    batchId: string,
    afterRow: number,
    limit: number,
  ): Promise<Pick<AwardBatchRow, "row" | "data">[]>;
  completeRow(batchId: string, row: number, result: { awardId: string } | { error: string }): Promise<void>;
  update(
    id: string,
    changes: Partial<
      Pick<AwardBatch, "status" | "total" | "issued" | "failed" | "processedThrough" | "finishedAt">
    >,
  ): Promise<void>;
  /** Rows after `afterRow` in order, with the credential each award produced (for reports). */
  rows(
    batchId: string,
    page: { afterRow: number; limit: number; errorsOnly?: boolean },
  ): Promise<AwardBatchReportRow[]>;
  countErrors(batchId: string): Promise<number>;
};

/** Renders an SVG document to a PNG of the given width (resvg in production). */
export type SvgRasterizer = { toPng(svg: string, width: number): Uint8Array };

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
  auditTrail: AuditReader;
  outbox: OutboxRepository;
  issuerKeys: IssuerKeyRepository;
  statusLists: StatusListRepository;
  issuedCredentials: IssuedCredentialRepository;
  achievements: AchievementRepository;
  awards: AwardRepository;
  skills: SkillRepository;
  badgeImages: BadgeImageRepository;
  awardBatches: AwardBatchRepository;
  wallet: WalletRepository;
  pathways: PathwayRepository;
  talent: TalentRepository;
  accreditations: AccreditationRepository;
  analytics: AnalyticsRepository;
  workforce: WorkforceRepository;
  talentContacts: TalentContactRepository;
  catalog: CatalogRepository;
  courses: CourseRepository;
  enrolments: EnrolmentRepository;
  peerReviews: PeerReviewRepository;
  submissions: SubmissionRepository;
  quizAttempts: QuizAttemptRepository;
  goals: GoalRepository;
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

export type Verifier = {
  verify(input: unknown, options?: { acceptAnyCredential?: boolean }): Promise<VerificationReport>;
};

export type AppDeps = {
  uow: UnitOfWork;
  clock: () => Date;
  newId: () => string;
  secrets: Secrets;
  passwords: PasswordHasher;
  publicUrl: string;
  credentials: CredentialEngine;
  /** A uniformly random 32-bit unsigned integer (status-list index draws). */
  randomUint32: () => number;
  /** Where submitted files are kept (on disk under the data folder). */
  fileStore: FileStore;
};
