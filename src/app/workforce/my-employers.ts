import { DomainError } from "../../domain/errors.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps } from "../ports.ts";
import { refreshTalentSkillsIn } from "../talent/talent-index.ts";

/** The employers a learner shares their wallet with (or did), and the enrolments they sponsor. */
export const listMyEmployers = (deps: AppDeps, userId: string) =>
  deps.uow(async (r) => ({
    employers: await r.workforce.membershipsOf(userId),
    sponsorships: await r.workforce.sponsorshipsOf(userId),
  }));

/** Stops sharing with one employer, at once: the employer sees "consent withdrawn" and none of the data. */
export const withdrawConsent = (deps: AppDeps, userId: string, memberId: string) =>
  deps.uow(async (r) => {
    const member = (await r.workforce.membershipsOf(userId)).find((m) => m.id === memberId);
    if (!member) throw new DomainError("workforce_member_not_found", "You do not share with that employer.");
    if (!member.consentedAt || member.withdrawnAt) {
      throw new DomainError("not_sharing", "You already stopped sharing with this employer.");
    }
    const now = deps.clock();
    await r.workforce.updateMember(member.id, { withdrawnAt: now });
    await refreshTalentSkillsIn(r, userId);
    await audit(r, {
      action: "workforce.withdrawn",
      actor: userActor(userId),
      organizationId: member.organizationId,
      subject: member.email,
      at: now,
    });
    return member;
  });

/** The employee accepts or declines a sponsored place; only their own open offers can be answered. */
export const answerSponsorship = (
  deps: AppDeps,
  userId: string,
  sponsorshipId: string,
  answer: "accepted" | "declined",
) =>
  deps.uow(async (r) => {
    const offer = (await r.workforce.sponsorshipsOf(userId)).find((s) => s.id === sponsorshipId);
    if (!offer) throw new DomainError("sponsorship_not_found", "No such sponsorship.");
    const now = deps.clock();
    if (!(await r.workforce.answerSponsorship(offer.id, answer, now))) {
      throw new DomainError("not_sharing", "This offer was already answered.");
    }
    await audit(r, {
      action: `sponsorship.${answer}`,
      actor: userActor(userId),
      organizationId: offer.organizationId,
      subject: offer.id,
      data: { achievementId: offer.achievementId },
      at: now,
    });
    return { ...offer, status: answer };
  });
