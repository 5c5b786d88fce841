import { expect, Page } from "@playwright/test";

/** Waits until the WebAssembly has hydrated the page (the app marks <body>). */
export async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

/**
 * Collects console errors and warnings (hydration mismatches are reported
 * there) and uncaught exceptions, for a test to assert there were none.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  return problems;
}

/**
 * Console problems, less the 4xx answers a journey provokes on purpose (a
 * refused password, a bad postcode), and the development mailbox's emails:
 * they are shown in sandboxed frames where scripts may not run, and Chromium
 * says so when the test looks inside one for a link.
 */
export function unexpected(problems: string[]): string[] {
  return problems.filter(
    (p) =>
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(p) &&
      !/Blocked script execution in 'about:srcdoc'/.test(p),
  );
}

/** An address no other test uses. */
export function freshEmail(who: string): string {
  return `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** The password the journeys' accounts are opened with. */
export const PASSWORD = "velvet harbour lantern";

/** Opens an account for `email` on the register page, and waits for the account page to be live. */
export async function register(page: Page, email: string, first = "Anne", last = "Dupont") {
  await page.goto("/account/register");
  await hydrated(page);
  await page.getByLabel("First name").fill(first);
  await page.getByLabel("Last name").fill(last);
  await page.getByLabel("Email address").first().fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: `Hello, ${first}` })).toBeVisible();
  // The heading is in the server's HTML: wait for the page to be live before using it.
  await hydrated(page);
}
