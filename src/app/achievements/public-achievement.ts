import { achievementJson } from "../../domain/achievements/achievement-json.ts";
import { DomainError } from "../../domain/errors.ts";
import type { AppDeps, Repositories } from "../ports.ts";

export const achievementUrl = (deps: AppDeps, id: string) => `${deps.publicUrl}/achievements/${id}`;

/** A published micro-credential as anyone may read it: its published version, issuer and OB 3.0 Achievement JSON. */
export const getPublicAchievement = (deps: AppDeps, id: string, version?: number) =>
  deps.uow((r) => getPublicAchievementIn(deps, r, id, version));

export async function getPublicAchievementIn(deps: AppDeps, r: Repositories, id: string, version?: number) {
  const missing = new DomainError("not_found", "There is no published micro-credential at this address.");
  const achievement = /^[0-9a-f-]{36}$/.test(id) ? await r.achievements.findAnywhere(id) : undefined;
  if (!achievement?.publishedVersion) throw missing;
  const wanted = version ?? achievement.publishedVersion;
  const published = await r.achievements.version(id, wanted);
  const organization = await r.organizations.findById(achievement.organizationId);
  if (!published?.publishedAt || !organization) throw missing;
  const definition = published.definition;
  const json = achievementJson(definition, {
    id: achievementUrl(deps, id),
    version: published.version,
    issuer: {
      id: deps.credentials.organizationDid(organization.slug),
      name: organization.name,
      url: organization.website ?? undefined,
    },
    imageUrl: definition.imageId ? `${deps.publicUrl}/images/${definition.imageId}` : undefined,
  });
  return { achievement, version: published, organization, json };
}
