import { zipSync } from "fflate";
import { Hono } from "hono";
import { deleteCookie } from "hono/cookie";
import {
  addAddress,
  confirmAddress,
  listAddresses,
  pendingAddress,
  removeAddress,
} from "../../app/wallet/addresses.ts";
import { deleteAccount, exportAccountData } from "../../app/wallet/data-rights.ts";
import { learnerClr } from "../../app/wallet/learner-clr.ts";
import { exportLearnerKey, learnerDid, signedPresentation } from "../../app/wallet/learner-did.ts";
import type { AppEnv, HttpDeps } from "../env.ts";
import { SESSION_COOKIE } from "../middleware/session.ts";
import { ErrorSummary, Field, Form, type FormErrors, fieldText } from "./forms.tsx";
import {
  attachmentHeaders,
  formFailure,
  type PageContext,
  pathParam,
  readForm,
  redirectWith,
  render,
  signedIn,
} from "./kit.tsx";

/** A learner's addresses, DID and data: the account pages the wallet depends on. */
export function learnerAccountPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();

  const addressesPage = async (
    c: PageContext,
    userId: string,
    values = "",
    errors?: FormErrors,
    message?: string,
  ) => {
    const addresses = await listAddresses(deps, userId);
    const user = c.get("user");
    return render(
      c,
      "Your addresses",
      <section class="narrow">
        <h1>Your addresses</h1>
        <p>
          Credentials awarded to any confirmed address of yours go into your wallet. You sign in with{" "}
          <strong>{user?.email}</strong>.
        </p>
        {addresses.length ? (
          <table>
            <caption class="visually-hidden">Extra addresses</caption>
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">State</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {addresses.map((a) => (
                <tr>
                  <td>{a.email}</td>
                  <td>
                    {a.verifiedAt ? (
                      <span class="tag ok">confirmed</span>
                    ) : (
                      <span class="tag warn">waiting for confirmation</span>
                    )}
                  </td>
                  <td>
                    <Form
                      action={`/account/addresses/${a.id}/remove`}
                      csrf={c.get("csrfToken")}
                      class="inline"
                    >
                      <button type="submit" class="secondary small">
                        Remove <span class="visually-hidden">{a.email}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>No extra addresses yet.</p>
        )}
        <h2>Add an address</h2>
        <ErrorSummary errors={errors} message={message} />
        <Form action="/account/addresses" csrf={c.get("csrfToken")}>
          <Field
            name="email"
            label="Email address"
            type="email"
            value={values}
            errors={errors}
            autocomplete="email"
          />
          <button type="submit">Send a confirmation link</button>
        </Form>
      </section>,
    );
  };

  pages.get(
    "/account/addresses",
    signedIn((c, user) => addressesPage(c, user.id)),
  );
  pages.post(
    "/account/addresses",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      const email = fieldText(values, "email");
      try {
        await addAddress(deps, user.id, email);
        return redirectWith(c, "/account/addresses", `A confirmation link is on its way to ${email.trim()}.`);
      } catch (error) {
        return formFailure(c, error, (errors, message) => addressesPage(c, user.id, email, errors, message));
      }
    }),
  );
  pages.post(
    "/account/addresses/:id/remove",
    signedIn(async (c, user) => {
      await readForm(c);
      await removeAddress(deps, user.id, pathParam(c, "id"));
      return redirectWith(c, "/account/addresses", "The address was removed.");
    }),
  );
  pages.get(
    "/account/addresses/:id/confirm/:token",
    signedIn(async (c, user) => {
      const address = await pendingAddress(deps, user.id, pathParam(c, "id"));
      return render(
        c,
        "Confirm an address",
        <section class="narrow">
          <h1>Confirm an address</h1>
          <p>
            Add <strong>{address.email}</strong> to the Cairn account <strong>{user.email}</strong>?
            Credentials awarded to it will go into this account's wallet.
          </p>
          <Form action={c.req.path} csrf={c.get("csrfToken")}>
            <button type="submit">Confirm {address.email}</button>
          </Form>
        </section>,
      );
    }),
  );
  pages.post(
    "/account/addresses/:id/confirm/:token",
    signedIn(async (c, user) => {
      await readForm(c);
      const attached = await confirmAddress(deps, user.id, pathParam(c, "id"), pathParam(c, "token"));
      const notice = `The address is confirmed.${attached ? ` ${attached} credential(s) joined your wallet.` : ""}`;
      return redirectWith(c, "/wallet", notice);
    }),
  );

  pages.get(
    "/account/did",
    signedIn(async (c, user) => {
      const key = await learnerDid(deps, user.id);
      return render(
        c,
        "Your DID",
        <section class="narrow">
          <h1>Your DID</h1>
          <p>
            A decentralized identifier that is yours: give it to an issuer and they can award credentials to
            it instead of an email address. They join your wallet on your next visit.
          </p>
          <p>
            <code class="mono wrap">{key.did}</code>
          </p>
          <ul class="downloads">
            <li>
              <a href="/account/did/presentation.json">
                Download a presentation of your credentials, signed with this DID
              </a>
            </li>
            <li>
              <a href="/account/did/clr.json">
                Download a Comprehensive Learner Record (CLR 2.0) of your credentials
              </a>
            </li>
            <li>
              <a href="/account/did/key.json">Export the key pair</a> (keep it secret: it lets anyone act as
              you)
            </li>
          </ul>
        </section>,
      );
    }),
  );
  pages.get(
    "/account/did/key.json",
    signedIn(async (c, user) =>
      c.body(
        JSON.stringify(await exportLearnerKey(deps, user.id), null, 2),
        200,
        attachmentHeaders("cairn-did-key.json", "application/json"),
      ),
    ),
  );
  pages.get(
    "/account/did/presentation.json",
    signedIn(async (c, user) => {
      const presentation = await signedPresentation(deps, user.id, {
        itemIds: c.req.queries("item") ?? [],
        challenge: c.req.query("challenge")?.slice(0, 200),
        domain: c.req.query("domain")?.slice(0, 200),
      });
      return c.body(
        JSON.stringify(presentation, null, 2),
        200,
        attachmentHeaders("presentation.json", "application/vp+ld+json"),
      );
    }),
  );

  pages.get(
    "/account/did/clr.json",
    signedIn(async (c, user) => {
      const clr = await learnerClr(deps, user.id);
      return c.body(
        JSON.stringify(clr, null, 2),
        200,
        attachmentHeaders("learner-record-clr.json", "application/vc+ld+json"),
      );
    }),
  );

  const dataPage = (c: PageContext, errors?: FormErrors, message?: string) =>
    render(
      c,
      "Your data",
      <section class="narrow">
        <h1>Your data</h1>
        <h2>Take everything with you</h2>
        <p>
          One archive (ZIP) with your account, addresses, wallet, shares, and every credential exactly as
          signed, so any other wallet can import them.
        </p>
        <p>
          <a class="button secondary" href="/account/data/export.zip">
            Download my data
          </a>
        </p>
        <h2>Delete my account</h2>
        <p>
          Your wallet, shares, public pages, addresses, DID and profile are deleted. Credentials stay with the
          organizations that issued them: they remain verifiable and the issuer can still revoke them.
        </p>
        <ErrorSummary errors={errors} message={message} />
        <Form action="/account/delete" csrf={c.get("csrfToken")}>
          <Field
            name="password"
            label="Your password, to confirm"
            type="password"
            errors={errors}
            autocomplete="current-password"
          />
          <button type="submit" class="danger">
            Delete my account
          </button>
        </Form>
      </section>,
    );
  pages.get(
    "/account/data",
    signedIn((c) => dataPage(c)),
  );
  pages.get(
    "/account/data/export.zip",
    signedIn(async (c, user) => {
      const { files } = await exportAccountData(deps, user.id);
      const encoder = new TextEncoder();
      const zip = zipSync(
        Object.fromEntries(Object.entries(files).map(([path, text]) => [path, encoder.encode(text)])),
      );
      return c.body(
        zip as Uint8Array<ArrayBuffer>,
        200,
        attachmentHeaders("cairn-data.zip", "application/zip"),
      );
    }),
  );
  pages.post(
    "/account/delete",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      try {
        await deleteAccount(deps, user.id, fieldText(values, "password"));
      } catch (error) {
        return formFailure(c, error, (errors, message) => dataPage(c, errors, message));
      }
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return redirectWith(c, "/", "Your account is deleted.");
    }),
  );
  return pages;
}
