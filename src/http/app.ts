import { readFileSync } from "node:fs";
import { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { DomainError, isDomainError } from "../domain/errors.ts";
import { awardApi } from "./api/award-api.ts";
import { awardBatchApi } from "./api/award-batch-api.ts";
import { bearerAuth } from "./api/bearer-auth.ts";
import { credentialApi, publicCredentialDocuments } from "./api/credential-api.ts";
import { organizationApi } from "./api/organization-api.ts";
import { skillApi } from "./api/skill-api.ts";
import type { AppEnv, HttpDeps } from "./env.ts";
import { requestContext } from "./middleware/request-context.ts";
import { securityHeaders } from "./middleware/security-headers.ts";
import { session } from "./middleware/session.ts";
import { accreditationPages } from "./pages/accreditation-pages.tsx";
import { achievementPages } from "./pages/achievement-pages.tsx";
import { analyticsPages } from "./pages/analytics-pages.tsx";
import { apiKeyPages } from "./pages/api-key-pages.tsx";
import { assessmentPages } from "./pages/assessment-pages.tsx";
import { auditPages } from "./pages/audit-pages.tsx";
import { authPages } from "./pages/auth-pages.tsx";
import { awardBatchPages } from "./pages/award-batch-pages.tsx";
import { awardDetailPages } from "./pages/award-detail-pages.tsx";
import { awardListPages } from "./pages/award-list-pages.tsx";
import { awardPages } from "./pages/award-pages.tsx";
import { badgeImageHeaders, badgeImagePages } from "./pages/badge-image-pages.tsx";
import { catalogPages } from "./pages/catalog-pages.tsx";
import { courseRulesPages } from "./pages/course-rules-pages.tsx";
import { dashboardPages } from "./pages/dashboard-pages.tsx";
import { docsPage, type OpenApiDocument } from "./pages/docs-page.tsx";
import { evidencePages } from "./pages/evidence-pages.tsx";
import { goalPages } from "./pages/goal-pages.tsx";
import { homeAndAdminPages } from "./pages/home-and-admin-pages.tsx";
import { issuerRegistryPages } from "./pages/issuer-registry-pages.tsx";
import { errorPage } from "./pages/kit.tsx";
import { learnerAccountPages } from "./pages/learner-account-pages.tsx";
import { learningPages } from "./pages/learning-pages.tsx";
import { learningPathPages } from "./pages/learning-path-pages.ts";
import { memberPages } from "./pages/member-pages.tsx";
import { organizationPages } from "./pages/organization-pages.tsx";
import { pathwayEditorPages } from "./pages/pathway-editor-pages.tsx";
import { pathwayPages } from "./pages/pathway-pages.tsx";
import { peerHealthPages } from "./pages/peer-health-pages.tsx";
import { peerReviewPages } from "./pages/peer-review-pages.tsx";
import { profilePages } from "./pages/profile-pages.tsx";
import { projectEditorPages } from "./pages/project-editor-pages.tsx";
import { projectPages } from "./pages/project-pages.tsx";
import { publicAchievementPages } from "./pages/public-achievement-page.tsx";
import { quizEditorPages } from "./pages/quiz-editor-pages.tsx";
import { quizPages } from "./pages/quiz-pages.tsx";
import { sharedCredentialPages } from "./pages/shared-credential-page.tsx";
import { skillPages } from "./pages/skill-pages.tsx";
import { talentAccountPages } from "./pages/talent-account-pages.tsx";
import { talentSearchPages } from "./pages/talent-search-pages.tsx";
import { verifyPages } from "./pages/verify-page.tsx";
import { walletItemPages } from "./pages/wallet-item-pages.tsx";
import { walletPages } from "./pages/wallet-pages.tsx";
import { workforceConsentPages } from "./pages/workforce-consent-pages.tsx";
import { workforcePages } from "./pages/workforce-pages.tsx";
import { workforcePeoplePages } from "./pages/workforce-people-pages.tsx";
import { workforceProfilePages } from "./pages/workforce-profile-pages.tsx";
import { problemResponse, validationError } from "./problem.ts";

/**
 * PostgreSQL's "invalid text representation" (SQLSTATE 22P02), anywhere in the cause chain: an address with a
 * malformed id (not a UUID) names nothing, so it is a 404, not a server error.
 */
function isMalformedId(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e === "object" && "code" in e && e.code === "22P02") return true;
    e = typeof e === "object" && "cause" in e ? e.cause : undefined;
  }
  return false;
}

const asset = (name: string) => readFileSync(new URL(`./pages/assets/${name}`, import.meta.url));
const JSON_PATHS =
  /^\/(api\/|credentials\/|presentations\/|status-lists\/|openapi\.json|orgs\/[^/]+\/did\.json)/;
const wantsProblem = (path: string, accept: string | undefined) =>
  JSON_PATHS.test(path) || (accept?.includes("application/json") ?? false);

export function createApp(deps: HttpDeps) {
  const secure = deps.publicUrl.startsWith("https:");
  const app = new Hono<AppEnv>();
  const assets = {
    "app.css": [asset("app.css"), "text/css; charset=utf-8"],
    "cairn.svg": [asset("cairn.svg"), "image/svg+xml"],
    "skill-search.js": [asset("skill-search.js"), "text/javascript; charset=utf-8"],
    "badge-designer.js": [asset("badge-designer.js"), "text/javascript; charset=utf-8"],
    "batch-progress.js": [asset("batch-progress.js"), "text/javascript; charset=utf-8"],
  } as const;

  app.use(requestContext(deps.logger));
  app.use("/images/*", badgeImageHeaders);
  app.use(securityHeaders(secure));
  // CSV uploads of up to 100,000 awards are larger than any other request: they get their own limit.
  const BULK_UPLOAD = /^\/orgs\/[^/]+\/achievements\/[^/]+\/awards\/bulk$/;
  // A project submission carries files of up to 100 MB (each project sets its own, lower, limit).
  const PROJECT_SUBMISSION = /^\/learn\/[^/]+\/projects\/[^/]+$/;
  app.use(async (c, next) => {
    const limit = BULK_UPLOAD.test(c.req.path)
      ? Math.max(deps.bodyLimit, 20 * 1024 * 1024)
      : PROJECT_SUBMISSION.test(c.req.path)
        ? Math.max(deps.bodyLimit, 110 * 1024 * 1024)
        : deps.bodyLimit;
    return bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new DomainError("payload_too_large", `The request body is larger than ${limit} bytes.`);
      },
    })(c, next);
  });

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const state = await deps.readiness().catch(() => ({ database: false, migrations: false }));
    const ready = state.database && state.migrations;
    return c.json({ status: ready ? "ready" : "not_ready", ...state }, ready ? 200 : 503);
  });
  app.get("/assets/:name", (c) => {
    const found = assets[c.req.param("name") as keyof typeof assets];
    if (!found) throw new DomainError("not_found", "No such file.");
    return c.body(new Uint8Array(found[0]), 200, {
      "content-type": found[1],
      "cache-control": "public, max-age=3600",
    });
  });

  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues);
    },
  });
  api.use("/api/v1/*", bearerAuth(deps));
  api.use("/credentials/issue", bearerAuth(deps));
  api.use("/credentials/status", bearerAuth(deps));
  organizationApi(deps, api);
  credentialApi(deps, deps.verifier, api);
  awardApi(deps, api);
  skillApi(deps, api);
  awardBatchApi(deps, api);
  api.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An organization API key (cairn_…), created by an owner under the organization's API keys.",
  });
  app.route("/", api);
  app.route("/", publicCredentialDocuments(deps));
  const openApi = api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Cairn API",
      version: "1",
      description:
        "Organizations, members and credentials on Cairn. Every request needs an organization API key.",
    },
    servers: [{ url: `${deps.publicUrl}/api/v1` }],
  }) as unknown as OpenApiDocument;
  app.get("/openapi.json", (c) => c.json(openApi));

  app.use(session(deps, secure));
  app.get("/docs", (c) => docsPage(c, openApi));
  app.route("/", homeAndAdminPages(deps));
  app.route("/", authPages(deps, secure));
  app.route("/", organizationPages(deps));
  app.route("/", memberPages(deps));
  app.route("/", apiKeyPages(deps));
  app.route("/", skillPages(deps));
  app.route("/", badgeImagePages(deps, deps.rasterizer));
  app.route("/", dashboardPages(deps));
  app.route("/", awardListPages(deps));
  app.route("/", auditPages(deps));
  app.route("/", walletPages(deps));
  app.route("/", walletItemPages(deps));
  app.route("/", sharedCredentialPages(deps));
  app.route("/", learnerAccountPages(deps));
  app.route("/", profilePages(deps));
  app.route("/", issuerRegistryPages(deps));
  app.route("/", catalogPages(deps));
  app.route("/", goalPages(deps));
  app.route("/", evidencePages(deps));
  app.route("/", courseRulesPages(deps));
  app.route("/", learningPages(deps));
  app.route("/", accreditationPages(deps));
  app.route("/", analyticsPages(deps));
  app.route("/", talentAccountPages(deps));
  app.route("/", talentSearchPages(deps));
  app.route("/", pathwayEditorPages(deps));
  app.route("/", learningPathPages(deps));
  app.route("/", pathwayPages(deps));
  // Before the grading pages: "/orgs/:slug/assessments/peer-review" must not be read as a submission id.
  app.route("/", peerHealthPages(deps));
  app.route("/", peerReviewPages(deps));
  app.route("/", verifyPages(deps));
  app.route("/", awardDetailPages(deps));
  app.route("/", awardBatchPages(deps));
  app.route("/", achievementPages(deps));
  app.route("/", awardPages(deps));
  app.route("/", publicAchievementPages(deps));
  app.route("/", workforcePages(deps));
  app.route("/", workforceProfilePages(deps));
  app.route("/", workforcePeoplePages(deps));
  app.route("/", workforceConsentPages(deps));
  app.route("/", projectEditorPages(deps));
  app.route("/", projectPages(deps));
  app.route("/", assessmentPages(deps));
  app.route("/", quizEditorPages(deps));
  app.route("/", quizPages(deps));

  const fail = (c: Parameters<Parameters<typeof app.onError>[0]>[1], error: unknown) => {
    const known = isMalformedId(error)
      ? new DomainError("not_found", "There is nothing at this address.")
      : error instanceof HTTPException
        ? new DomainError(
            error.status === 400 ? "invalid_json" : "invalid_request",
            error.status === 400 ? "The request body is not valid JSON." : error.message,
          )
        : error;
    if (!isDomainError(known)) c.get("log")?.error({ err: known }, "request failed");
    return wantsProblem(c.req.path, c.req.header("accept")) ? problemResponse(c, known) : errorPage(c, known);
  };
  app.onError((error, c) => fail(c, error));
  app.notFound((c) => fail(c, new DomainError("not_found", "There is nothing at this address.")));
  return app;
}
