import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { withAwardReasons } from "./app/awards/lifecycle/status-reason.ts";
import { getDidDocument } from "./app/issuing/issuer-keys.ts";
import { getStatusListCredential } from "./app/issuing/status-lists.ts";
import type { AppDeps, FileStore, Mailer, PasswordHasher, Verifier } from "./app/ports.ts";
import { withIssuerTrust } from "./app/trust/issuer-trust.ts";
import { bakePng } from "./credentials/baking/png.ts";
import { bakeSvg } from "./credentials/baking/svg.ts";
import { renderCertificatePdf } from "./credentials/certificate/certificate-pdf.ts";
import { createCredentialEngine } from "./credentials/engine.ts";
import { createJsonLdContextCache } from "./credentials/fast/context-cache.ts";
import { DEFAULT_FETCH_LIMITS, fetchJsonLimited } from "./credentials/http-fetch.ts";
import { readImport } from "./credentials/import/read-import.ts";
import { recipientMatches } from "./credentials/import/recipient.ts";
import { createVerifier, guardFetch, secureOnly } from "./credentials/verifier.ts";
import type { Database } from "./db/client.ts";
import { migrationsApplied } from "./db/migrate.ts";
import { createUnitOfWork } from "./db/unit-of-work.ts";
import type { HttpDeps } from "./http/env.ts";
import { resvgRasterizer } from "./images/resvg-rasterizer.ts";
import type { Jobs } from "./jobs/boss.ts";
import { newId, nodeSecrets, randomUint32 } from "./security/secrets.ts";

export type WiringInput = {
  database: Database;
  jobs: Jobs;
  logger: Logger;
  mailer: Mailer;
  passwords: PasswordHasher;
  masterKey: Uint8Array;
  publicUrl: string;
  bodyLimit: number;
  /** Where submitted files are kept: disk under the data folder in production, a temporary folder in tests. */
  fileStore: FileStore;
  clock?: () => Date;
  random?: () => number;
};

/** Builds the use cases' dependencies and the web layer's from the adapters; main.ts and the tests share it. */
export function wire(input: WiringInput): { deps: AppDeps; httpDeps: HttpDeps } {
  const clock = input.clock ?? (() => new Date());
  // One JSON-LD context cache per process, shared by signing and verifying.
  const contextCache = createJsonLdContextCache();
  const deps: AppDeps = {
    uow: createUnitOfWork(input.database, input.jobs.queueOn),
    clock,
    newId,
    secrets: nodeSecrets,
    passwords: input.passwords,
    publicUrl: input.publicUrl,
    credentials: createCredentialEngine({
      masterKey: input.masterKey,
      publicUrl: input.publicUrl,
      contextCache,
    }),
    randomUint32: input.random ?? randomUint32,
    fileStore: input.fileStore,
  };
  const { verifier, plainVerifier } = localVerifier(deps, contextCache, clock);
  // Imports of Open Badges 2.0 fetch assertions, badge classes and keys through the same guarded fetch as verification.
  const net = secureOnly(guardFetch((url, init) => globalThis.fetch(url, init)));
  const fetchJson = (url: string) => fetchJsonLimited(net, url, DEFAULT_FETCH_LIMITS);
  const httpDeps: HttpDeps = {
    ...deps,
    logger: input.logger,
    mailer: input.mailer,
    bodyLimit: input.bodyLimit,
    verifier,
    rasterizer: resvgRasterizer(),
    files: { bakePng, bakeSvg, certificatePdf: renderCertificatePdf },
    importer: {
      read: (credential) => readImport(credential, { verifier: plainVerifier, fetchJson, now: clock }),
      recipientMatches,
    },
    readiness: async () => {
      await input.database.db.execute(sql`SELECT 1`);
      return { database: true, migrations: await migrationsApplied(input.database.db) };
    },
  };
  return { deps, httpDeps };
}

/** A verifier that answers for Cairn's own issuers and status lists from the database, and for everyone else over the network. */
function localVerifier(
  deps: AppDeps,
  contextCache: ReturnType<typeof createJsonLdContextCache>,
  now: () => Date,
): { verifier: Verifier; plainVerifier: ReturnType<typeof createVerifier> } {
  const didPrefix = deps.credentials.organizationDid("x").slice(0, -1);
  const listPrefix = `${deps.publicUrl}/status-lists/`;
  const verifier = createVerifier({
    now,
    contextCache,
    localDidDocument: async (did) => {
      const slug = did.split("#")[0]?.slice(didPrefix.length);
      if (!did.startsWith(didPrefix) || !slug || slug.includes(":")) return undefined;
      return getDidDocument(deps, slug).catch(() => undefined);
    },
    localStatusList: async (url) => {
      if (!url.startsWith(listPrefix)) return undefined;
      const id = url.slice(listPrefix.length).split("#")[0] ?? "";
      return getStatusListCredential(deps, id).then(
        (list) => list.credential,
        () => undefined,
      );
    },
  });
  // Cairn's own awards: a failed status check also says why the issuer revoked or suspended the award; every
  // credential gets the registry's "trust" check.
  return {
    plainVerifier: verifier,
    verifier: {
      verify: async (input, options) =>
        withIssuerTrust(
          deps,
          await withAwardReasons(
            deps,
            (await verifier.verify(input, options)) as Awaited<ReturnType<Verifier["verify"]>>,
          ),
        ),
    },
  };
}
