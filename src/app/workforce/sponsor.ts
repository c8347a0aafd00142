import { DomainError } from "../../domain/errors.ts";
import { skillKeyOf } from "../../domain/talent/skill-rows.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { sponsorshipMessage } from "../mail/templates.ts";
import type { AppDeps, Sponsorship } from "../ports.ts";
import { memberNotFound } from "./employees.ts";
import type { SponsorInput } from "./inputs.ts";
import { sharingState } from "./team.ts";

/**
 * Offers an employee who shares their wallet a sponsored place in a published micro-credential aligned to one of
 * their role's skills, and mails them. Cairn has no enrolment system yet: the accepted offer is the record.
 */
export const offerSponsorship = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  input: SponsorInput,
): Promise<Sponsorship> =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "workforce:manage");
    // Locked until the offer is stored, so a double submit finds the first offer instead of failing on the index.
    const member = await r.workforce.findMember(organization.id, input.memberId, { lock: true });
    if (!member) throw memberNotFound();
    if (sharingState(member) !== "sharing") {
      throw new DomainError("not_sharing", "Only an employee who shares their wallet can be sponsored.");
    }
    const profile = member.roleProfileId
      ? await r.workforce.findProfile(organization.id, member.roleProfileId)
      : undefined;
    const keys = (profile?.skills ?? []).map((s) => s.skillKey);
    const [achievement] = (await r.workforce.alignedAchievements(keys)).filter(
      (a) =>
        a.achievementId === input.achievementId &&
        a.alignments.some((al) => {
          const key = skillKeyOf(al);
          return keys.includes(key) && (!input.skillKey || key === input.skillKey);
        }),
    );
    if (!achievement) {
      throw new DomainError(
        "not_aligned",
        "That micro-credential is not aligned to a skill this role needs.",
      );
    }
    if (await r.workforce.hasOpenSponsorship(member.id, achievement.achievementId)) {
      throw new DomainError("already_sponsored", "This employee already has an open offer for it.");
    }
    const now = deps.clock();
    const sponsorship: Sponsorship = {
      id: deps.newId(),
      organizationId: organization.id,
      memberId: member.id,
      achievementId: achievement.achievementId,
      skillKey: input.skillKey,
      note: input.note,
      status: "offered",
      createdBy: actor.kind === "user" ? actor.userId : null,
      createdAt: now,
      answeredAt: null,
    };
    await r.workforce.insertSponsorship(sponsorship);
    await queueMail(
      r,
      `sponsorship:${sponsorship.id}`,
      sponsorshipMessage(
        member.email,
        organization.name,
        achievement.name,
        `${deps.publicUrl}/account/employers`,
      ),
    );
    await audit(r, {
      action: "sponsorship.offered",
      actor,
      organizationId: organization.id,
      subject: member.email,
      data: { sponsorshipId: sponsorship.id, achievementId: achievement.achievementId },
      at: now,
    });
    return sponsorship;
  });
