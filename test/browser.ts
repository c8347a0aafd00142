// Headless Chromium (Debian's) for page tests, and an axe-core accessibility check.
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";

/** The machines have no network: these flags stop Chromium's background connections. */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ARGS,
  });
}

/**
 * Runs axe on the page and throws one Error listing every serious or critical violation.
 * Open the page with `(await browser.newContext()).newPage()`: axe refuses pages from `browser.newPage()`.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (serious.length === 0) return;
  const lines = serious.map((v) => {
    const targets = v.nodes.map((node) => node.target.join(" ")).join(", ");
    return `- [${v.impact}] ${v.id}: ${v.help} (${targets})`;
  });
  throw new Error(
    `${serious.length} serious accessibility violation(s) on ${page.url()}:\n${lines.join("\n")}`,
  );
}

/** Signs in through the sign-in page and waits until it has moved on. */
export async function signInAs(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}
