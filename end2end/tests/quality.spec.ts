import { expect, test } from "@playwright/test";
import { freshEmail, hydrated, PUBLIC_PAGES, register, unexpected, watchConsole } from "./helpers";

for (const path of PUBLIC_PAGES) {
  test(`no console error or hydration warning on ${path}`, async ({ page }) => {
    const problems = watchConsole(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await hydrated(page);
    // Give any late hydration complaint time to surface.
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("names and prices are in the server's HTML", async ({ page }) => {
    await page.goto("/shop/rings");
    await expect(page.getByText("Aube solitaire ring")).toBeVisible();
    await expect(page.getByText("€3,200")).toBeVisible();
    await page.goto("/products/lierre-leaf-ring");
    await expect(page.getByRole("heading", { level: 1, name: "Lierre leaf ring" })).toBeVisible();
    await expect(page.locator(".former-price")).toContainText("€960");
    await expect(page.locator(".current-price")).toHaveText("€720");
  });

  test("sizes and filters work as plain links and forms", async ({ page }) => {
    await page.goto("/products/aube-solitaire-ring");
    await page.locator('[data-size="54"]').click();
    await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "notify");
    await page.goto("/shop");
    await page.getByLabel("Category").selectOption("earrings");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/category=earrings/);
    await expect(page.getByText("12 pieces")).toBeVisible();
  });
});

test("every page has a title, a description and a canonical URL", async ({ page }) => {
  for (const path of ["/", "/shop/bracelets", "/products/aube-bangle"]) {
    await page.goto(path);
    await expect(page).toHaveTitle(/· Maison Aurèle$/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.{40,}/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /^https?:\/\/.+/);
  }
  const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
  const product = JSON.parse(jsonLd ?? "{}");
  expect(product["@type"]).toBe("Product");
  expect(product.offers.priceCurrency).toBe("EUR");
});

// The pages behind a sign-in, and the pages emailed links open, hydrate as
// cleanly (order, receipt and back-office pages: in checkout.spec.ts).
test("no console error or hydration warning on the signed-in customer's pages", async ({ page }) => {
  const problems = watchConsole(page);
  await register(page, freshEmail("quality"));
  for (const path of ["/account", "/account/orders", "/account/addresses", "/account/password", "/account/delete"]) {
    const response = await page.goto(path);
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
    await page.goto(path);
    await hydrated(page);
    await page.waitForTimeout(300);
    expect(unexpected(problems)).toEqual([]);
  });
}
