import { credentialSummaries } from "../../domain/talent/credential-summaries.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps } from "../ports.ts";
import type { TalentConsentInput } from "./inputs.ts";
import { refreshTalentSkillsIn } from "./talent-index.ts";

/**
 * The learner's talent-search page: their settings, what employers see of them (the valid credentials the index
 * holds, only while they consent), and the messages employers sent them.
 */
export const talentSettings = (deps: AppDeps, userId: string) =>
  deps.uow(async (r) => {
    const profile = await r.talent.findProfile(userId);
    const consented = profile?.consentedAt != null;
    const rows = consented ? await r.talent.matchingRows([userId], { now: deps.clock() }) : [];
    const contacts = await r.talentContacts.forLearner(userId);
    return { profile, consented, credentials: credentialSummaries(rows), contacts };
  });

/** Opts in to talent search (or updates the headline and location); the learner's skills are indexed at once. */
export const optInToTalentSearch = (deps: AppDeps, userId: string, input: TalentConsentInput) =>
  deps.uow(async (r) => {
    const now = deps.clock();
    const existing = await r.talent.findProfile(userId);
    const already = existing?.consentedAt ?? null;
    await r.talent.saveProfile({
      userId,
      headline: input.headline ?? null,
      location: input.location ?? null,
      consentedAt: already ?? now,
      updatedAt: now,
    });
    await refreshTalentSkillsIn(r, userId);
    await audit(r, {
      action: already ? "talent.profile_saved" : "talent.opted_in",
      actor: userActor(userId),
      subject: userId,
      at: now,
    });
    return { newlyConsented: already === null };
  });

/** Withdraws consent: the learner leaves search results at once and can no longer be contacted. */
export const withdrawTalentConsent = (deps: AppDeps, userId: string) =>
  deps.uow(async (r) => {
    const now = deps.clock();
    const existing = await r.talent.findProfile(userId);
    if (!existing?.consentedAt) return false;
    await r.talent.saveProfile({ ...existing, consentedAt: null, updatedAt: now });
    await refreshTalentSkillsIn(r, userId);
    await audit(r, { action: "talent.opted_out", actor: userActor(userId), subject: userId, at: now });
    return true;
  });
