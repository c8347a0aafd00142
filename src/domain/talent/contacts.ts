/** A relayed message's state: waiting for the learner, or answered. */
export const TALENT_CONTACT_STATUSES = ["open", "accepted", "declined"] as const;
export type TalentContactStatus = (typeof TALENT_CONTACT_STATUSES)[number];

export const isTalentContactStatus = (value: string): value is TalentContactStatus =>
  (TALENT_CONTACT_STATUSES as readonly string[]).includes(value);

/** What the sender sees of the learner: the address only after the learner accepted. */
export const revealedEmail = (contact: { status: TalentContactStatus }, email: string): string | null =>
  contact.status === "accepted" ? email : null;

/** How many contacts one organization may send in a day, across all learners. */
export const DAILY_CONTACT_LIMIT = 50;
