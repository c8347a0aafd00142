import type { MiddlewareHandler } from "hono";
import { authenticateApiKey } from "../../app/api-keys/manage-api-keys.ts";
import type { AppDeps } from "../../app/ports.ts";
import { DomainError } from "../../domain/errors.ts";
import type { AppEnv } from "../env.ts";

/** `Authorization: Bearer <key>` → the key's actor. Anything else is a 401 problem. */
export const bearerAuth =
  (deps: AppDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match?.[1] ? await authenticateApiKey(deps, match[1]) : undefined;
    if (!actor) {
      c.header("WWW-Authenticate", 'Bearer realm="cairn"');
      throw new DomainError(
        "unauthenticated",
        match
          ? "This API key is unknown or revoked."
          : "Send an organization API key as Authorization: Bearer <key>.",
      );
    }
    c.set("actor", actor);
    await next();
  };
