import { later, SESSION_LIFETIME } from "../../domain/rules.ts";
import type { User } from "../../domain/types.ts";
import type { AppDeps, Repositories } from "../ports.ts";

/** Starts a session and returns the token for the cookie; only its digest is stored. */
export async function startSession(deps: AppDeps, r: Repositories, userId: string): Promise<string> {
  const token = deps.secrets.token();
  const now = deps.clock();
  await r.sessions.insert({
    tokenHash: deps.secrets.digest(token),
    userId,
    createdAt: now,
    expiresAt: later(now, SESSION_LIFETIME),
  });
  return token;
}

export const userForSession = (deps: AppDeps, token: string): Promise<User | undefined> =>
  deps.uow((r) => r.sessions.findUser(deps.secrets.digest(token), deps.clock()));

export const signOut = (deps: AppDeps, token: string): Promise<void> =>
  deps.uow((r) => r.sessions.delete(deps.secrets.digest(token)));
