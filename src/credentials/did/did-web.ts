import { CredentialEngineError } from "../errors.ts";

/**
 * Maps a did:web DID to the URL of its DID document (did:web method spec §3.2):
 * `did:web:localhost%3A3000:orgs:acme` → `http://localhost:3000/orgs/acme/did.json`.
 * Only localhost (and 127.0.0.1) may use http; every other host is https only.
 */
export function didWebToUrl(did: string): URL {
  const parts = did.split(":");
  if (parts[0] !== "did" || parts[1] !== "web" || parts.length < 3 || parts.some((part) => part === "")) {
    throw new CredentialEngineError("invalid_did", `"${did}" is not a did:web DID.`);
  }
  const host = decodeURIComponent(parts[2] ?? "");
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) {
    throw new CredentialEngineError("invalid_did", `"${did}" has an invalid host "${host}".`);
  }
  const path = parts.slice(3).map((segment) => decodeURIComponent(segment));
  if (path.some((segment) => segment === "." || segment === ".." || segment.includes("/"))) {
    throw new CredentialEngineError("invalid_did", `"${did}" has an invalid path.`);
  }
  const scheme = isLocalHost(host) ? "http" : "https";
  const suffix =
    path.length === 0 ? "/.well-known/did.json" : `/${path.map(encodeURIComponent).join("/")}/did.json`;
  return new URL(`${scheme}://${host}${suffix}`);
}

/** Maps a base URL and path segments to a did:web DID: (`http://localhost:3000`, ["orgs","acme"]) → `did:web:localhost%3A3000:orgs:acme`. */
export function urlToDidWeb(baseUrl: string, pathSegments: readonly string[] = []): string {
  const url = new URL(baseUrl);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLocalHost(url.hostname))) {
    throw new CredentialEngineError(
      "invalid_did",
      `did:web needs https (or http on localhost): "${baseUrl}".`,
    );
  }
  const basePath = url.pathname.split("/").filter((segment) => segment !== "");
  const segments = [...basePath, ...pathSegments].map((segment) => encodeURIComponent(segment));
  return ["did", "web", encodeURIComponent(url.host), ...segments].join(":");
}

function isLocalHost(host: string): boolean {
  const name = host.replace(/:\d+$/, "");
  return name === "localhost" || name === "127.0.0.1";
}
