import { achievementJson } from "../../domain/achievements/achievement-json.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Pathway } from "../../domain/pathways/requirements.ts";
import { componentsOf } from "../../domain/pathways/tree.ts";
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
  const pathway = await r.pathways.find(id);
  return { achievement, version: published, organization, json: withComponents(json, pathway?.pathway) };
}

/**
 * A stacked achievement lists the micro-credentials it stacks from as alignments to credentials (OB 3.0 alignment,
 * `targetType` "ceterms:Credential"), so the signed credential itself says what it is made of. Components named by a
 * URN (no web address to align to) are left to the credential's evidence and the learner's CLR.
 */
function withComponents(
  json: Record<string, unknown>,
  pathway: Pathway | undefined,
): Record<string, unknown> {
  const components = pathway
    ? componentsOf(pathway.requirements)
        .map((c) => c.node)
        .filter((c) => /^https?:\/\//.test(c.achievementId))
    : [];
  if (components.length === 0) return json;
  const existing = Array.isArray(json.alignment) ? json.alignment : [];
  return {
    ...json,
    alignment: [
      ...existing,
      ...components.map((c) => ({
        type: ["Alignment"],
        targetType: "ceterms:Credential",
        targetName: c.label,
        targetUrl: c.achievementId,
      })),
    ],
  };
}
