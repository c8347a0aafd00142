import type { ApiKeyScope } from "../../domain/roles.ts";
import type { ApiKey } from "../../domain/types.ts";
import type { AppDeps, Repositories } from "../ports.ts";

export const API_KEY_PREFIX = "cairn";

/**
 * Creates a key `cairn_<prefix>_<secret>`. The prefix finds the row; only a digest of the secret is kept,
 * so the whole key is shown once and never again.
 */
export async function issueApiKey(
  deps: AppDeps,
  r: Repositories,
  organizationId: string,
  createdBy: string | null,
  input: { name: string; scopes: readonly ApiKeyScope[] },
): Promise<{ apiKey: ApiKey; secret: string }> {
  const prefix = deps.secrets.token(9).replace(/[-_]/g, "x");
  const secretPart = deps.secrets.token(32);
  const apiKey: ApiKey = {
    id: deps.newId(),
    organizationId,
    name: input.name,
    prefix,
    scopes: [...new Set(input.scopes)],
    createdBy,
    createdAt: deps.clock(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await r.apiKeys.insert({ ...apiKey, secretHash: deps.secrets.digest(secretPart) });
  return { apiKey, secret: `${API_KEY_PREFIX}_${prefix}_${secretPart}` };
}
