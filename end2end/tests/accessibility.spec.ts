import AxeBuilder from "@axe-core/playwright";
import { expect, Page, test } from "@playwright/test";
import { checkOut, fillBasket, freshEmail, hydrated, paidOrder, PUBLIC_PAGES, register, staffPage } from "./helpers";

// PRODUCT.md §11: WCAG 2.2 AA on every page, checked by a machine. axe-core
// runs on each page once it is live (islands render their own markup) with
// the WCAG 2.0, 2.1 and 2.2 A and AA rules; any violation fails, with the
// rule, the elements and what axe says to fix.
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " ")}`).join("\n"),
  );
}

/** Loads `path`, waits until every island is live, and runs axe. */
async function check(page: Page, path: string) {
  await page.goto(path);
  await hydrated(page);
  expect(await violations(page), path).toEqual([]);
}

// The public pages (helpers.ts), two more views of them, and the pages that
// answer otherwise: stale emailed links, the goodbye page, both 404s.
const publicPages = [
  ...PUBLIC_PAGES,
  "/shop/rings?sort=price-asc",
  "/ring-size",
  "/account/verify?token=not-a-live-link",
  "/newsletter/confirm?token=not-a-live-link",
  "/account/deleted",
  "/products/no-such-piece",
  "/no/such/page",
];

for (const path of publicPages) {
  test(`axe finds nothing on ${path}`, async ({ page }) => {
    await check(page, path);
  });
}

test("axe finds nothing on a basket with pieces and the gift, and on checkout's later steps", async ({ page }) => {
  // Made-to-order pieces: the order this places reserves no stock that
  // another journey counts on.
  await fillBasket(page, [
    { product: "eclat-eternity-ring", size: "54", quantity: 1 },
    { product: "eclat-collar", quantity: 2 },
  ]);
  await check(page, "/basket");
  await checkOut(page, freshEmail("axe"));
  // The sandbox gateway's payment page.
  expect(await violations(page), page.url()).toEqual([]);
});

test("axe finds nothing on a customer's pages", async ({ page }) => {
  await register(page, freshEmail("axe"));
  for (const path of [
    "/account",
    "/account/orders",
    "/account/addresses",
    "/account/password",
    "/account/delete",
    // A members' preview piece, which only signed-in customers see.
    "/products/constellation-comet-ring",
  ]) {
    await check(page, path);
  }
});

test("axe finds nothing on an order, its receipt, and the staff's pages", async ({ page, browser }) => {
  const { url, reference } = await paidOrder(page, [{ product: "eclat-eternity-ring", size: "50", quantity: 1 }]);
  await check(page, url);
  await check(page, url.replace(`/orders/${reference}`, `/orders/${reference}/receipt`));
  const staff = await staffPage(browser);
  await check(staff, "/staff/orders");
  await check(staff, `/staff/orders/${reference}`);
});
