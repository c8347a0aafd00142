import type { Child } from "hono/jsx";
import type { User } from "../../domain/types.ts";

export type LayoutProps = {
  title: string;
  user: User | undefined;
  flash?: string | undefined;
  description?: string | undefined;
  /** Link-preview extras for pages meant to be shared (absolute URLs). */
  social?: SocialMeta | undefined;
  children: Child;
};
export type SocialMeta = { url: string; image?: string | undefined; imageAlt?: string | undefined };

function Navigation({ user }: { user: User | undefined }) {
  return (
    <nav aria-label="Main">
      <ul class="nav">
        <li>
          <a href="/">Home</a>
        </li>
        <li>
          <a href="/catalog">Catalog</a>
        </li>
        {user ? (
          <>
            <li>
              <a href="/learn">Learning</a>
            </li>
            <li>
              <a href="/wallet">Wallet</a>
            </li>
            <li>
              <a href="/orgs">Organizations</a>
            </li>
            {user.isPlatformAdmin ? (
              <li>
                <a href="/admin">Admin</a>
              </li>
            ) : null}
            <li>
              <a href="/account">Account</a>
            </li>
          </>
        ) : null}
        <li>
          <a href="/verify">Verify</a>
        </li>
        <li>
          <a href="/issuers">Issuers</a>
        </li>
        <li>
          <a href="/docs">API</a>
        </li>
      </ul>
      <ul class="nav nav-end">
        {user ? (
          <li>
            <form method="post" action="/signout" class="inline">
              <button type="submit" class="link-button">
                Sign out <span class="visually-hidden">{user.name}</span>
              </button>
            </form>
          </li>
        ) : (
          <>
            <li>
              <a href="/signin">Sign in</a>
            </li>
            <li>
              <a href="/signup" class="button small">
                Create account
              </a>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

export function Layout({ title, user, flash, description, social, children }: LayoutProps) {
  const fullTitle = title === "Cairn" ? title : `${title} · Cairn`;
  const summary = description ?? "Cairn: verifiable micro-credentials that stack into pathways.";
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={summary} />
        <meta property="og:title" content={fullTitle} />
        <meta property="og:description" content={summary} />
        <meta property="og:type" content="website" />
        {social ? (
          <>
            <meta property="og:url" content={social.url} />
            <link rel="canonical" href={social.url} />
            <meta name="twitter:card" content={social.image ? "summary_large_image" : "summary"} />
            <meta name="twitter:title" content={fullTitle} />
            <meta name="twitter:description" content={summary} />
            {social.image ? (
              <>
                <meta property="og:image" content={social.image} />
                <meta property="og:image:alt" content={social.imageAlt ?? title} />
                <meta name="twitter:image" content={social.image} />
              </>
            ) : null}
          </>
        ) : null}
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/cairn.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <a href="/" class="brand">
            <img src="/assets/cairn.svg" alt="" width="28" height="28" />
            <span>Cairn</span>
          </a>
          <Navigation user={user} />
        </header>
        <main id="main" tabindex={-1}>
          {flash ? (
            <div class="flash" role="status">
              {flash}
            </div>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <p>
            Cairn issues Open Badges 3.0 credentials anyone can verify. <a href="/docs">API documentation</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
