import { DomainError } from "../../domain/errors.ts";
import { later } from "../../domain/rules.ts";
import { DAILY_CONTACT_LIMIT, revealedEmail } from "../../domain/talent/contacts.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization, requireUser } from "../authorize.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { talentContactMessage } from "../mail/templates.ts";
import type { AppDeps, TalentContact } from "../ports.ts";
import { consentingCandidateIn } from "./candidate.ts";
import type { TalentContactInput } from "./inputs.ts";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Relays an employer's message to a learner who consents to talent search: the learner is told by email (their
 * address never reaches the employer) and answers on their account page. One open message per learner per
 * organization, and at most DAILY_CONTACT_LIMIT a day per organization.
 */
export const contactCandidate = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  learnerId: string,
  input: TalentContactInput,
) =>
  deps.uow(async (r): Promise<TalentContact> => {
    const sender = requireUser(actor);
    const { organization } = await authorizeOrganization(r, actor, slug, "talent:search");
    const candidate = await consentingCandidateIn(r, learnerId);
    await r.talentContacts.lockLearner(learnerId);
    if (await r.talentContacts.findOpen(organization.id, learnerId)) {
      throw new DomainError(
        "contact_already_open",
        `${candidate.name} has not answered your organization's last message yet; wait for their answer.`,
      );
    }
    const now = deps.clock();
    if ((await r.talentContacts.countSince(organization.id, later(now, -DAY))) >= DAILY_CONTACT_LIMIT) {
      throw new DomainError(
        "too_many_attempts",
        `Your organization sent ${DAILY_CONTACT_LIMIT} messages in the last day; try again tomorrow.`,
      );
    }
    const contact: TalentContact = {
      id: deps.newId(),
      organizationId: organization.id,
      senderId: sender.userId,
      learnerId,
      subject: input.subject,
      message: input.message,
      status: "open",
      reply: null,
      createdAt: now,
      answeredAt: null,
    };
    await r.talentContacts.insert(contact);
    await audit(r, {
      action: "talent.contacted",
      actor,
      organizationId: organization.id,
      subject: learnerId,
      data: { contactId: contact.id },
      at: now,
    });
    const learner = await r.users.findById(learnerId);
    if (learner) {
      await queueMail(
        r,
        `talent-contact:${contact.id}`,
        talentContactMessage(
          learner.email,
          learner.name,
          organization.name,
          contact.subject,
          `${deps.publicUrl}/account/talent#contact-${contact.id}`,
        ),
      );
    }
    return contact;
  });

/** The organization's sent messages and answers; a learner's address shows only once they accepted. */
export const organizationContacts = (deps: AppDeps, actor: Actor, slug: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "talent:search");
    const contacts = (await r.talentContacts.forOrganization(access.organization.id)).map(
      ({ learnerEmail, ...contact }) => ({ ...contact, learnerEmail: revealedEmail(contact, learnerEmail) }),
    );
    return { ...access, contacts };
  });
