import { DomainError } from "../../domain/errors.ts";
import type { ApiKeyScope } from "../../domain/roles.ts";
import { notFound } from "../../domain/rules.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";
import { API_KEY_PREFIX, issueApiKey } from "./issue-api-key.ts";

// Keys are managed by owners in the browser; a key can never mint or revoke keys.
const requirePerson = (actor: Actor) => {
  if (actor.kind !== "user")
    throw new DomainError("forbidden", "API keys are managed by organization owners.");
  return actor;
};

export const createApiKey = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  input: { name: string; scopes: ApiKeyScope[] },
) =>
  deps.uow(async (r) => {
    const person = requirePerson(actor);
    const { organization } = await authorizeOrganization(r, person, slug, "api_keys:manage");
    const issued = await issueApiKey(deps, r, organization.id, person.userId, input);
    await audit(r, {
      action: "api_key.created",
      actor,
      organizationId: organization.id,
      subject: issued.apiKey.id,
      data: { name: input.name, scopes: issued.apiKey.scopes },
      at: deps.clock(),
    });
    return issued;
  });

export const listApiKeys = (deps: AppDeps, actor: Actor, slug: string) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, requirePerson(actor), slug, "api_keys:manage");
    return { organization, apiKeys: await r.apiKeys.list(organization.id) };
  });

export const revokeApiKey = (deps: AppDeps, actor: Actor, slug: string, id: string) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, requirePerson(actor), slug, "api_keys:manage");
    if (!(await r.apiKeys.revoke(organization.id, id, deps.clock()))) throw notFound("api_key");
    await audit(r, {
      action: "api_key.revoked",
      actor,
      organizationId: organization.id,
      subject: id,
      at: deps.clock(),
    });
  });

const KEY_SHAPE = new RegExp(`^${API_KEY_PREFIX}_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{20,})$`);

/** Turns a bearer token into an actor, or undefined for an unknown, malformed or revoked key. */
export const authenticateApiKey = (deps: AppDeps, bearer: string): Promise<Actor | undefined> =>
  deps.uow(async (r) => {
    const match = KEY_SHAPE.exec(bearer);
    if (!match?.[1] || !match[2]) return undefined;
    const key = await r.apiKeys.findByPrefix(match[1]);
    if (!key || key.revokedAt || !deps.secrets.matches(match[2], key.secretHash)) return undefined;
    await r.apiKeys.touch(key.id, deps.clock());
    return { kind: "api_key", apiKeyId: key.id, organizationId: key.organizationId, scopes: key.scopes };
  });
