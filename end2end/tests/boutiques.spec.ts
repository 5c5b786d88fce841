import { expect, Page, Request, test } from "@playwright/test";
import { at, hydrated, inLang, t, urlAt } from "./helpers";

// The boutique locator (PRODUCT.md §8): filters as a plain form, the list
// sorted from the shopper's position (asked only when they press the
// button) or from a city typed in, and the house's own map, moved by
// buttons the keyboard reaches, with every request kept on our origin.

/** Near the Lyon boutique (Place Bellecour), as a browser would report it. */
const LYON = { latitude: 45.7578, longitude: 4.832 };

const entries = (page: Page) => page.locator(".shop-entry");

/** The map's viewBox, as numbers. */
async function viewBox(page: Page): Promise<number[]> {
  const text = await page.locator("#shop-map").getAttribute("viewBox");
  return (text ?? "").split(/\s+/).map(Number);
}

test.describe("with the position shared", () => {
  test.use({ geolocation: LYON, permissions: ["geolocation"] });

  test("the nearest shops come first, and the map frames them", async ({ page }) => {
    await page.goto(at("/boutiques"));
    await hydrated(page);
    const before = await viewBox(page);
    await page.getByRole("button", { name: t("shops_use_position"), exact: true }).click();
    await expect(page).toHaveURL(/[?&]lat=45\.758&lon=4\.832/);
    await expect(page.getByTestId("shops-status")).toContainText(t("shops_sorted_from_position"));
    await expect(entries(page).first()).toContainText("Lyon");
    await expect(entries(page).first().locator(".shop-distance")).toHaveText(
      inLang({ en: /^\d\.\d km away$/, fr: /^à \d,\d\u00a0km$/ }),
    );
    // The shopper's place is marked, and the view is no longer the world's.
    await expect(page.locator(".marker-origin")).toHaveCount(1);
    expect((await viewBox(page))[2]).toBeLessThan(before[2]);
    // Changing a filter keeps the position.
    await page.getByLabel(t("shops_open_now_only"), { exact: true }).check();
    await page.getByRole("button", { name: t("shops_apply"), exact: true }).click();
    await expect(page).toHaveURL(/open=on/);
    await expect(page).toHaveURL(/lat=45\.758/);
  });
});

test("a refused position says so and hands over to the city box", async ({ page, context }) => {
  await context.clearPermissions();
  await page.goto(at("/boutiques"));
  await hydrated(page);
  await page.getByRole("button", { name: t("shops_use_position"), exact: true }).click();
  await expect(page.getByTestId("locate-status")).toHaveText(t("shops_position_denied"));
  const near = page.getByLabel(t("shops_near"), { exact: true });
  await expect(near).toBeFocused();
  await near.fill("bruxelles");
  await near.press("Enter");
  await expect(page).toHaveURL(/near=bruxelles/);
  await expect(entries(page).first()).toContainText("Bruxelles");
  await expect(page.getByTestId("shops-status")).toContainText(
    inLang({ en: "Nearest Bruxelles first.", fr: "Les plus proches de Bruxelles d’abord." }),
  );
});

test("the filters narrow the list by country and city", async ({ page }) => {
  await page.goto(at("/boutiques"));
  const all = await entries(page).count();
  expect(all).toBeGreaterThanOrEqual(12);
  const belgium = inLang({ en: "Belgium", fr: "Belgique" });
  await page.getByLabel(t("shops_country"), { exact: true }).selectOption({ label: belgium });
  await page.getByRole("button", { name: t("shops_apply"), exact: true }).click();
  await expect(page).toHaveURL(/country=BE/);
  const shown = await entries(page).count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(all);
  for (const entry of await entries(page).all()) {
    await expect(entry.locator("address")).toContainText(belgium);
  }
  // A retailer says the house does not know its stock, and how to call it.
  const retailer = page.locator('.shop-entry[data-kind="retailer"]').first();
  await expect(retailer).toContainText(t("shops_retailer_stock"));
  await expect(retailer.locator('a[href^="tel:+"]')).toBeVisible();
  // Its week, in the page's language, opens on request.
  await retailer.getByText(t("shops_hours"), { exact: true }).click();
  await expect(retailer.getByRole("row").first()).toContainText(inLang({ en: "Monday", fr: "Lundi" }));

  await page.getByLabel(t("shops_country"), { exact: true }).selectOption("");
  await page.getByLabel(t("shops_city"), { exact: true }).selectOption("Lyon");
  await page.getByRole("button", { name: t("shops_apply"), exact: true }).click();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText("Lyon");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the list, its filters and the map still work", async ({ page }) => {
    await page.goto(at("/boutiques"));
    await expect(page.locator("#shop-map image")).toHaveAttribute("href", "/map/world.svg");
    await page.getByLabel(t("shops_near"), { exact: true }).fill("Milan");
    await page.getByRole("button", { name: t("shops_apply"), exact: true }).click();
    await expect(page).toHaveURL(urlAt("/boutiques\\?"));
    await expect(entries(page).first()).toContainText("Milano");
    // The buttons that need JavaScript are not offered.
    await expect(page.getByRole("button", { name: t("shops_use_position"), exact: true })).toBeHidden();
    await expect(page.getByRole("button", { name: t("shops_zoom_in"), exact: true })).toBeHidden();
  });
});

test("the map is ours: every request stays on the origin, and the keyboard moves it", async ({ page, baseURL }) => {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  await page.goto(at("/boutiques"));
  await hydrated(page);
  const map = await page.waitForResponse((response) => response.url().endsWith("/map/world.svg"), { timeout: 5_000 }).catch(() => null);
  // The drawing may have arrived before the wait began: it was requested either way.
  expect(map === null || map.ok()).toBe(true);
  expect(requests.some((r) => new URL(r.url()).pathname === "/map/world.svg")).toBe(true);

  // Zoom and pan from the keyboard alone.
  const start = await viewBox(page);
  const zoomIn = page.getByRole("button", { name: t("shops_zoom_in"), exact: true });
  await zoomIn.focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await viewBox(page))[2]).toBeCloseTo(start[2] / 2, 1);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: t("shops_pan_west"), exact: true })).toBeFocused();
  const zoomed = await viewBox(page);
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await viewBox(page))[0]).toBeLessThan(zoomed[0]);
  // Markers keep their size on screen.
  const radius = Number(await page.locator("#shop-map [data-marker]").first().getAttribute("r"));
  expect(radius).toBeCloseTo(zoomed[2] / 110, 2);
  await page.getByRole("button", { name: t("shops_map_reset"), exact: true }).click();
  await expect.poll(() => viewBox(page)).toEqual(start);

  // A marker leads to its shop in the list.
  const marker = page.locator("#shop-map a").first();
  const href = await marker.getAttribute("href");
  await marker.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(`.shop-entry${href}`)).toBeInViewport();

  const origin = new URL(baseURL!).origin;
  const elsewhere = requests.map((r) => r.url()).filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"));
  expect(elsewhere, "no request leaves the origin").toEqual([]);
});
