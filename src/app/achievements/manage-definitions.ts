import { type Definition, missingForPublication } from "../../domain/achievements/definition.ts";
import type { Achievement, AchievementVersion } from "../../domain/achievements/types.ts";
import { catalogEntryFacts } from "../../domain/catalog/entry.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, Repositories } from "../ports.ts";

const notFound = () =>
  new DomainError("achievement_not_found", "This organization has no such micro-credential.");
const authorOf = (actor: Actor) => (actor.kind === "user" ? actor.userId : null);

async function load(r: Repositories, organizationId: string, id: string) {
  const achievement = /^[0-9a-f-]{36}$/.test(id) ? await r.achievements.find(organizationId, id) : undefined;
  if (!achievement) throw notFound();
  const latest = await r.achievements.version(id, achievement.latestVersion);
  if (!latest) throw notFound();
  return { achievement, latest };
}

export const createDefinition = (deps: AppDeps, actor: Actor, slug: string, definition: Definition) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    const now = deps.clock();
    const achievement: Achievement = {
      id: deps.newId(),
      organizationId: organization.id,
      status: "draft",
      latestVersion: 1,
      publishedVersion: null,
      createdAt: now,
      updatedAt: now,
    };
    const version: AchievementVersion = {
      achievementId: achievement.id,
      version: 1,
      definition,
      createdBy: authorOf(actor),
      createdAt: now,
      publishedAt: null,
    };
    await r.achievements.insert(achievement, version);
    await audit(r, {
      action: "achievement.created",
      actor,
      organizationId: organization.id,
      subject: achievement.id,
      data: { after: definition },
      at: now,
    });
    return achievement;
  });

/**
 * Saves changes. A draft version is changed in place; once a version is published it never changes again: the
 * edit opens the next version as a draft, and credentials keep the version they were issued under.
 */
export const updateDefinition = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  id: string,
  definition: Definition,
) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    const { achievement, latest } = await load(r, organization.id, id);
    if (achievement.status === "archived")
      throw new DomainError(
        "achievement_archived",
        "This micro-credential is archived: it can no longer change.",
      );
    const now = deps.clock();
    let version = latest.version;
    if (latest.publishedAt) {
      version += 1;
      await r.achievements.insertVersion({
        achievementId: id,
        version,
        definition,
        createdBy: authorOf(actor),
        createdAt: now,
        publishedAt: null,
      });
    } else {
      await r.achievements.replaceDraft(id, version, definition);
    }
    await r.achievements.update(id, { latestVersion: version, updatedAt: now });
    await audit(r, {
      action: "achievement.updated",
      actor,
      organizationId: organization.id,
      subject: id,
      data: { version, before: latest.definition, after: definition },
      at: now,
    });
    return { version };
  });

/** Publishes the latest version, once every mandatory EU element is present. */
export const publishDefinition = (deps: AppDeps, actor: Actor, slug: string, id: string) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    const { achievement, latest } = await load(r, organization.id, id);
    if (achievement.status === "archived")
      throw new DomainError("achievement_archived", "This micro-credential is archived.");
    const missing = missingForPublication(latest.definition);
    if (Object.keys(missing).length)
      throw new DomainError(
        "incomplete_definition",
        "Some required elements are missing before it can be published.",
        missing,
      );
    const now = deps.clock();
    await r.achievements.markPublished(id, latest.version, now);
    await r.achievements.update(id, {
      status: "published",
      publishedVersion: latest.version,
      updatedAt: now,
    });
    // The public catalog shows the version just published, from this same transaction on.
    await r.catalog.upsert(
      catalogEntryFacts(latest.definition, {
        achievementId: id,
        organizationId: organization.id,
        version: latest.version,
        publishedAt: now,
      }),
    );
    await audit(r, {
      action: "achievement.published",
      actor,
      organizationId: organization.id,
      subject: id,
      data: { version: latest.version },
      at: now,
    });
    return { version: latest.version };
  });

export const archiveDefinition = (deps: AppDeps, actor: Actor, slug: string, id: string) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    await load(r, organization.id, id);
    const now = deps.clock();
    await r.achievements.update(id, { status: "archived", updatedAt: now });
    await r.catalog.remove(id);
    await audit(r, {
      action: "achievement.archived",
      actor,
      organizationId: organization.id,
      subject: id,
      at: now,
    });
  });

export const listDefinitions = (deps: AppDeps, actor: Actor, slug: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "credentials:read");
    return { ...access, achievements: await r.achievements.list(access.organization.id) };
  });

export const getDefinition = (deps: AppDeps, actor: Actor, slug: string, id: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "credentials:read");
    const { achievement, latest } = await load(r, access.organization.id, id);
    return { ...access, achievement, latest };
  });
