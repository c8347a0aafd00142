import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureStarterSkills } from "../src/app/skills/ensure-starter-skills.ts";
import { expectNoSeriousA11yViolations } from "../test/browser.ts";
import { type E2e, signUpWithOrganization, startE2e } from "../test/e2e-server.ts";

let e2e: E2e;
let browser: Browser;
let base: string;

beforeAll(async () => {
  e2e = await startE2e();
  await ensureStarterSkills(e2e.ctx.deps);
  ({ browser, base } = e2e);
});
afterAll(() => e2e?.close());

const ESCO = [
  "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description",
  'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/m1,skill/competence,sector-specific,manage musical staff,"coordinate music staff",Assign and manage staff tasks.',
  "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/s1,skill/competence,cross-sector,operate solar panels,,Run photovoltaic systems.",
].join("\n");
const EVIL_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><script>alert(1)</script><circle cx="50" cy="50" r="40"/></svg>';

async function checked(page: Page) {
  await page.waitForLoadState("domcontentloaded");
  await expectNoSeriousA11yViolations(page);
}
const status = (page: Page) => page.getByRole("status").textContent();

describe("skills and badge images in Chromium", () => {
  it("imports ESCO skills, searches them, refuses a scripted SVG and designs a badge", async () => {
    const page = await (await browser.newContext()).newPage();
    await signUpWithOrganization(
      page,
      base,
      { name: "Sam Skills", email: "sam@skills.test", password: "a strong password" },
      { name: "Skills Academy", slug: "skills-academy" },
    );

    await page.getByRole("link", { name: "Skills", exact: true }).click();
    await page.waitForURL(`${base}/orgs/skills-academy/skills`);
    await checked(page);
    await page
      .getByLabel("CSV or TSV file")
      .setInputFiles({ name: "skills_en.csv", mimeType: "text/csv", buffer: Buffer.from(ESCO) });
    await page.getByRole("button", { name: "Import framework" }).click();
    await expect.poll(() => status(page)).toContain("Imported 2 skills into ESCO skills.");
    await page.getByRole("cell", { name: "ESCO (imported)" }).waitFor({ state: "visible" });

    await page.getByLabel("Skill name or code").pressSequentially("musi");
    await expect
      .poll(() =>
        page.locator("#skill-suggestions option").evaluateAll((o) => o.map((e) => e.getAttribute("value"))),
      )
      .toContain("manage musical staff");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/skills\?q=musi/);
    await page.getByRole("list", { name: "Matching skills" }).getByText("manage musical staff").waitFor();
    await checked(page);

    await page.getByRole("link", { name: "Badge images" }).click();
    await page.waitForURL(`${base}/orgs/skills-academy/images`);
    await checked(page);
    await page
      .getByLabel("PNG or SVG image")
      .setInputFiles({ name: "evil.svg", mimeType: "image/svg+xml", buffer: Buffer.from(EVIL_SVG) });
    await page.getByRole("button", { name: "Upload image" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("The SVG was refused: it contains a <script> element");
    await checked(page);

    await page.getByLabel("Shape").selectOption("hexagon");
    await page.getByLabel("Icon").selectOption("leaf");
    await page.getByLabel("Main colour").fill("#0b6e4f");
    await page.getByLabel("Title on the badge").fill("Green Skills");
    await expect
      .poll(() => page.getByAltText("Preview of the badge design").getAttribute("src"))
      .toMatch(/shape=hexagon.*icon=leaf&title=Green\+Skills/);
    await page.getByRole("button", { name: "Save design" }).click();
    await expect.poll(() => status(page)).toContain("The badge is designed and saved as PNG and SVG.");
    const images = page.getByRole("list", { name: "Badge images" });
    await images.getByText("Designed · PNG · 512 × 512").waitFor();
    await images.getByText("Designed · SVG · 512 × 512").waitFor();
    const loaded = await page.evaluate<boolean>(
      "[...document.querySelectorAll('ul.cards img')].every((i) => i.complete && i.naturalWidth > 0)",
    );
    expect(loaded).toBe(true);
    await checked(page);
  });
});
