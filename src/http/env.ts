import type { Logger } from "pino";
import type {
  AppDeps,
  CredentialFiles,
  CredentialImporter,
  Mailer,
  SvgRasterizer,
  Verifier,
} from "../app/ports.ts";
import type { Actor, User } from "../domain/types.ts";

export type Readiness = () => Promise<{ database: boolean; migrations: boolean }>;

/** Everything the web layer needs; main.ts builds it, tests build their own. */
export type HttpDeps = AppDeps & {
  logger: Logger;
  mailer: Mailer;
  readiness: Readiness;
  bodyLimit: number;
  verifier: Verifier;
  rasterizer: SvgRasterizer;
  files: CredentialFiles;
  importer: CredentialImporter;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    user: User | undefined;
    sessionToken: string | undefined;
    csrfToken: string;
    actor: Actor | undefined;
  };
};

export const actorOf = (user: User): Actor => ({
  kind: "user",
  userId: user.id,
  isPlatformAdmin: user.isPlatformAdmin,
});
