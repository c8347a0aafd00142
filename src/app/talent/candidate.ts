import { DomainError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import { credentialSummaries } from "../../domain/talent/credential-summaries.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, Repositories } from "../ports.ts";

/** A candidate the organization may look at: only someone who consents to talent search now. */
export async function consentingCandidateIn(r: Repositories, userId: string) {
  if (!isUuid(userId)) throw new DomainError("not_found", "There is nothing at this address.");
  const [candidate] = await r.talent.candidates([userId]);
  if (!candidate) {
    throw new DomainError(
      "candidate_unavailable",
      "This person is not in talent search (they may have withdrawn); they cannot be viewed or contacted.",
    );
  }
  return candidate;
}

/** One candidate's page: every valid credential they hold with its evidence, and this organization's contacts. */
export const talentCandidate = (deps: AppDeps, actor: Actor, slug: string, userId: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "talent:search");
    const candidate = await consentingCandidateIn(r, userId);
    const rows = await r.talent.matchingRows([userId], { now: deps.clock() });
    const open = await r.talentContacts.findOpen(access.organization.id, userId);
    return { ...access, candidate, credentials: credentialSummaries(rows), openContact: open };
  });
