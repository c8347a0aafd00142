import { hashedEmailIdentity } from "../../domain/open-badges/identity-hash.ts";
import { API_KEY_SCOPE_NAMES } from "../../domain/roles.ts";
import type { Actor } from "../../domain/types.ts";
import { issueApiKey } from "../api-keys/issue-api-key.ts";
import { issueCredential } from "../issuing/issue-credential.ts";
import { updateCredentialStatus } from "../issuing/update-credential-status.ts";
import type { AppDeps } from "../ports.ts";

const ACHIEVEMENTS = [
  {
    key: "data-literacy",
    name: "Data Literacy Foundations",
    description:
      "Reads, questions and presents data responsibly: sources, distributions, uncertainty and honest charts.",
    criteria:
      "Passed a proctored online assessment (70% or more) and a peer-reviewed data story graded against a rubric.",
    credits: "2",
  },
  {
    key: "sustainable-supply",
    name: "Sustainable Supply Chains",
    description: "Maps a supply chain's emissions (scopes 1–3) and proposes reductions with a cost estimate.",
    criteria: "Submitted a case-study report assessed by two assessors against the programme rubric.",
    credits: "3",
  },
];

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
  const { apiKey } = await deps.uow((r) =>
    issueApiKey(deps, r, organization.id, null, { name: "Demo issuing", scopes: API_KEY_SCOPE_NAMES }),
  );
  const actor: Actor = {
    kind: "api_key",
    apiKeyId: apiKey.id,
    organizationId: organization.id,
    scopes: apiKey.scopes,
  };
  const issued: {
    file: string;
    learner: string;
    achievement: string;
    revoked: boolean;
    credential: unknown;
  }[] = [];
  for (const [i, learner] of learners.entries()) {
    const achievement = ACHIEVEMENTS[i % ACHIEVEMENTS.length];
    if (!achievement) continue;
    const identity = await hashedEmailIdentity(learner.email, deps.secrets.token(12));
    const { credential } = await issueCredential(deps, actor, slug, {
      idempotencyKey: `demo:${learner.email}:${achievement.key}`,
      credential: {
        "@context": [
          "https://www.w3.org/ns/credentials/v2",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        type: ["VerifiableCredential", "OpenBadgeCredential"],
        name: achievement.name,
        credentialSubject: {
          type: ["AchievementSubject"],
          identifier: [identity],
          achievement: {
            id: `${deps.publicUrl}/orgs/${slug}/achievements/${achievement.key}`,
            type: ["Achievement"],
            achievementType: "MicroCredential",
            name: achievement.name,
            description: achievement.description,
            criteria: { narrative: achievement.criteria },
            creditsAvailable: Number(achievement.credits),
          },
        },
      },
    });
    const revoked = i === learners.length - 1;
    const id = typeof credential === "string" ? undefined : String(credential.id);
    if (revoked && id) await updateCredentialStatus(deps, actor, slug, { credentialId: id, set: true });
    issued.push({
      file: `${achievement.key}-${learner.email.split("@")[0]}.json`,
      learner: learner.name,
      achievement: achievement.name,
      revoked,
      credential,
    });
  }
  return issued;
}
