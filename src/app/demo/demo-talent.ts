import type { User } from "../../domain/types.ts";
import { audit, userActor } from "../audit.ts";
import type { Repositories } from "../ports.ts";
import { refreshTalentSkillsIn } from "../talent/talent-index.ts";

const PROFILES: Record<string, { headline: string; location: string }> = {
  "lena@learner.test": { headline: "Data analyst moving into sustainable logistics", location: "Utrecht" },
  "luis@learner.test": { headline: "Teacher with a taste for data", location: "Rotterdam" },
};

/**
 * Opts the demo learners in to talent search (once: a learner who withdrew in the demo stays out on a re-seed), so
 * an owner can try the search as soon as their credentials are in their wallets. Runs in seedDemo's transaction.
 */
export async function optInDemoLearnersIn(r: Repositories, learners: readonly User[], now: Date) {
  for (const learner of learners) {
    if (await r.talent.findProfile(learner.id)) continue;
    const profile = PROFILES[learner.email] ?? { headline: "Learner at Northfield", location: "Utrecht" };
    await r.talent.saveProfile({ userId: learner.id, ...profile, consentedAt: now, updatedAt: now });
    await refreshTalentSkillsIn(r, learner.id);
    await audit(r, { action: "talent.opted_in", actor: userActor(learner.id), subject: learner.id, at: now });
  }
}
