import { hashedEmailIdentity } from "../../domain/open-badges/identity-hash.ts";
import { API_KEY_SCOPE_NAMES } from "../../domain/roles.ts";
import type { Actor } from "../../domain/types.ts";
import { issueApiKey } from "../api-keys/issue-api-key.ts";
import { issueCredential } from "../issuing/issue-credential.ts";
import { updateCredentialStatus } from "../issuing/update-credential-status.ts";
import type { AppDeps } from "../ports.ts";
import { publishDemoDefinitions } from "./demo-definitions.ts";

const AWARDED = ["data-literacy", "sustainable-supply"];
const DEMO_KEY = "Demo issuing";

/**
 * Issues the demo's credentials to its learners (hashed email identities), each through the real issuing path,
 * and revokes one, so a newcomer can verify both a valid and a revoked credential. Idempotent per learner.
 */
export async function issueDemoCredentials(
  deps: AppDeps,
  slug: string,
  learners: { name: string; email: string }[],
) {
  const organization = await deps.uow((r) => r.organizations.findBySlug(slug));
  if (!organization) return [];
  // Re-running the demo reuses its key and finds its credentials by idempotency key instead of issuing again.
  const apiKey = await deps.uow(async (r) => {
    const existing = (await r.apiKeys.list(organization.id)).find((k) => k.name === DEMO_KEY && !k.revokedAt);
    return (
      existing ??
      (await issueApiKey(deps, r, organization.id, null, { name: DEMO_KEY, scopes: API_KEY_SCOPE_NAMES }))
        .apiKey
    );
  });
  const actor: Actor = {
    kind: "api_key",
    apiKeyId: apiKey.id,
    organizationId: organization.id,
    scopes: apiKey.scopes,
  };
  const achievements = await publishDemoDefinitions(deps, actor, slug);
  const issued: {
    file: string;
    learner: string;
    achievement: string;
    revoked: boolean;
    credential: unknown;
  }[] = [];
  for (const [i, learner] of learners.entries()) {
    const key = AWARDED[i % AWARDED.length] ?? "";
    const achievement = achievements[key];
    if (!achievement) continue;
    const name = String(achievement.name);
    // A stable salt keeps the re-run's request identical, so the idempotency key replays the first credential.
    const identity = await hashedEmailIdentity(
      learner.email,
      deps.secrets.digest(`demo:${learner.email}`).slice(0, 16),
    );
    const { credential } = await issueCredential(deps, actor, slug, {
      idempotencyKey: `demo:${learner.email}:${key}`,
      credential: {
        "@context": [
          "https://www.w3.org/ns/credentials/v2",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        type: ["VerifiableCredential", "OpenBadgeCredential"],
        name,
        credentialSubject: { type: ["AchievementSubject"], identifier: [identity], achievement },
      },
    });
    const revoked = i === learners.length - 1;
    const id = typeof credential === "string" ? undefined : String(credential.id);
    if (revoked && id) await updateCredentialStatus(deps, actor, slug, { credentialId: id, set: true });
    issued.push({
      file: `${key}-${learner.email.split("@")[0]}.json`,
      learner: learner.name,
      achievement: name,
      revoked,
      credential,
    });
  }
  return issued;
}
