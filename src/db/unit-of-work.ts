import type { JobQueue, Repositories, UnitOfWork } from "../app/ports.ts";
import { type Database, type Db, type ExecuteSql, executeSqlOn } from "./client.ts";
import { accreditationRepository } from "./repositories/accreditations.ts";
import { achievementRepository } from "./repositories/achievements.ts";
import { analyticsRepository } from "./repositories/analytics.ts";
import { apiKeyRepository } from "./repositories/api-keys.ts";
import { auditLog, outboxRepository } from "./repositories/audit-and-outbox.ts";
import { auditReader } from "./repositories/audit-read.ts";
import { awardBatchRepository } from "./repositories/award-batches.ts";
import { awardRepository } from "./repositories/awards.ts";
import { badgeImageRepository } from "./repositories/badge-images.ts";
import { catalogRepository } from "./repositories/catalog.ts";
import { courseRepository } from "./repositories/courses.ts";
import {
  issuedCredentialRepository,
  issuerKeyRepository,
  statusListRepository,
} from "./repositories/credentials.ts";
import { enrolmentRepository } from "./repositories/enrolments.ts";
import { goalRepository } from "./repositories/goals.ts";
import { invitationRepository } from "./repositories/invitations.ts";
import { membershipRepository, organizationRepository } from "./repositories/organizations.ts";
import { pathwayRepository } from "./repositories/pathways.ts";
import { peerReviewRepository } from "./repositories/peer-reviews.ts";
import { quizAttemptRepository } from "./repositories/quiz-attempts.ts";
import { skillRepository } from "./repositories/skills.ts";
import { submissionRepository } from "./repositories/submissions.ts";
import { talentRepository } from "./repositories/talent.ts";
import { talentContactRepository } from "./repositories/talent-contacts.ts";
import {
  oneTimeTokenRepository,
  sessionRepository,
  signInAttemptRepository,
  userRepository,
} from "./repositories/users.ts";
import { walletRepository } from "./repositories/wallet.ts";
import { workforceRepository } from "./repositories/workforce.ts";

/** A job queue that writes through the given connection, so queued jobs share its transaction. */
export type JobQueueFactory = (executeSql: ExecuteSql) => JobQueue;

export const repositoriesOn = (db: Db, jobs: JobQueue): Repositories => ({
  users: userRepository(db),
  sessions: sessionRepository(db),
  oneTimeTokens: oneTimeTokenRepository(db),
  signInAttempts: signInAttemptRepository(db),
  organizations: organizationRepository(db),
  memberships: membershipRepository(db),
  invitations: invitationRepository(db),
  apiKeys: apiKeyRepository(db),
  audit: auditLog(db),
  auditTrail: auditReader(db),
  outbox: outboxRepository(db),
  issuerKeys: issuerKeyRepository(db),
  statusLists: statusListRepository(db),
  issuedCredentials: issuedCredentialRepository(db),
  achievements: achievementRepository(db),
  awards: awardRepository(db),
  skills: skillRepository(db),
  badgeImages: badgeImageRepository(db),
  awardBatches: awardBatchRepository(db),
  wallet: walletRepository(db),
  pathways: pathwayRepository(db),
  talent: talentRepository(db),
  accreditations: accreditationRepository(db),
  analytics: analyticsRepository(db),
  workforce: workforceRepository(db),
  talentContacts: talentContactRepository(db),
  catalog: catalogRepository(db),
  courses: courseRepository(db),
  enrolments: enrolmentRepository(db),
  peerReviews: peerReviewRepository(db),
  submissions: submissionRepository(db),
  quizAttempts: quizAttemptRepository(db),
  goals: goalRepository(db),
  jobs,
});

export const createUnitOfWork =
  (database: Database, jobQueue: JobQueueFactory): UnitOfWork =>
  (work) =>
    database.db.transaction((tx) => work(repositoriesOn(tx, jobQueue(executeSqlOn(tx)))));
