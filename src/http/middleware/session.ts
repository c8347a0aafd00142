import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { userForSession } from "../../app/accounts/sessions.ts";
import type { AppDeps } from "../../app/ports.ts";
import type { AppEnv } from "../env.ts";

export const SESSION_COOKIE = "cairn_session";
export const CSRF_COOKIE = "cairn_csrf";
export const CSRF_FIELD = "_csrf";

export const cookieOptions = (secure: boolean) =>
  ({ httpOnly: true, sameSite: "Lax", secure, path: "/" }) as const;

/**
 * Loads the signed-in user from the session cookie and makes sure the browser holds a CSRF token.
 * Forms echo the token in a hidden field; state-changing page requests must match it (double submit).
 */
export const session =
  (deps: AppDeps, secure: boolean): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const user = token ? await userForSession(deps, token) : undefined;
    c.set("user", user);
    c.set("sessionToken", user ? token : undefined);
    let csrf = getCookie(c, CSRF_COOKIE);
    if (!csrf || !/^[A-Za-z0-9_-]{32,}$/.test(csrf)) {
      csrf = deps.secrets.token();
      setCookie(c, CSRF_COOKIE, csrf, cookieOptions(secure));
    }
    c.set("csrfToken", csrf);
    await next();
  };
