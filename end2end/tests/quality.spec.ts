import { expect, test } from "@playwright/test";
import {
  at,
  categoryName,
  freshEmail,
  hydrated,
  lang,
  listingCount,
  money,
  productName,
  PUBLIC_PAGES,
  register,
  t,
  unexpected,
  urlAt,
  watchConsole,
} from "./helpers";

for (const path of PUBLIC_PAGES) {
  test(`no console error or hydration warning on ${path}`, async ({ page }) => {
    const problems = watchConsole(page);
    const response = await page.goto(at(path));
    expect(response?.status()).toBe(200);
    // The page is in the language its address names.
    await expect(page.locator("html")).toHaveAttribute("lang", lang());
    await hydrated(page);
    // Give any late hydration complaint time to surface.
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("names and prices are in the server's HTML", async ({ page }) => {
    await page.goto(at("/shop/rings"));
    await expect(page.getByText(productName("aube-solitaire-ring"))).toBeVisible();
    await expect(page.getByText(money(3200))).toBeVisible();
    await page.goto(at("/products/lierre-leaf-ring"));
    await expect(page.getByRole("heading", { level: 1, name: productName("lierre-leaf-ring"), exact: true })).toBeVisible();
    await expect(page.locator(".former-price")).toContainText(money(960));
    await expect(page.locator(".current-price")).toHaveText(money(720));
  });

  test("sizes and filters work as plain links and forms", async ({ page }) => {
    await page.goto(at("/products/aube-solitaire-ring"));
    await page.locator('[data-size="54"]').click();
    await expect(page).toHaveURL(urlAt("/products/aube-solitaire-ring\\?size=54$"));
    await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "notify");
    await page.goto(at("/shop"));
    await page.getByLabel(t("listing_category"), { exact: true }).selectOption("earrings");
    await page.getByRole("button", { name: t("listing_apply"), exact: true }).click();
    await expect(page).toHaveURL(/category=earrings/);
    await expect(page).toHaveURL(urlAt("/shop\\?"));
    await expect(page.getByText(listingCount(12), { exact: true })).toBeVisible();
  });
});

test("every page has a title, a description and a canonical URL", async ({ page }) => {
  for (const path of ["/", "/shop/bracelets", "/faq", "/shipping", "/products/aube-bangle"]) {
    await page.goto(at(path));
    await expect(page).toHaveTitle(/· Maison Aurèle$/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.{40,}/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /^https?:\/\/.+/);
  }
  // The product page describes the piece, and its trail from home.
  const described = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text));
  const product = described.find((data) => data["@type"] === "Product");
  const trail = described.find((data) => data["@type"] === "BreadcrumbList");
  expect(trail.itemListElement.map((step: { name: string }) => step.name)).toEqual([
    t("product_breadcrumb_home"),
    categoryName("bracelets"),
    productName("aube-bangle"),
  ]);
  expect(product["@type"]).toBe("Product");
  expect(product.name).toBe(productName("aube-bangle"));
  expect(product.inLanguage).toBe(lang());
  expect(product.offers.priceCurrency).toBe("EUR");
});

// The pages behind a sign-in, and the pages emailed links open, hydrate as
// cleanly (order, receipt and back-office pages: in checkout.spec.ts).
test("no console error or hydration warning on the signed-in customer's pages", async ({ page }) => {
  const problems = watchConsole(page);
  await register(page, freshEmail("quality"));
  for (const path of ["/account", "/account/orders", "/account/addresses", "/account/password", "/account/delete"]) {
    const response = await page.goto(at(path));
    expect(response?.status(), path).toBe(200);
    await hydrated(page);
  }
  await page.waitForTimeout(300);
  expect(unexpected(problems)).toEqual([]);
});

for (const path of [
  "/account/verify?token=not-a-live-link",
  "/newsletter/confirm?token=not-a-live-link",
  "/newsletter/unsubscribe?token=not-a-live-link",
  "/account/deleted",
  "/products/no-such-piece",
  "/no/such/page",
]) {
  test(`no console error or hydration warning on ${path}`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(at(path));
    await hydrated(page);
    await page.waitForTimeout(300);
    expect(unexpected(problems)).toEqual([]);
  });
}
