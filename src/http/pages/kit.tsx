import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { DomainError, isDomainError } from "../../domain/errors.ts";
import type { User } from "../../domain/types.ts";
import type { AppEnv } from "../env.ts";
import { CSRF_FIELD, cookieOptions } from "../middleware/session.ts";
import { fieldErrors, statusFor } from "../problem.ts";
import { Layout, type SocialMeta } from "./layout.tsx";

export type PageContext = Context<AppEnv>;
const FLASH_COOKIE = "cairn_flash";

export function render(
  c: PageContext,
  title: string,
  body: Child,
  status?: ContentfulStatusCode,
  description?: string,
  social?: SocialMeta,
) {
  const flash = getCookie(c, FLASH_COOKIE);
  if (flash) deleteCookie(c, FLASH_COOKIE, { path: "/" });
  return c.html(
    <Layout
      title={title}
      user={c.get("user")}
      flash={flash ? decodeURIComponent(flash) : undefined}
      description={description}
      social={social}
    >
      {body}
    </Layout>,
    status,
  );
}

/** Redirect after a successful POST (303, so a reload does not resubmit), with a one-time notice. */
export function redirectWith(c: PageContext, location: string, notice?: string) {
  if (notice) setCookie(c, FLASH_COOKIE, encodeURIComponent(notice), { ...cookieOptions(false), maxAge: 60 });
  return c.redirect(location, 303);
}

/** Only same-site paths may be a post-sign-in destination. */
export const safeNext = (next: string | undefined): string =>
  next?.startsWith("/") && !next.startsWith("//") && !next.includes("\\") ? next : "/orgs";

/** A path parameter of the matched route (typed loosely once a handler is wrapped by `signedIn`). */
export function pathParam(c: PageContext, name: string): string {
  const value = c.req.param(name);
  if (!value) throw new DomainError("not_found", "There is nothing at this address.");
  return value;
}

/** A page for signed-in people: anyone else is sent to sign in and brought back afterwards. */
export const signedIn =
  <C extends PageContext>(handler: (c: C, user: User) => Response | Promise<Response>) =>
  (c: C): Response | Promise<Response> => {
    const user = c.get("user");
    return user ? handler(c, user) : c.redirect(`/signin?next=${encodeURIComponent(c.req.path)}`, 303);
  };

/** Reads a posted form after checking its CSRF token. Repeated fields (checkboxes) become arrays. */
export async function readForm(c: PageContext): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === "string");
    else if (typeof value === "string") values[key] = value;
  }
  if (values[CSRF_FIELD] !== c.get("csrfToken")) {
    throw new DomainError("csrf_failed", "This form expired. Reload the page and try again.");
  }
  return values;
}

export function parseForm<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    throw new DomainError(
      "validation_failed",
      "Some fields need attention.",
      fieldErrors(parsed.error.issues),
    );
  }
  return parsed.data;
}

/** Renders a form again with its errors, or an error page for errors a form cannot show. */
export function formFailure(
  c: PageContext,
  error: unknown,
  again: (
    errors: Record<string, string> | undefined,
    message: string | undefined,
  ) => Response | Promise<Response>,
) {
  if (!isDomainError(error)) throw error;
  c.status(statusFor(error.code));
  return again(error.fields, error.fields ? undefined : error.message);
}

export function errorPage(c: PageContext, error: unknown) {
  const known = isDomainError(error) ? error : undefined;
  if (!known) c.get("log").error({ err: error }, "page failed");
  const status = known ? statusFor(known.code) : 500;
  const title =
    status === 404
      ? "Not found"
      : status === 403
        ? "Not allowed"
        : status >= 500
          ? "Something went wrong"
          : "That did not work";
  const message = known?.message ?? "Something went wrong on our side. Try again in a moment.";
  return render(
    c,
    title,
    <section class="narrow">
      <h1>{title}</h1>
      <p>{message}</p>
      {status >= 500 ? <p class="hint">Request id: {c.get("requestId")}</p> : null}
      <p>
        <a href="/">Go to the start page</a>
      </p>
    </section>,
    status,
  );
}

/** Headers for a file a signed-in person downloads: named, typed, never cached by shared caches. */
export const attachmentHeaders = (name: string, type: string) => ({
  "content-type": type,
  "content-disposition": `attachment; filename="${name}"`,
  "cache-control": "private, no-store",
});

/** "1 module", "2 modules": a count with its noun. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
