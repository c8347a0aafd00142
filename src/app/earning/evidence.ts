import type { Course } from "../../domain/earning/course.ts";
import type { Enrolment } from "../../domain/earning/enrolment.ts";
import type { LearningRecord } from "../../domain/earning/learning-record.ts";
import { DomainError } from "../../domain/errors.ts";
import { roleAllows } from "../../domain/roles.ts";
import { audit } from "../audit.ts";
import type { AppDeps } from "../ports.ts";

export type EvidenceView = {
  enrolment: Enrolment;
  course: Course;
  record: LearningRecord;
  achievementName: string;
  organization: { name: string; slug: string };
  learnerName: string;
  /** Whether the viewer is the learner, who alone may change who sees it. */
  isLearner: boolean;
};

const hidden = () =>
  new DomainError("not_found", "This learning record does not exist, or its learner keeps it private.");

/**
 * The evidence page behind a credential earned on a path: what the learner did. Anyone may read it once the
 * learner makes it public; until then only the learner and the issuer's staff who grade may.
 */
export const getEvidence = (deps: AppDeps, viewerId: string | undefined, enrolmentId: string) =>
  deps.uow(async (r): Promise<EvidenceView> => {
    const enrolment = await r.enrolments.find(enrolmentId);
    if (!enrolment) throw hidden();
    const isLearner = viewerId === enrolment.userId;
    if (!enrolment.evidencePublic && !isLearner) {
      const membership = viewerId ? await r.memberships.find(enrolment.organizationId, viewerId) : undefined;
      if (!membership || !roleAllows(membership.role, "assessments:grade")) throw hidden();
    }
    const [course, record, organization, learner, achievement] = await Promise.all([
      r.courses.find(enrolment.achievementId),
      r.enrolments.record(enrolment.id),
      r.organizations.findById(enrolment.organizationId),
      r.users.findById(enrolment.userId),
      r.achievements.findAnywhere(enrolment.achievementId),
    ]);
    if (!course || !record || !organization || !learner || !achievement) throw hidden();
    const version = await r.achievements.version(
      achievement.id,
      achievement.publishedVersion ?? achievement.latestVersion,
    );
    return {
      enrolment,
      course,
      record,
      achievementName: version?.definition.name ?? "Micro-credential",
      organization: { name: organization.name, slug: organization.slug },
      learnerName: learner.name,
      isLearner,
    };
  });

/** The learner makes their learning record public (for employers following the credential's evidence link) or private. */
export const setEvidenceVisibility = (deps: AppDeps, userId: string, enrolmentId: string, visible: boolean) =>
  deps.uow(async (r) => {
    const enrolment = await r.enrolments.find(enrolmentId);
    if (!enrolment || enrolment.userId !== userId) throw hidden();
    await r.enrolments.update(enrolment.id, { evidencePublic: visible });
    await audit(r, {
      action: visible ? "evidence.published" : "evidence.hidden",
      actor: { kind: "user", userId, isPlatformAdmin: false },
      organizationId: enrolment.organizationId,
      subject: enrolment.id,
      data: {},
      at: deps.clock(),
    });
  });
