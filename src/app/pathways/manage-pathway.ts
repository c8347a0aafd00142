import { DomainError } from "../../domain/errors.ts";
import { type Pathway, parsePathway, type RequirementNode } from "../../domain/pathways/requirements.ts";
import {
  LAPSE_POLICIES,
  type LapsePolicy,
  type Recognition,
  type StoredPathway,
} from "../../domain/pathways/stored-pathway.ts";
import { componentsOf, pathKey } from "../../domain/pathways/tree.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, Repositories } from "../ports.ts";

/** What can count towards a pathway: its components' achievements and the external ones recognized as equal. */
export function componentIdsOf(
  deps: AppDeps,
  pathway: Pathway,
  recognitions: readonly Recognition[],
): string[] {
  const ids = new Set(componentsOf(pathway.requirements).map((c) => c.node.achievementId));
  for (const recognition of recognitions) {
    if (ids.has(`${deps.publicUrl}/achievements/${recognition.ownAchievementId}`))
      ids.add(recognition.externalAchievementId);
  }
  return [...ids];
}

const isPolicy = (value: string): value is LapsePolicy =>
  (LAPSE_POLICIES as readonly string[]).includes(value);
const CAIRN_ACHIEVEMENT = /\/achievements\/([0-9a-f-]{36})$/;

/** The Cairn achievement a component names by its public address, when it is one of this deployment's. */
export const cairnAchievementId = (deps: AppDeps, achievementUrl: string) =>
  achievementUrl.startsWith(`${deps.publicUrl}/achievements/`)
    ? CAIRN_ACHIEVEMENT.exec(achievementUrl)?.[1]
    : undefined;

/**
 * Sets the requirements of a stacked achievement of this organization. Components that are Cairn achievements must
 * exist and be published (of any organization); external ones are named by achievement id and issuer.
 */
export const savePathway = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  achievementId: string,
  input: { pathway: unknown; policy: string },
) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    const achievement = await r.achievements.find(organization.id, achievementId);
    if (!achievement)
      throw new DomainError("achievement_not_found", "This organization has no such micro-credential.");
    const parsed = parsePathway(input.pathway);
    if (!parsed.ok)
      throw new DomainError("validation_failed", "Some requirements need attention.", parsed.errors);
    const policy = input.policy;
    if (!isPolicy(policy)) {
      throw new DomainError("validation_failed", "Choose what happens when a component lapses.", {
        policy: "Choose keep, flag or suspend.",
      });
    }
    const requirements = await resolveComponents(
      deps,
      r,
      organization.id,
      achievementId,
      parsed.pathway.requirements,
    );
    const now = deps.clock();
    const pathway = { ...parsed.pathway, requirements };
    const stored: StoredPathway = {
      achievementId,
      organizationId: organization.id,
      pathway,
      componentIds: componentIdsOf(deps, pathway, await r.pathways.recognitions(organization.id)),
      policy,
      updatedAt: now,
      updatedBy: actor.kind === "user" ? actor.userId : null,
    };
    await r.pathways.save(stored);
    await audit(r, {
      action: "pathway.saved",
      actor,
      organizationId: organization.id,
      subject: achievementId,
      data: { pathway: parsed.pathway, policy: stored.policy },
      at: now,
    });
    return stored;
  });

/**
 * Checks that Cairn components are published micro-credentials, and names their issuer as credentials do: none for
 * this organization's own, the organization's DID for another Cairn organization's.
 */
async function resolveComponents(
  deps: AppDeps,
  r: Repositories,
  organizationId: string,
  parentId: string,
  requirements: RequirementNode,
): Promise<RequirementNode> {
  const problems: Record<string, string> = {};
  const issuers = new Map<string, string | undefined>();
  for (const { node: component, path } of componentsOf(requirements)) {
    const id = cairnAchievementId(deps, component.achievementId);
    if (!id) continue;
    const found = id === parentId ? undefined : await r.achievements.findAnywhere(id);
    const owner = found && (await r.organizations.findById(found.organizationId));
    if (!found || !owner || found.publishedVersion === null) {
      problems[`${pathKey(path)}.achievementId`] =
        id === parentId
          ? "A stacked achievement cannot require itself."
          : `${component.label}: no published micro-credential at ${component.achievementId}.`;
      continue;
    }
    issuers.set(
      component.componentId,
      owner.id === organizationId ? undefined : deps.credentials.organizationDid(owner.slug),
    );
  }
  if (Object.keys(problems).length) {
    throw new DomainError(
      "validation_failed",
      "Some components are not published micro-credentials.",
      problems,
    );
  }
  const resolve = (node: RequirementNode): RequirementNode => {
    if (node.kind !== "component") return { ...node, children: node.children.map(resolve) };
    if (!issuers.has(node.componentId)) return node;
    const { issuer: _, ...rest } = node;
    const issuer = issuers.get(node.componentId);
    return issuer ? { ...rest, issuer } : rest;
  };
  return resolve(requirements);
}

/** What the pathway editor shows: the stacked achievement, its saved requirements, and this organization's
 * published micro-credentials to choose components from (by their public address). */
export const pathwayEditor = (deps: AppDeps, actor: Actor, slug: string, achievementId: string) =>
  deps.uow(async (r) => {
    const { organization, membership } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    const achievement = await r.achievements.find(organization.id, achievementId);
    const latest = achievement && (await r.achievements.version(achievementId, achievement.latestVersion));
    if (!achievement || !latest) {
      throw new DomainError("achievement_not_found", "This organization has no such micro-credential.");
    }
    const choices = (await r.achievements.list(organization.id))
      .filter((a) => a.publishedVersion !== null && a.id !== achievementId)
      .map((a) => ({ url: `${deps.publicUrl}/achievements/${a.id}`, name: a.name }));
    return {
      organization,
      membership,
      name: latest.definition.name,
      stored: await r.pathways.find(achievementId),
      choices,
    };
  });
