type App = { request(input: string, init?: RequestInit): Response | Promise<Response> };

/** A browser-like client for app.request: keeps cookies, sends forms with the CSRF token, does not follow redirects. */
export function browserClient(app: App) {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

  async function request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set("cookie", cookieHeader());
    const response = await app.request(path, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", ...rest] = pair.split("=");
      const value = rest.join("=");
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim())) || value === "";
      if (expired) jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
    return response;
  }

  return {
    jar,
    get: (path: string) => request(path),
    /** Visits a page first (as a person would), then posts the form with the CSRF token the page set. */
    async submit(
      path: string,
      fields: Record<string, string | string[]>,
      options: { from?: string; csrf?: string } = {},
    ) {
      if (!jar.has("cairn_csrf")) await request(options.from ?? "/");
      const body = new URLSearchParams();
      for (const [key, value] of Object.entries(fields)) {
        for (const v of ([] as string[]).concat(value)) body.append(key, v);
      }
      body.set("_csrf", options.csrf ?? jar.get("cairn_csrf") ?? "");
      return request(path, {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
      });
    },
    async upload(path: string, field: string, file: File) {
      const form = new FormData();
      form.set(field, file);
      form.set("_csrf", jar.get("cairn_csrf") ?? "");
      return request(path, { method: "POST", body: form });
    },
    json: (path: string, method: string, body: unknown, apiKey?: string) =>
      request(path, {
        method,
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
        headers: {
          "content-type": "application/json",
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
      }),
  };
}
export type BrowserClient = ReturnType<typeof browserClient>;

/** Signs up through the form and returns the signed-in client. */
export async function signedUp(app: App, person: { email: string; name?: string; password?: string }) {
  const client = browserClient(app);
  const response = await client.submit("/signup", {
    name: person.name ?? person.email.split("@")[0] ?? "Someone",
    email: person.email,
    password: person.password ?? "correct horse battery",
  });
  if (response.status !== 303) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return client;
}
