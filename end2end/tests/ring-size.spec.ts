import { expect, test } from "@playwright/test";
import { hydrated, watchConsole } from "./helpers";

test("a shopper finds a ring size both ways, live in the browser", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto("/products/aube-solitaire-ring");
  await hydrated(page);
  await page.getByRole("link", { name: "The ring-size helper on its own page" }).click();
  await expect(page).toHaveURL(/\/ring-size$/);
  // A new page: its helper is live once hydrated.
  await hydrated(page);

  // Around the finger: 52 mm.
  const measurement = page.getByLabel("Circumference of your finger, in mm");
  await measurement.fill("52");
  await expect(page.locator('[data-answer="french"]')).toHaveText("52");
  await expect(page.locator('[data-answer="us"]')).toHaveText("6");
  await expect(page.locator('[data-answer="uk"]')).toHaveText("L½");
  await expect(page.locator('tr[data-french="52"]')).toHaveClass(/chosen/);
  // The answer came from the browser: no form submission changed the URL.
  await expect(page).toHaveURL(/\/ring-size$/);
  // A new page: its helper is live once hydrated.
  await hydrated(page);

  // Between two sizes, the advice is the larger.
  await measurement.fill("51,5");
  await expect(page.getByText("between sizes 51 and 52: we advise 52")).toBeVisible();

  // Across a ring that fits: 17.3 mm is a 54.
  await page.getByLabel("A ring that fits (inner diameter)").check();
  const diameter = page.getByLabel("Inner diameter of a ring that fits, in mm");
  await diameter.fill("17.3");
  await expect(page.locator('[data-answer="french"]')).toHaveText("54");

  // Back to the product and forward again: the helper, loaded lazily, is
  // live again whether the browser restored the page or loaded it anew.
  await page.goBack();
  await expect(page).toHaveURL(/\/products\/aube-solitaire-ring$/);
  await hydrated(page);
  await page.goForward();
  await expect(page).toHaveURL(/\/ring-size$/);
  await hydrated(page);
  await page.getByLabel("My finger (circumference)").check();
  await page.getByLabel("Circumference of your finger, in mm").fill("60");
  await expect(page.locator('[data-answer="french"]')).toHaveText("60");
  await expect(page).toHaveURL(/\/ring-size$/);
  expect(problems).toEqual([]);
});

test("bad measurements get a message, never a size", async ({ page }) => {
  await page.goto("/ring-size");
  await hydrated(page);
  const measurement = page.getByLabel("Circumference of your finger, in mm");
  for (const [typed, says] of [
    ["abc", "is not a number"],
    ["5.2", "did you mean 52.0 mm"],
    ["300", "outside the sizes we make"],
  ]) {
    await measurement.fill(typed);
    await expect(page.locator(".field-error")).toContainText(says);
    await expect(page.locator('[data-answer="french"]')).toHaveCount(0);
  }
  await page.getByRole("button", { name: "Find my size" }).click();
  await expect(page).toHaveURL(/\/ring-size$/);
  // A new page: its helper is live once hydrated.
  await hydrated(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still answers, from the server", async ({ page }) => {
    await page.goto("/ring-size");
    await page.getByLabel("Circumference of your finger, in mm").fill("57");
    await page.getByRole("button", { name: "Find my size" }).click();
    await expect(page).toHaveURL(/mm=57/);
    await expect(page.locator('[data-answer="french"]')).toHaveText("57");
    await expect(page.getByLabel("Circumference of your finger, in mm")).toHaveValue("57");
  });
});
