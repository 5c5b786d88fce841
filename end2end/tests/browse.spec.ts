import { expect, test } from "@playwright/test";
import { freshEmail, hydrated, register, watchConsole } from "./helpers";

test("a shopper goes from the home page to a ring and chooses a size", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto("/");
  await hydrated(page);

  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Rings", exact: true }).click();
  await expect(page).toHaveURL(/\/shop\/rings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Rings" })).toBeVisible();
  await expect(page.getByText("10 pieces")).toBeVisible();

  await page.getByLabel("Material").selectOption("yellow-gold");
  await page.getByLabel("Sort by").selectOption("price-desc");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/material=yellow-gold/);
  await expect(page).toHaveURL(/sort=price-desc/);
  const names = page.locator(".card-name");
  await expect(names.first()).toHaveText("Constellation ruby ring");
  await expect(page.getByText("Aube solitaire ring")).toBeVisible();
  await expect(page.getByText("Rivage pearl ring")).toHaveCount(0);

  await page.getByRole("link", { name: /Aube solitaire ring/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aube solitaire ring" })).toBeVisible();
  await expect(page.locator(".current-price")).toHaveText("€3,200");

  const buyArea = page.locator(".buy-area");
  await expect(buyArea).toHaveAttribute("data-state", "add-to-basket");
  await expect(buyArea).toContainText("Choose a size");
  await hydrated(page);
  // A marker on window survives only what happens in place: it proves the
  // buy panel chooses sizes without loading the page again.
  await page.evaluate(() => ((window as any).__stillHere = true));

  // Size 54 is sold out: the buy area offers an alert instead.
  await page.locator('[data-size="54"]').click();
  await expect(page).toHaveURL(/size=54/);
  await expect(buyArea).toHaveAttribute("data-state", "notify");
  await expect(page.getByRole("button", { name: "Notify me when back in stock" })).toBeVisible();
  await expect(page.locator('[data-size="54"]')).toHaveAttribute("aria-current", "true");

  // Size 50 is in stock: add to basket, no size prompt.
  await page.locator('[data-size="50"]').click();
  await expect(buyArea).toHaveAttribute("data-state", "add-to-basket");
  await expect(buyArea).not.toContainText("Choose a size");
  await expect(page.getByRole("button", { name: "Add to basket" })).toBeVisible();

  expect(await page.evaluate(() => (window as any).__stillHere)).toBe(true);
  expect(problems).toEqual([]);
});

test("a boutique-only piece offers a client advisor", async ({ page }) => {
  await page.goto("/products/constellation-ruby-ring");
  await hydrated(page);
  await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "ask-advisor");
  await expect(page.getByText("offered in our boutiques only")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask a client advisor" })).toHaveAttribute("href", /^tel:/);
  await expect(page.getByRole("button", { name: "Add to basket" })).toHaveCount(0);
});

test("filters live in the URL: a filtered page reloads and shares as it was", async ({ page }) => {
  await page.goto("/shop?category=necklaces&min=500&max=1500&sort=price-asc&online=1");
  await hydrated(page);
  await expect(page.getByLabel("Category")).toHaveValue("necklaces");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("500");
  await expect(page.getByLabel("To", { exact: true })).toHaveValue("1500");
  await expect(page.getByLabel("Available online now")).toBeChecked();
  const prices = await page.locator(".current-price").allTextContents();
  const euros = prices.map((p) => Number(p.replace(/[^0-9]/g, "")));
  expect(euros.length).toBeGreaterThan(0);
  expect(euros).toEqual([...euros].sort((a, b) => a - b));
  expect(euros.every((e) => e >= 500 && e <= 1500)).toBe(true);

  await page.reload();
  await hydrated(page);
  await expect(page.getByLabel("Sort by")).toHaveValue("price-asc");
  await expect(page.locator(".current-price")).toHaveText(prices);
});

test("the header search finds pieces, and hostile text finds nothing", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  await page.getByRole("searchbox", { name: "Search the jewellery" }).fill("emerald");
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/shop\?q=emerald/);
  await expect(page.getByText("Lierre emerald ring")).toBeVisible();

  await page.goto("/shop?q=" + encodeURIComponent("' OR 1=1 --"));
  await expect(page.getByText("No piece matches these choices.")).toBeVisible();
});

test("a malformed filter explains itself", async ({ page }) => {
  const response = await page.goto("/shop?min=abc");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("whole number of euros");
});

test("unknown pages and pieces are a real 404", async ({ page }) => {
  for (const path of ["/products/no-such-piece", "/nowhere"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  }
});

// PRODUCT.md §1: members' preview pieces are for signed-in customers.
test("a signed-in customer sees the members' preview; a visitor does not", async ({ page, browser }) => {
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/shop/rings");
  await expect(visitor.getByText("Constellation comet ring")).toHaveCount(0);
  const answer = await visitor.goto("/products/constellation-comet-ring");
  expect(answer?.status()).toBe(404);

  await register(page, freshEmail("member"));
  await page.goto("/shop/rings");
  const card = page.locator(".product-card", { hasText: "Constellation comet ring" });
  await expect(card.locator(".badge")).toHaveText("Members' preview");
  await card.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Constellation comet ring" })).toBeVisible();
  await expect(page.locator(".preview-mark")).toHaveText("Members' preview");
  await hydrated(page);
  await page.locator('[data-size="60"]').click();
  await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "add-to-basket");
});
