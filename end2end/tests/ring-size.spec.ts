import { expect, test } from "@playwright/test";
import { at, hydrated, ringSizeBetween, ringSizeProblem, t, urlAt, watchConsole } from "./helpers";

test("a shopper finds a ring size both ways, live in the browser", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(at("/products/aube-solitaire-ring"));
  await hydrated(page);
  await page.getByRole("link", { name: t("size_ring_helper_page"), exact: true }).click();
  await expect(page).toHaveURL(urlAt("/ring-size$"));
  // A new page: its helper is live once hydrated.
  await hydrated(page);

  // Around the finger: 52 mm.
  const measurement = page.getByLabel(t("ring_size_label_finger"), { exact: true });
  await measurement.fill("52");
  await expect(page.locator('[data-answer="french"]')).toHaveText("52");
  await expect(page.locator('[data-answer="us"]')).toHaveText("6");
  await expect(page.locator('[data-answer="uk"]')).toHaveText("L½");
  await expect(page.locator('tr[data-french="52"]')).toHaveClass(/chosen/);
  // The answer came from the browser: no form submission changed the URL.
  await expect(page).toHaveURL(urlAt("/ring-size$"));
  // A new page: its helper is live once hydrated.
  await hydrated(page);

  // Between two sizes, the advice is the larger.
  await measurement.fill("51,5");
  await expect(page.locator(".answer-between")).toHaveText(ringSizeBetween(51, 52));

  // Across a ring that fits: 17.3 mm is a 54.
  await page.getByLabel(t("ring_size_method_ring").trim(), { exact: true }).check();
  const diameter = page.getByLabel(t("ring_size_label_ring"), { exact: true });
  await diameter.fill("17.3");
  await expect(page.locator('[data-answer="french"]')).toHaveText("54");

  // Back to the product and forward again: the helper, loaded lazily, is
  // live again whether the browser restored the page or loaded it anew.
  await page.goBack();
  await expect(page).toHaveURL(urlAt("/products/aube-solitaire-ring$"));
  await hydrated(page);
  await page.goForward();
  await expect(page).toHaveURL(urlAt("/ring-size$"));
  await hydrated(page);
  await page.getByLabel(t("ring_size_method_finger").trim(), { exact: true }).check();
  await page.getByLabel(t("ring_size_label_finger"), { exact: true }).fill("60");
  await expect(page.locator('[data-answer="french"]')).toHaveText("60");
  await expect(page).toHaveURL(urlAt("/ring-size$"));
  expect(problems).toEqual([]);
});

test("bad measurements get a message, never a size", async ({ page }) => {
  await page.goto(at("/ring-size"));
  await hydrated(page);
  const measurement = page.getByLabel(t("ring_size_label_finger"), { exact: true });
  for (const [typed, says] of [
    ["abc", ringSizeProblem.notANumber("abc")],
    ["5.2", ringSizeProblem.looksLikeCentimetres(5.2)],
    ["300", ringSizeProblem.outOfRange(300)],
  ]) {
    await measurement.fill(typed);
    await expect(page.locator(".field-error")).toHaveText(says);
    await expect(page.locator('[data-answer="french"]')).toHaveCount(0);
  }
  await page.getByRole("button", { name: t("ring_size_find"), exact: true }).click();
  await expect(page).toHaveURL(urlAt("/ring-size$"));
  // A new page: its helper is live once hydrated.
  await hydrated(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still answers, from the server", async ({ page }) => {
    await page.goto(at("/ring-size"));
    await page.getByLabel(t("ring_size_label_finger"), { exact: true }).fill("57");
    await page.getByRole("button", { name: t("ring_size_find"), exact: true }).click();
    await expect(page).toHaveURL(urlAt("/ring-size\\?.*mm=57"));
    await expect(page.locator('[data-answer="french"]')).toHaveText("57");
    await expect(page.getByLabel(t("ring_size_label_finger"), { exact: true })).toHaveValue("57");
  });
});
