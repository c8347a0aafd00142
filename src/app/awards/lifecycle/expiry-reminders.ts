import { DAY } from "../../../domain/rules.ts";
import { achievementUrl } from "../../achievements/public-achievement.ts";
import { queueMail } from "../../mail/queue-mail.ts";
import { expiryReminderMessage } from "../../mail/templates.ts";
import type { AppDeps } from "../../ports.ts";

export const EXPIRY_REMINDER_JOB = "awards.expiry-reminders";
export const REMINDER_DAYS = 30;
const PER_RUN = 500;

/**
 * Mails every active award that expires within `days` and has had no reminder, once: the mail's key
 * (`reminder:<awardId>`) and `reminderSentAt`, set in the same transaction, make a rerun send nothing twice.
 * Runs in chunks until none are due; returns how many reminders it queued.
 */
export async function sendExpiryReminders(deps: AppDeps, input: { days?: number } = {}): Promise<number> {
  const days = input.days ?? REMINDER_DAYS;
  let sent = 0;
  for (;;) {
    const queued = await deps.uow(async (r) => {
      const now = deps.clock();
      const due = await r.awards.dueForReminder(now, new Date(now.getTime() + days * DAY), PER_RUN);
      const names = new Map<string, { achievement: string; issuer: string }>();
      for (const award of due) {
        if (!award.validUntil) continue;
        const key = `${award.achievementId}:${award.achievementVersion}`;
        let found = names.get(key);
        if (!found) {
          const version = await r.achievements.version(award.achievementId, award.achievementVersion);
          const organization = await r.organizations.findById(award.organizationId);
          found = {
            achievement: version?.definition.name ?? "your micro-credential",
            issuer: organization?.name ?? "The issuer",
          };
          names.set(key, found);
        }
        await queueMail(
          r,
          `reminder:${award.id}`,
          expiryReminderMessage(
            award.recipient,
            award.recipientName,
            found.achievement,
            found.issuer,
            award.validUntil,
            achievementUrl(deps, award.achievementId),
          ),
        );
        await r.awards.update(award.id, { reminderSentAt: now });
      }
      return due.length;
    });
    sent += queued;
    if (queued < PER_RUN) return sent;
  }
}
