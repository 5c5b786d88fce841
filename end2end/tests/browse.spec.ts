import { expect, test } from "@playwright/test";
import {
  at,
  categoryName,
  freshEmail,
  hydrated,
  listingCount,
  listingLowestPriceNotWhole,
  money,
  parseMoney,
  productName,
  projectContext,
  register,
  t,
  urlAt,
  watchConsole,
} from "./helpers";

test("a shopper goes from the home page to a ring and chooses a size", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(at("/"));
  await hydrated(page);

  await page
    .getByRole("navigation", { name: t("header_categories_label"), exact: true })
    .getByRole("link", { name: categoryName("rings"), exact: true })
    .click();
  await expect(page).toHaveURL(urlAt("/shop/rings$"));
  await expect(page.getByRole("heading", { level: 1, name: categoryName("rings"), exact: true })).toBeVisible();
  await expect(page.getByText(listingCount(10), { exact: true })).toBeVisible();

  await page.getByLabel(t("listing_material"), { exact: true }).selectOption("yellow-gold");
  await page.getByLabel(t("listing_sort_by"), { exact: true }).selectOption("price-desc");
  await page.getByRole("button", { name: t("listing_apply"), exact: true }).click();
  await expect(page).toHaveURL(/material=yellow-gold/);
  await expect(page).toHaveURL(/sort=price-desc/);
  await expect(page).toHaveURL(urlAt("/shop/rings\\?"));
  const names = page.locator(".card-name");
  await expect(names.first()).toHaveText(productName("constellation-ruby-ring"));
  await expect(page.getByText(productName("aube-solitaire-ring"))).toBeVisible();
  await expect(page.getByText(productName("rivage-pearl-ring"))).toHaveCount(0);

  await page.getByRole("link", { name: productName("aube-solitaire-ring") }).click();
  await expect(page).toHaveURL(urlAt("/products/aube-solitaire-ring$"));
  await expect(page.getByRole("heading", { level: 1, name: productName("aube-solitaire-ring"), exact: true })).toBeVisible();
  await expect(page.locator(".current-price")).toHaveText(money(3200));

  const buyArea = page.locator(".buy-area");
  await expect(buyArea).toHaveAttribute("data-state", "add-to-basket");
  await expect(buyArea).toContainText(t("buy_choose_size_hint"));
  await hydrated(page);
  // A marker on window survives only what happens in place: it proves the
  // buy panel chooses sizes without loading the page again.
  await page.evaluate(() => ((window as any).__stillHere = true));

  // Size 54 is sold out: the buy area offers an alert instead.
  await page.locator('[data-size="54"]').click();
  await expect(page).toHaveURL(urlAt("/products/aube-solitaire-ring\\?size=54$"));
  await expect(buyArea).toHaveAttribute("data-state", "notify");
  await expect(buyArea.locator(".buy-status")).toHaveText(t("buy_size_out_of_stock"));
  await expect(page.getByRole("button", { name: t("alert_submit"), exact: true })).toBeVisible();
  await expect(page.locator('[data-size="54"]')).toHaveAttribute("aria-current", "true");

  // Size 50 is in stock: add to basket, no size prompt.
  await page.locator('[data-size="50"]').click();
  await expect(buyArea).toHaveAttribute("data-state", "add-to-basket");
  await expect(buyArea).not.toContainText(t("buy_choose_size_hint"));
  await expect(page.getByRole("button", { name: t("buy_add_to_basket"), exact: true })).toBeVisible();

  expect(await page.evaluate(() => (window as any).__stillHere)).toBe(true);
  expect(problems).toEqual([]);
});

test("a boutique-only piece offers a client advisor", async ({ page }) => {
  await page.goto(at("/products/constellation-ruby-ring"));
  await hydrated(page);
  await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "ask-advisor");
  await expect(page.getByText(t("buy_boutique_only"), { exact: true })).toBeVisible();
  // The client service page, about this piece; the telephone number beside it.
  await expect(page.getByRole("link", { name: t("buy_ask_advisor"), exact: true })).toHaveAttribute(
    "href",
    at("/contact?piece=constellation-ruby-ring"),
  );
  await expect(page.locator('.buy-area a[href^="tel:"]')).toBeVisible();
  await expect(page.getByRole("button", { name: t("buy_add_to_basket"), exact: true })).toHaveCount(0);
});

test("filters live in the URL: a filtered page reloads and shares as it was", async ({ page }) => {
  await page.goto(at("/shop?category=necklaces&min=500&max=1500&sort=price-asc&online=1"));
  await hydrated(page);
  // Whole labels: in French « Catégorie » is also the start of the header's « Catégories ».
  await expect(page.getByLabel(t("listing_category"), { exact: true })).toHaveValue("necklaces");
  await expect(page.getByLabel(t("listing_price_from"), { exact: true })).toHaveValue("500");
  await expect(page.getByLabel(t("listing_price_to"), { exact: true })).toHaveValue("1500");
  await expect(page.getByLabel(t("listing_online_now"), { exact: true })).toBeChecked();
  const prices = await page.locator(".current-price").allTextContents();
  // Prices as the language writes them, with their cents.
  const euros = prices.map((p) => parseMoney(p));
  expect(euros.length).toBeGreaterThan(0);
  expect(prices).toEqual(euros.map((e) => money(e)));
  expect(euros).toEqual([...euros].sort((a, b) => a - b));
  expect(euros.every((e) => e >= 500 && e <= 1500)).toBe(true);

  await page.reload();
  await hydrated(page);
  await expect(page.getByLabel(t("listing_sort_by"), { exact: true })).toHaveValue("price-asc");
  await expect(page.locator(".current-price")).toHaveText(prices);
});

test("the header search finds pieces, and hostile text finds nothing", async ({ page }) => {
  await page.goto(at("/"));
  await hydrated(page);
  await page.getByRole("searchbox", { name: t("header_search_label"), exact: true }).fill("emerald");
  await page.getByRole("search").getByRole("button", { name: t("header_search_button"), exact: true }).click();
  await expect(page).toHaveURL(urlAt("/shop\\?q=emerald"));
  // Both languages' names are searched; the piece is shown by the page's.
  await expect(page.getByText(productName("lierre-emerald-ring"))).toBeVisible();

  await page.goto(at("/shop?q=" + encodeURIComponent("' OR 1=1 --")));
  await expect(page.getByText(t("listing_no_match"))).toBeVisible();
});

test("a malformed filter explains itself", async ({ page }) => {
  const response = await page.goto(at("/shop?min=abc"));
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText(listingLowestPriceNotWhole("abc"));
});

test("unknown pages and pieces are a real 404", async ({ page }) => {
  for (const path of ["/products/no-such-piece", "/nowhere"]) {
    const response = await page.goto(at(path));
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: t("not_found_heading"), exact: true })).toBeVisible();
  }
});

// PRODUCT.md §1: members' preview pieces are for signed-in customers.
test("a signed-in customer sees the members' preview; a visitor does not", async ({ page, browser }) => {
  const comet = productName("constellation-comet-ring");
  const visitor = await (await projectContext(browser)).newPage();
  await visitor.goto(at("/shop/rings"));
  await expect(visitor.getByText(productName("aube-solitaire-ring"))).toBeVisible();
  await expect(visitor.getByText(comet)).toHaveCount(0);
  const answer = await visitor.goto(at("/products/constellation-comet-ring"));
  expect(answer?.status()).toBe(404);

  await register(page, freshEmail("member"));
  await page.goto(at("/shop/rings"));
  const card = page.locator(".product-card", { hasText: comet });
  await expect(card.locator(".badge")).toHaveText(t("product_badge_preview"));
  await card.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: comet, exact: true })).toBeVisible();
  await expect(page.locator(".preview-mark")).toHaveText(t("product_badge_preview"));
  await hydrated(page);
  await page.locator('[data-size="60"]').click();
  await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "add-to-basket");
});
