import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { resendVerification, verifyEmail } from "../../app/accounts/email-verification.ts";
import { requestPasswordReset, resetPassword } from "../../app/accounts/password-reset.ts";
import { signOut } from "../../app/accounts/sessions.ts";
import { signIn } from "../../app/accounts/sign-in.ts";
import { signUp } from "../../app/accounts/sign-up.ts";
import { passwordResetInput, passwordResetRequestInput, signInInput, signUpInput } from "../../app/inputs.ts";
import type { AppDeps } from "../../app/ports.ts";
import { SESSION_LIFETIME } from "../../domain/rules.ts";
import { clientIp } from "../client-ip.ts";
import type { AppEnv } from "../env.ts";
import { cookieOptions, SESSION_COOKIE } from "../middleware/session.ts";
import { ErrorSummary, Field, Form, type FormErrors, fieldText } from "./forms.tsx";
import {
  formFailure,
  type PageContext,
  parseForm,
  readForm,
  redirectWith,
  render,
  safeNext,
  signedIn,
} from "./kit.tsx";

type Values = Record<string, string | string[] | undefined>;

export function authPages(deps: AppDeps, secure: boolean) {
  const pages = new Hono<AppEnv>();
  const startSession = (c: PageContext, token: string) =>
    setCookie(c, SESSION_COOKIE, token, { ...cookieOptions(secure), maxAge: SESSION_LIFETIME / 1000 });

  const signUpPage = (c: PageContext, values: Values, errors?: FormErrors, message?: string) =>
    render(
      c,
      "Create your account",
      <section class="narrow">
        <h1>Create your account</h1>
        <p>Earn, keep and share verifiable credentials, or issue them for your organization.</p>
        <ErrorSummary errors={errors} message={message} />
        <Form
          action={`/signup?next=${encodeURIComponent(fieldText(values, "next"))}`}
          csrf={c.get("csrfToken")}
        >
          <Field
            name="name"
            label="Your name"
            value={fieldText(values, "name")}
            errors={errors}
            autocomplete="name"
            required
          />
          <Field
            name="email"
            label="Email address"
            type="email"
            value={fieldText(values, "email")}
            errors={errors}
            autocomplete="email"
            required
          />
          <Field
            name="password"
            label="Password"
            type="password"
            hint="At least 10 characters."
            errors={errors}
            autocomplete="new-password"
            required
          />
          <button type="submit">Create account</button>
        </Form>
        <p>
          Already have an account?{" "}
          <a href={`/signin?next=${encodeURIComponent(fieldText(values, "next"))}`}>Sign in</a>
        </p>
      </section>,
    );

  pages.get("/signup", (c) =>
    signUpPage(c, { next: c.req.query("next") ?? "", email: c.req.query("email") ?? "" }),
  );
  pages.post("/signup", async (c) => {
    const values = await readForm(c);
    const next = c.req.query("next");
    try {
      const { sessionToken } = await signUp(deps, parseForm(signUpInput, values));
      startSession(c, sessionToken);
      return redirectWith(
        c,
        safeNext(next),
        "Welcome to Cairn. We sent you a link to confirm your email address.",
      );
    } catch (error) {
      return formFailure(c, error, (errors, message) => signUpPage(c, { ...values, next }, errors, message));
    }
  });

  const signInPage = (c: PageContext, values: Values, errors?: FormErrors, message?: string) =>
    render(
      c,
      "Sign in",
      <section class="narrow">
        <h1>Sign in</h1>
        <ErrorSummary errors={errors} message={message} />
        <Form
          action={`/signin?next=${encodeURIComponent(fieldText(values, "next"))}`}
          csrf={c.get("csrfToken")}
        >
          <Field
            name="email"
            label="Email address"
            type="email"
            value={fieldText(values, "email")}
            errors={errors}
            autocomplete="email"
            required
          />
          <Field
            name="password"
            label="Password"
            type="password"
            errors={errors}
            autocomplete="current-password"
            required
          />
          <button type="submit">Sign in</button>
        </Form>
        <p>
          <a href="/password/forgot">Forgot your password?</a> · New here?{" "}
          <a href={`/signup?next=${encodeURIComponent(fieldText(values, "next"))}`}>Create an account</a>
        </p>
      </section>,
    );

  pages.get("/signin", (c) => signInPage(c, { next: c.req.query("next") ?? "" }));
  pages.post("/signin", async (c) => {
    const values = await readForm(c);
    const next = c.req.query("next");
    try {
      const input = parseForm(signInInput, values);
      const { sessionToken } = await signIn(deps, { ...input, ip: clientIp(c) });
      startSession(c, sessionToken);
      return redirectWith(c, safeNext(next));
    } catch (error) {
      return formFailure(c, error, (errors, message) =>
        signInPage(c, { email: fieldText(values, "email"), next }, errors, message),
      );
    }
  });

  pages.post("/signout", async (c) => {
    await readForm(c);
    const token = c.get("sessionToken");
    if (token) await signOut(deps, token);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return redirectWith(c, "/", "You are signed out.");
  });

  // Mail scanners follow links; a button press (POST) is what confirms, so a prefetch cannot use up the link.
  pages.get("/verify-email/:token", (c) =>
    render(
      c,
      "Confirm your email address",
      <section class="narrow">
        <h1>Confirm your email address</h1>
        <Form action={c.req.path} csrf={c.get("csrfToken")}>
          <button type="submit">Confirm my email address</button>
        </Form>
      </section>,
    ),
  );
  pages.post("/verify-email/:token", async (c) => {
    await readForm(c);
    await verifyEmail(deps, c.req.param("token"));
    return redirectWith(c, c.get("user") ? "/account" : "/signin", "Your email address is confirmed.");
  });

  const forgotPage = (c: PageContext, errors?: FormErrors, email = "") =>
    render(
      c,
      "Reset your password",
      <section class="narrow">
        <h1>Reset your password</h1>
        <p>Enter your account's email address and we will send you a link to choose a new password.</p>
        <ErrorSummary errors={errors} />
        <Form action="/password/forgot" csrf={c.get("csrfToken")}>
          <Field
            name="email"
            label="Email address"
            type="email"
            value={email}
            errors={errors}
            autocomplete="email"
            required
          />
          <button type="submit">Send the link</button>
        </Form>
      </section>,
    );
  pages.get("/password/forgot", (c) => forgotPage(c));
  pages.post("/password/forgot", async (c) => {
    const values = await readForm(c);
    try {
      await requestPasswordReset(deps, parseForm(passwordResetRequestInput, values));
      return redirectWith(
        c,
        "/signin",
        "If an account uses that address, a reset link is on its way. It expires in one hour.",
      );
    } catch (error) {
      return formFailure(c, error, (errors) => forgotPage(c, errors, fieldText(values, "email")));
    }
  });

  const resetPage = (c: PageContext, errors?: FormErrors, message?: string) =>
    render(
      c,
      "Choose a new password",
      <section class="narrow">
        <h1>Choose a new password</h1>
        <ErrorSummary errors={errors} message={message} />
        <Form action={c.req.path} csrf={c.get("csrfToken")}>
          <Field
            name="password"
            label="New password"
            type="password"
            hint="At least 10 characters."
            errors={errors}
            autocomplete="new-password"
            required
          />
          <button type="submit">Save the new password</button>
        </Form>
      </section>,
    );
  pages.get("/password/reset/:token", (c) => resetPage(c));
  pages.post("/password/reset/:token", async (c) => {
    const values = await readForm(c);
    try {
      const { password } = parseForm(passwordResetInput, values);
      await resetPassword(deps, { token: c.req.param("token"), password });
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return redirectWith(c, "/signin", "Your password is changed. Sign in with the new one.");
    } catch (error) {
      return formFailure(c, error, (errors, message) => resetPage(c, errors, message));
    }
  });

  pages.get(
    "/account",
    signedIn((c, user) => {
      return render(
        c,
        "Your account",
        <section class="narrow">
          <h1>Your account</h1>
          <dl class="facts">
            <dt>Name</dt>
            <dd>{user.name}</dd>
            <dt>Email address</dt>
            <dd>
              {user.email}{" "}
              {user.emailVerifiedAt ? (
                <span class="tag ok">confirmed</span>
              ) : (
                <span class="tag warn">not confirmed yet</span>
              )}
            </dd>
            <dt>Platform role</dt>
            <dd>{user.isPlatformAdmin ? "Platform admin" : "Member"}</dd>
          </dl>
          {user.emailVerifiedAt ? null : (
            <Form action="/account/resend-verification" csrf={c.get("csrfToken")}>
              <button type="submit" class="secondary">
                Send the confirmation link again
              </button>
            </Form>
          )}
          <h2>Your wallet and you</h2>
          <ul>
            <li>
              <a href="/account/addresses">Your addresses</a>: credentials awarded to any confirmed one join
              your wallet
            </li>
            <li>
              <a href="/account/did">Your DID</a>: an identifier issuers can award to, and signed
              presentations
            </li>
            <li>
              <a href="/account/profile">Your public profile</a>
            </li>
            <li>
              <a href="/account/employers">Employers</a>: who sees your wallet, and training they sponsor
              <a href="/account/talent">Talent search</a>: let employers find you by your verified skills, and
              read their messages
            </li>
            <li>
              <a href="/account/goals">Learning goals</a>: skills or a pathway to aim for; the catalog shows
              what fits them
            </li>
            <li>
              <a href="/account/saved">Saved micro-credentials</a>: your list from the catalog, to compare
            </li>
            <li>
              <a href="/account/data">Your data</a>: download everything, or delete your account
            </li>
          </ul>
        </section>,
      );
    }),
  );
  pages.post(
    "/account/resend-verification",
    signedIn(async (c, user) => {
      await readForm(c);
      await resendVerification(deps, user.id);
      return redirectWith(c, "/account", "A new confirmation link is on its way.");
    }),
  );

  return pages;
}
