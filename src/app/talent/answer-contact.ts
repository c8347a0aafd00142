import { DomainError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import { audit, userActor } from "../audit.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { talentReplyMessage } from "../mail/templates.ts";
import type { AppDeps } from "../ports.ts";
import type { TalentAnswerInput } from "./inputs.ts";

/**
 * The learner answers an employer's message. Accepting relays their reply and reveals their address to the
 * organization; declining tells the organization no. Either way the sender is told by email.
 */
export const answerTalentContact = (
  deps: AppDeps,
  userId: string,
  contactId: string,
  input: TalentAnswerInput,
) =>
  deps.uow(async (r) => {
    const contact = isUuid(contactId) ? await r.talentContacts.find(contactId) : undefined;
    if (!contact || contact.learnerId !== userId) {
      throw new DomainError("not_found", "There is no such message in your account.");
    }
    const now = deps.clock();
    const status = input.answer === "accept" ? "accepted" : "declined";
    const answered = await r.talentContacts.answer(contactId, {
      status,
      reply: status === "accepted" ? (input.reply ?? null) : null,
      answeredAt: now,
    });
    if (!answered) throw new DomainError("contact_already_answered", "You already answered this message.");
    await audit(r, {
      action: `talent.contact_${status}`,
      actor: userActor(userId),
      organizationId: contact.organizationId,
      subject: contactId,
      at: now,
    });
    const [learner, sender, organization] = await Promise.all([
      r.users.findById(userId),
      contact.senderId ? r.users.findById(contact.senderId) : undefined,
      r.organizations.findById(contact.organizationId),
    ]);
    if (learner && sender && organization) {
      await queueMail(
        r,
        `talent-answer:${contactId}`,
        talentReplyMessage(
          sender.email,
          learner.name,
          status === "accepted",
          contact.subject,
          `${deps.publicUrl}/orgs/${organization.slug}/talent/contacts`,
        ),
      );
    }
    return status;
  });
