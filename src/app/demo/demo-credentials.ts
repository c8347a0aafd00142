import { awardRequest } from "../../domain/awards/award-request.ts";
import { API_KEY_SCOPE_NAMES } from "../../domain/roles.ts";
import type { Actor } from "../../domain/types.ts";
import { issueApiKey } from "../api-keys/issue-api-key.ts";
import { awardCredential } from "../awards/award-credential.ts";
import { changeAwardStatus } from "../awards/lifecycle/change-award-status.ts";
import type { AppDeps } from "../ports.ts";
import { publishDemoDefinitions } from "./demo-definitions.ts";

const AWARDED = ["data-literacy", "sustainable-supply"];
const DEMO_KEY = "Demo issuing";

/**
 * Awards the demo's published micro-credentials to its learners through the real award use case, and revokes one,
 * so a newcomer can verify a valid and a revoked credential. Re-running it finds the same awards by idempotency key.
 */
export async function issueDemoCredentials(
  deps: AppDeps,
  slug: string,
  learners: { name: string; email: string }[],
) {
  const organization = await deps.uow((r) => r.organizations.findBySlug(slug));
  if (!organization) return [];
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
    const { award, credential } = await awardCredential(
      deps,
      actor,
      slug,
      achievement.id,
      awardRequest.parse({
        recipient: learner.email,
        recipientName: learner.name,
        result: i === 0 ? "Distinction" : "",
      }),
      { idempotencyKey: `demo:${learner.email}:${key}`, notify: true },
    );
    const revoked = i === learners.length - 1;
    if (revoked && award.status === "active") {
      await changeAwardStatus(deps, actor, slug, {
        action: "revoke",
        reason: "Awarded in error: the assessment was not completed.",
        awardIds: [award.id],
      });
    }
    issued.push({
      file: `${key}-${learner.email.split("@")[0]}.json`,
      learner: learner.name,
      achievement: achievement.name,
      revoked,
      credential,
    });
  }
  return issued;
}
