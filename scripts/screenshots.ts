// Regenerates docs/screenshots/*.png from a demo install: `npm run screenshots`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { issueDemoCredentials } from "../src/app/demo/demo-credentials.ts";
import { seedDemoEarning } from "../src/app/demo/demo-earning.ts";
import { completeDemoPathways, seedDemoPathway } from "../src/app/demo/demo-pathway.ts";
import { seedDemoAccreditation } from "../src/app/demo/demo-trust.ts";
import { fillDemoWallets } from "../src/app/demo/demo-wallets.ts";
import { DEMO_PASSWORD, seedDemo } from "../src/app/demo/seed-demo.ts";
import { loadConfig } from "../src/config.ts";
import { createApp } from "../src/http/app.ts";
import { openRuntime } from "../src/main.ts";
import { launchBrowser } from "../test/browser.ts";
import { freePort } from "../test/postgres-server.ts";

const dataDir = mkdtempSync(join(tmpdir(), "cairn-shots-"));
const port = await freePort();
const config = loadConfig({
  CAIRN_DATA_DIR: dataDir,
  PORT: String(port),
  CAIRN_PUBLIC_URL: `http://localhost:${port}`,
  LOG_LEVEL: "warn",
});
const runtime = await openRuntime(config, { workers: true });
const { accounts } = await seedDemo(runtime.deps);
const learners = accounts.filter((a) => a.role.startsWith("learner"));
const earning = await seedDemoEarning(runtime.deps, "northfield", {
  owner: "owner@northfield.test",
  assessor: "assessor@northfield.test",
});
await seedDemoAccreditation(runtime.deps, "northfield", "quinn@quality.test");
const credentials = await issueDemoCredentials(runtime.deps, "northfield", learners);
const emails = learners.map((l) => l.email);
const pathway = await seedDemoPathway(runtime.deps, "northfield", "owner@northfield.test", emails);
await fillDemoWallets(runtime.deps, emails);
await completeDemoPathways(runtime.deps, emails);
const [publicPage] = await fillDemoWallets(runtime.deps, emails);
const app = createApp(runtime.httpDeps);
const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
const base = `http://localhost:${port}`;
const browser = await launchBrowser();
const page = await (await browser.newContext({ viewport: { width: 1200, height: 780 } })).newPage();
const shot = async (path: string, name: string) => {
  await page.goto(`${base}${path}`);
  await page.screenshot({ path: join("docs", "screenshots", `${name}.png`), fullPage: false });
};
const signInAs = async (email: string) => {
  await page.context().clearCookies();
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForTimeout(1500);
};
try {
  await shot("/", "landing");
  await shot("/signup", "sign-up");
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email address").fill("owner@northfield.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${base}/orgs`);
  await shot("/orgs", "organizations");
  await shot("/orgs/northfield", "organization");
  await page.goto(`${base}/orgs/northfield/members`);
  await page.getByLabel("Email address").fill("new.colleague@northfield.test");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await page.screenshot({ path: join("docs", "screenshots", "members.png") });
  await shot("/orgs/northfield/settings", "settings");
  await shot("/orgs/northfield/achievements", "micro-credentials");
  await page.goto(`${base}/orgs/northfield/achievements`);
  await page.getByRole("link", { name: "Data Literacy Foundations" }).click();
  const definition = page.url().split("/").at(-1);
  await shot(`/achievements/${definition}`, "public-achievement");
  await shot("/orgs/northfield/awards", "awards");
  await shot("/orgs/northfield/awards/dashboard", "dashboard");
  await shot("/orgs/northfield/api-keys", "api-keys");
  await shot("/docs", "api-docs");
  if (pathway) {
    await page.goto(`${base}/orgs/northfield/achievements/${pathway.id}/pathway`);
    await page.screenshot({ path: join("docs", "screenshots", "pathway-editor.png") });
  }
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email address").fill("admin@cairn.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForTimeout(1500);
  await shot("/admin/outbox", "admin-outbox");
  await page.context().clearCookies();
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email address").fill(learners[0]?.email ?? "");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForTimeout(1500);
  await shot("/wallet", "wallet");
  await page.locator('.wallet-cards a[href^="/wallet/"]').first().click();
  await page.screenshot({ path: join("docs", "screenshots", "wallet-credential.png"), fullPage: true });
  if (pathway) {
    await page.goto(`${base}/pathways/${pathway.id}`);
    await page.screenshot({ path: join("docs", "screenshots", "pathway.png"), fullPage: true });
  }
  await page.context().clearCookies();
  if (publicPage) await shot(new URL(publicPage.url).pathname, "public-credential");
  await shot("/issuers", "issuer-registry");
  await shot("/issuers/northfield", "issuer-profile");
  const genuine = credentials.find((c) => !c.revoked)?.credential;
  if (genuine) {
    await page.goto(`${base}/verify`);
    await page.getByLabel("Paste the credential (JSON or a JWT)").fill(JSON.stringify(genuine));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.screenshot({ path: join("docs", "screenshots", "verify-accredited.png"), fullPage: true });
  }
  await signInAs("owner@northfield.test");
  await shot("/orgs/northfield/analytics", "analytics");
  await signInAs("quinn@quality.test");
  await shot("/orgs/qamc/accreditations", "accreditation-desk");
  await signInAs("emma@employer.test");
  await shot("/orgs/northwind/talent?skill=data", "talent-search");
  await shot("/orgs/northwind/workforce", "workforce-matrix");
  if (earning) {
    await signInAs("luis@learner.test");
    await page.goto(`${base}/learn/${earning.achievementId}`);
    await page.screenshot({ path: join("docs", "screenshots", "course-player.png"), fullPage: true });
    await signInAs("assessor@northfield.test");
    await page.goto(`${base}/orgs/northfield/assessments`);
    await page.locator("table a").first().click();
    await page.screenshot({ path: join("docs", "screenshots", "grading.png"), fullPage: true });
    await signInAs("owner@northfield.test");
    await page.goto(`${base}/orgs/northfield/learning`);
    await page.screenshot({ path: join("docs", "screenshots", "learning-paths.png"), fullPage: true });
  }
} finally {
  await browser.close();
  server.close();
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log("docs/screenshots updated");
