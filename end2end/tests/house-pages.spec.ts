import { expect, Page, test } from "@playwright/test";
import { at, hydrated, inLang, lang, t, urlAt } from "./helpers";

// The house's pages and the FAQ (PRODUCT.md §8): reached from every page's
// footer, in the page's language; the FAQ searched as the shopper types,
// and without JavaScript by a plain GET.

/** A word only the answer about a missing confirmation email holds, in the journey's language. */
const spam = () => inLang({ en: "spam", fr: "indésirables" });

const entry = (page: Page, id: string) => page.locator(`[data-faq-item][id="${id}"]`);

test("the footer leads to every house page, in the page's language", async ({ page }) => {
  await page.goto(at("/"));
  const help = page.getByRole("navigation", { name: t("footer_help"), exact: true });
  for (const [text, path] of [
    ["footer_faq", "/faq"],
    ["footer_shipping", "/shipping"],
    ["footer_returns", "/returns"],
    ["footer_customs", "/customs"],
    ["footer_size_guide", "/size-guide"],
    ["footer_care", "/care"],
    ["footer_privacy", "/privacy"],
  ]) {
    await help.getByRole("link", { name: t(text), exact: true }).click();
    await expect(page).toHaveURL(urlAt(`${path}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", lang());
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // The footer's delivery line states the zones' figures.
    await expect(page.locator(".site-footer")).toContainText(inLang({ en: "Insured delivery to 12 countries", fr: "Livraison assurée dans 12 pays" }));
  }
});

test("the FAQ narrows as the shopper types, and the address keeps the search", async ({ page }) => {
  await page.goto(at("/faq"));
  await hydrated(page);
  const count = page.getByTestId("faq-count");
  const all = await page.locator("[data-faq-item]").count();
  expect(all).toBeGreaterThan(20);
  await expect(count).toHaveText(inLang({ en: `${all} questions.`, fr: `${all}\u00a0questions.` }));

  const search = page.getByLabel(t("faq_search_label"), { exact: true });
  // Capitals and missing accents find the same answer.
  await search.fill(spam().toUpperCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
  await expect(entry(page, "missing-confirmation")).toBeVisible();
  await expect(entry(page, "promo-codes")).toBeHidden();
  await expect(count).toHaveText(inLang({ en: `1 question of ${all}.`, fr: `1\u00a0question sur ${all}.` }));
  // A whole group with nothing found goes too.
  await expect(page.locator("section#care")).toBeHidden();
  await expect(page).toHaveURL(/[?&]q=/);

  // Nothing found says so, and where to ask.
  await search.fill("zeppelin");
  await expect(page.getByText(t("faq_none_found"))).toBeVisible();
  await expect(page.getByRole("link", { name: t("faq_ask_us"), exact: true })).toHaveAttribute("href", at("/contact"));

  // Cleared, every question is back, and so is the plain address.
  await search.fill("");
  await expect(page.locator("[data-faq-item]:visible")).toHaveCount(all);
  await expect(page).toHaveURL(urlAt("/faq$"));

  // A search in the address is the page's on arrival, and the island takes it on.
  await page.goto(at(`/faq?q=${encodeURIComponent(spam())}`));
  await hydrated(page);
  await expect(page.locator("[data-faq-item]:visible")).toHaveCount(1);
  await expect(search).toHaveValue(spam());
});

test("a question has its own address", async ({ page }) => {
  await page.goto(at("/faq"));
  const question = entry(page, "refund-delay").getByRole("heading", { level: 3 }).getByRole("link");
  await question.click();
  await expect(page).toHaveURL(urlAt("/faq#refund-delay$"));
  await page.goto(at("/returns"));
  // The house's words link to one another, in the page's language.
  await expect(page.locator(`.house-text a[href="${at("/contact")}"]`).first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the FAQ's search is a plain GET the server answers", async ({ page }) => {
    await page.goto(at("/faq"));
    await page.getByLabel(t("faq_search_label"), { exact: true }).fill(spam());
    await page.locator("#main").getByRole("button", { name: t("faq_search_button"), exact: true }).click();
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(entry(page, "missing-confirmation")).toBeVisible();
    await expect(page.locator("[data-faq-item]:visible")).toHaveCount(1);
    await page.getByLabel(t("faq_search_label"), { exact: true }).fill("zeppelin");
    await page.locator("#main").getByRole("button", { name: t("faq_search_button"), exact: true }).click();
    await expect(page.getByText(t("faq_none_found"))).toBeVisible();
    await expect(page.locator("[data-faq-item]:visible")).toHaveCount(0);
  });
});
