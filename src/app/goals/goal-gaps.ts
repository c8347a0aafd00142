import { type LearnerGoals, missingSkills, skillName } from "../../domain/catalog/goals.ts";
import { skillRowsOf } from "../../domain/talent/skill-rows.ts";
import { record, subjectOf } from "../../domain/wallet/credential-display.ts";
import { heldStatus } from "../../domain/wallet/types.ts";
import { ownIds } from "../catalog/catalog-scope.ts";
import type { AppDeps, CatalogPathway, Repositories } from "../ports.ts";
import { countsForTalent } from "../talent/talent-index.ts";
import { heldDocumentIn } from "../wallet/held-document.ts";

/** Where a learner stands against their goals. */
export type GoalGaps = {
  goals: LearnerGoals;
  /** The target pathway, when it is still published. */
  pathway: { id: string; name: string; components: number; missingComponents: string[] } | undefined;
  /** Skills still to gain, target skills first. */
  missing: string[];
  /** How many held credentials were counted. */
  heldCredentials: number;
};

/**
 * What the learner holds, as goals count it: the skills and the achievement ids of the credentials in their wallet
 * that speak for them (shown, naming them, verified when imported; the same rule as talent search) and are valid now.
 */
async function heldIn(deps: AppDeps, r: Repositories, userId: string) {
  const now = deps.clock();
  const skills = new Set<string>();
  const achievementUrls: string[] = [];
  let credentials = 0;
  for (const entry of await r.wallet.list(userId)) {
    if (!countsForTalent(entry) || heldStatus(entry, now) !== "valid") continue;
    const credential = (await heldDocumentIn(r, entry))?.credential;
    if (!credential) continue;
    credentials += 1;
    for (const row of skillRowsOf(credential)) skills.add(skillName(row.skillName));
    const id = record(subjectOf(credential)?.achievement)?.id;
    if (typeof id === "string") achievementUrls.push(id);
  }
  return { skills, achievementIds: new Set(ownIds(deps.publicUrl, achievementUrls)), credentials };
}

/**
 * A learner's goals against their wallet: the missing skills (target skills and the target pathway's components'
 * skills, less those of credentials they hold) and the pathway's components they do not hold yet. Undefined without
 * goals.
 */
export async function goalGapsIn(
  deps: AppDeps,
  r: Repositories,
  userId: string,
  /** What the caller has already read: the learner's goals and the published pathways. */
  read: { goals: LearnerGoals | undefined; pathways: readonly CatalogPathway[] },
): Promise<GoalGaps | undefined> {
  const { goals } = read;
  if (!goals || (goals.skills.length === 0 && !goals.pathwayId)) return undefined;
  const held = await heldIn(deps, r, userId);
  const target = goals.pathwayId ? read.pathways.find((p) => p.id === goals.pathwayId) : undefined;
  const componentIds = target ? ownIds(deps.publicUrl, target.componentIds) : [];
  const components = await r.catalog.find(componentIds);
  const missingComponents = componentIds.filter((id) => !held.achievementIds.has(id));
  return {
    goals,
    pathway: target && {
      id: target.id,
      name: target.name,
      components: componentIds.length,
      missingComponents,
    },
    missing: missingSkills(
      goals.skills,
      missingComponents.flatMap((id) => components.find((c) => c.achievementId === id)?.skills ?? []),
      held.skills,
    ),
    heldCredentials: held.credentials,
  };
}
