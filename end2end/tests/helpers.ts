import { Browser, expect, Page } from "@playwright/test";
import { execFileSync } from "node:child_process";

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

/** Public pages, each answering 200: swept for console problems and by axe. */
export const PUBLIC_PAGES = [
  "/",
  "/shop",
  "/shop/rings",
  "/shop/earrings?sort=newest",
  "/collections/aube",
  "/products/aube-solitaire-ring",
  "/products/aube-solitaire-ring?size=54",
  "/products/constellation-ruby-ring",
  "/products/lierre-leaf-ring",
  "/products/rivage-pearl-strand",
  "/ring-size?method=diameter&mm=16.5",
  "/products/aube-bangle?size=17",
  "/basket",
  "/checkout",
  "/account/sign-in",
  "/account/register",
  "/account/forgot-password",
  "/account/reset-password?token=not-a-live-link",
];

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

// The purchase journey's steps, shared by the checkout journeys and the
// accessibility sweep. The server runs with its database at
// VITRINE_DATABASE_URL and its binary at VITRINE_SERVER_BIN
// (scripts/serve-release.sh), so a journey can make a staff account with
// the documented command.

export const APPROVE = "4242 4242 4242 4242";
export const DECLINE = "4000 0000 0000 0002";

export type Line = { product: string; size?: string; quantity: number };


/** Puts pieces in the browser's basket, as the product pages do. */
export async function fillBasket(page: Page, lines: Line[]) {
  await page.goto("/");
  await hydrated(page);
  await page.evaluate((lines) => localStorage.setItem("vitrine.basket", JSON.stringify({ version: 1, lines })), lines);
}

/** From the basket page to the gateway's page, as a guest. */
export async function checkOut(page: Page, email: string) {
  await page.goto("/basket");
  await hydrated(page);
  await page.getByTestId("checkout").click();
  await expect(page).toHaveURL(/\/checkout$/);
  await hydrated(page);
  await page.locator("#checkout-email").fill(email);
  await page.getByLabel("Full name").fill("Camille Martin");
  await page.getByLabel("Street address").fill("8 rue des Orfèvres");
  await page.getByLabel("Postcode").fill("69002");
  await page.getByLabel("Town or city").fill("Lyon");
  await page.getByLabel("Country").selectOption("FR");
  await page.getByLabel("Telephone (for the courier)").fill("+33 6 11 22 33 44");
  await page.getByRole("button", { name: "Continue to shipping" }).click();
  await expect(page.getByTestId("shipping")).toContainText("5–10 business days");
  await expect(page.getByTestId("total")).toBeVisible();
  await page.getByRole("button", { name: /^Pay €/ }).click();
  await expect(page).toHaveURL(/\/sandbox-gateway\/pay\//);
}

/** Pays on the sandbox's page and comes back to the order's page. */
export async function payWith(page: Page, card: string) {
  await expect(page.getByRole("heading", { name: "Sandbox payments" })).toBeVisible();
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM/YY)").fill("12/39");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: /^Pay €/ }).click();
  await expect(page).toHaveURL(/\/orders\/MA-[0-9A-Z]{10}\?key=.+&paid=1/);
  await hydrated(page);
}

/** A guest's paid order: its page's address (with the emailed key) and reference. */
export async function paidOrder(page: Page, lines: Line[]): Promise<{ url: string; reference: string }> {
  await fillBasket(page, lines);
  await checkOut(page, freshEmail("guest"));
  await payWith(page, APPROVE);
  await expect(page.getByTestId("order-status")).toContainText("Being validated");
  const url = page.url().replace("&paid=1", "");
  const reference = url.match(/MA-[0-9A-Z]{10}/)![0];
  return { url, reference };
}

/** A signed-in member of staff, in a browser of their own. */
export async function staffPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const email = freshEmail("clerk");
  await register(page, email, "Hélène", "Clerc");
  // The documented command, run as an engineer would on the server.
  execFileSync(process.env.VITRINE_SERVER_BIN!, ["staff", "add", email], {
    env: { ...process.env, DATABASE_URL: process.env.VITRINE_DATABASE_URL! },
  });
  return page;
}
