import { expect, Page, test } from "@playwright/test";
import {
  at,
  checkOut,
  fillBasket,
  freshEmail,
  hydrated,
  lang,
  paidOrder,
  payButton,
  PUBLIC_PAGES,
  register,
  staffPage,
  t,
  violations,
} from "./helpers";

// PRODUCT.md §11: WCAG 2.2 AA on every page, checked by a machine. axe-core
// runs on each page once it is live (islands render their own markup) with
// the WCAG 2.0, 2.1 and 2.2 A and AA rules; any violation fails, with the
// rule, the elements and what axe says to fix. Every page is checked in
// both languages (each project opens it at its own address, `at()`): the
// texts, their lengths and the `lang` of the page differ.

/**
 * Loads `path` (a shop path without its language, opened in the journey's,
 * or a full address), waits until every island is live, and runs axe.
 */
async function check(page: Page, path: string) {
  await page.goto(/^https?:/.test(path) ? path : at(path));
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", lang());
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
  // An out-of-stock size, with its back-in-stock form, and a stale alert link.
  "/products/aube-twin-ring?size=52",
  "/alerts/cancel?token=not-a-live-link",
  // Client service's forms about a piece asked after (/contact is public).
  "/contact?piece=constellation-ruby-ring&size=52",
  "/account/deleted",
  "/products/no-such-piece",
  "/no/such/page",
];

for (const path of publicPages) {
  test(`axe finds nothing on ${path}`, async ({ page }) => {
    await check(page, path);
  });
}

// An address without a language that is no page of the shop (an old or
// mistyped link) is not sent on: it is answered with the 404 page, in the
// visitor's language (their browser's, here).
test("axe finds nothing on a 404 at an address without a language", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", lang());
  await expect(page.getByRole("heading", { name: t("not_found_heading"), exact: true })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("axe finds nothing on a basket with pieces and the gift, and on checkout's later steps", async ({ page }) => {
  // Made-to-order pieces: the order this places reserves no stock that
  // another journey counts on.
  await fillBasket(page, [
    { product: "eclat-eternity-ring", size: "54", quantity: 1 },
    { product: "eclat-collar", quantity: 2 },
  ]);
  await check(page, "/basket");
  await checkOut(page, freshEmail("axe"));
  // The sandbox gateway's payment page, in the journey's language…
  await expect(page.getByRole("heading", { name: t("sandbox_heading") })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", lang());
  expect(await violations(page), page.url()).toEqual([]);
  // …and the same page refusing a card that is not a test card.
  await page.getByLabel(t("sandbox_card_number"), { exact: true }).fill("1234 5678 9012 3456");
  await page.getByLabel(t("sandbox_expiry"), { exact: true }).fill("12/39");
  await page.getByLabel(t("sandbox_cvc"), { exact: true }).fill("123");
  const amount = await page.locator("[data-amount]").innerText();
  await page.getByRole("button", { name: payButton(amount), exact: true }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", lang());
  expect(await violations(page), `${page.url()}, a card refused`).toEqual([]);
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

test("axe finds nothing on an order, its receipt, and the staff's view of it", async ({ page, browser }) => {
  const { url, reference } = await paidOrder(page, [{ product: "eclat-eternity-ring", size: "50", quantity: 1 }]);
  await check(page, url);
  await check(page, url.replace(`/orders/${reference}`, `/orders/${reference}/receipt`));
  const staff = await staffPage(browser);
  await check(staff, `/staff/orders/${reference}`);
});

test("axe finds nothing on a cancelled order's refunds", async ({ page }) => {
  const { url } = await paidOrder(page, [{ product: "eclat-eternity-ring", size: "54", quantity: 1 }]);
  await page.getByTestId("cancel-order").click();
  await expect(page.getByTestId("refunds")).toBeVisible();
  await check(page, url);
});

// The back office's lists, a test each: one test checking them all, after
// placing an order and signing up staff, outgrew the 30 s budget on a new
// machine (CI, stop 23) although every check in it passed.
for (const path of ["/staff/orders", "/staff/stock?q=aube", "/staff/service", "/staff/service?state=handled"]) {
  test(`axe finds nothing on the staff's ${path}`, async ({ browser }) => {
    const staff = await staffPage(browser);
    await check(staff, path);
  });
}
