import { monthEnds } from "../../domain/months.ts";
import type { Actor } from "../../domain/types.ts";
import { coverageAt, percent } from "../../domain/workforce/gap.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";
import { loadTeam } from "./team.ts";

export const COVERAGE_MONTHS = 12;

/**
 * The team's skill coverage at each of the last 12 month ends: of the required person × skill cells of the people
 * who share now, how many a credential valid then met. Revocation is as it stands today.
 */
export const getCoverage = (deps: AppDeps, actor: Actor, slug: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "workforce:manage");
    const { people } = await loadTeam(r, access.organization.id);
    const sharing = people
      .filter((p) => p.state === "sharing" && p.profile)
      .map((p) => ({ required: p.profile?.skills ?? [], held: p.held }));
    const months = monthEnds(deps.clock(), COVERAGE_MONTHS).map(({ month, at }) => {
      const { met, total } = coverageAt(sharing, at);
      return { month, met, total, percent: percent(met, total) };
    });
    return { ...access, months, people: sharing.length };
  });
