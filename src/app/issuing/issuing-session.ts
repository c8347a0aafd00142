import { DomainError } from "../../domain/errors.ts";
import type { Organization, StatusPurpose } from "../../domain/types.ts";
import type { AppDeps, OpenStatusList, Repositories, SigningKeyMaterial } from "../ports.ts";
import { activeEndorsementsIn, type Endorsements } from "../trust/endorsements.ts";
import { activeSigningKey } from "./issuer-keys.ts";
import { STATUS_LIST_LENGTH } from "./status-lists.ts";

const MAX_DRAWS = 64;

/**
 * What signing credentials for one organization inside one transaction shares: the unsealed signing key and the
 * open status list of each purpose. A batch chunk signs hundreds of credentials and looks each up once.
 */
export type IssuingSession = {
  organization: Organization;
  signingKey(): Promise<SigningKeyMaterial>;
  /** The issuer's active endorsements, embedded in the Open Badges it signs. */
  endorsements(): Promise<Endorsements>;
  /** Draws a random free index in a list with room (creating one when needed) and records it. */
  allocateStatusIndex(
    purpose: StatusPurpose,
    credentialId: string,
  ): Promise<{ listId: string; index: number }>;
};

export function issuingSession(deps: AppDeps, r: Repositories, organization: Organization): IssuingSession {
  let key: Promise<SigningKeyMaterial> | undefined;
  let endorsements: Promise<Endorsements> | undefined;
  const lists = new Map<StatusPurpose, OpenStatusList>();

  async function openList(purpose: StatusPurpose): Promise<OpenStatusList> {
    const cached = lists.get(purpose);
    if (cached && cached.allocated * 2 < cached.length) return cached;
    const list = (await r.statusLists.openList(organization.id, purpose)) ?? (await newList(purpose));
    lists.set(purpose, list);
    return list;
  }

  async function newList(purpose: StatusPurpose): Promise<OpenStatusList> {
    const list = {
      id: deps.newId(),
      organizationId: organization.id,
      purpose,
      length: STATUS_LIST_LENGTH,
      bits: deps.credentials.emptyStatusBits(STATUS_LIST_LENGTH),
      version: 1,
      allocated: 0,
      published: null,
      publishedVersion: null,
      publishedAt: null,
      createdAt: deps.clock(),
    };
    await r.statusLists.insert(list);
    return { id: list.id, length: list.length, allocated: 0 };
  }

  return {
    organization,
    signingKey: () => {
      key ??= activeSigningKey(deps, r, organization);
      return key;
    },
    endorsements: () => {
      endorsements ??= activeEndorsementsIn(deps, r, organization.id);
      return endorsements;
    },
    async allocateStatusIndex(purpose, credentialId) {
      const list = await openList(purpose);
      for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
        const index = deps.randomUint32() % list.length;
        if (await r.statusLists.claimIndex(list.id, index, credentialId)) {
          list.allocated += 1;
          return { listId: list.id, index };
        }
      }
      throw new DomainError("status_list_full", "Could not find a free status index; try again.");
    },
  };
}
