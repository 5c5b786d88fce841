import { expect, Page, test } from "@playwright/test";
import {
  at,
  basketGiftTeaser,
  basketGiftWithdrawn,
  basketProblem,
  basketRepair,
  braceletNotANumber,
  braceletYourSize,
  buyAddRefusedAtLimit,
  buyCountryNotServed,
  countryName,
  giftName,
  hydrated,
  money,
  sizeNotMade,
  sizeNowChosen,
  t,
  urlAt,
  watchConsole,
} from "./helpers";

// Stock these journeys count on (server/demo/catalogue.toml): the Aube
// solitaire ring has 2 in size 50 and in size 56 and none in 54. No journey
// orders it in those sizes (checkout.spec.ts buys other sizes, one per
// language), so both languages' runs find the same stock.

const badge = (page: Page) => page.locator(".basket-count");
const line = (page: Page, product: string) => page.locator(`.basket-line[data-product="${product}"]`);

/** Opens a product page, ready to use. */
async function openPiece(page: Page, path: string) {
  await page.goto(at(path));
  await hydrated(page);
}

async function addToBasket(page: Page) {
  await page.getByRole("button", { name: t("buy_add_to_basket"), exact: true }).click();
}

/** The basket page, ready to use. */
async function openBasket(page: Page) {
  await page.goto(at("/basket"));
  await hydrated(page);
}

test("a ring needs a size; the basket survives a reload and is shared by a second tab", async ({ page, context }) => {
  const problems = watchConsole(page);
  await openPiece(page, "/products/aube-solitaire-ring");
  await expect(badge(page)).toHaveAttribute("data-count", "0");

  // No size chosen: refused, with a message, and nothing added.
  await addToBasket(page);
  await expect(page.locator(".buy-area [role=alert]")).toHaveText(t("buy_choose_size_first"));
  await expect(badge(page)).toHaveAttribute("data-count", "0");

  // With a size: the badge shows 1.
  await page.locator('[data-size="50"]').click();
  await expect(page).toHaveURL(urlAt("/products/aube-solitaire-ring\\?size=50$"));
  await addToBasket(page);
  await expect(page.getByText(t("buy_added_one").trim())).toBeVisible();
  await expect(badge(page)).toHaveText("1");

  // A reload keeps it.
  await page.reload();
  await hydrated(page);
  await expect(badge(page)).toHaveText("1");

  // A second tab sees the same basket, and follows changes made in the first.
  const second = await context.newPage();
  await openBasket(second);
  await expect(badge(second)).toHaveText("1");
  await expect(line(second, "aube-solitaire-ring")).toHaveAttribute("data-size", "50");
  await addToBasket(page);
  await expect(badge(page)).toHaveText("2");
  await expect(badge(second)).toHaveText("2");
  await expect(line(second, "aube-solitaire-ring").getByTestId("quantity")).toHaveText("2");

  // Two are left in size 50: a third is refused.
  await addToBasket(page);
  await expect(page.locator(".buy-area [role=alert]")).toHaveText(buyAddRefusedAtLimit(2));
  await expect(badge(page)).toHaveText("2");
  expect(problems).toEqual([]);
});

test("on the basket page a shopper changes quantity and size, and removes a line", async ({ page }) => {
  const problems = watchConsole(page);
  await openPiece(page, "/products/eclat-silver-hoops");
  await addToBasket(page);
  await openPiece(page, "/products/aube-solitaire-ring?size=50");
  await addToBasket(page);
  await page.getByRole("link", { name: t("buy_view_basket"), exact: true }).click();
  await expect(page).toHaveURL(urlAt("/basket$"));

  const hoops = line(page, "eclat-silver-hoops");
  await expect(hoops.getByTestId("quantity")).toHaveText("1");
  await expect(page.getByTestId("subtotal")).toHaveText(money(3480));
  await hoops.getByRole("button", { name: t("basket_one_more"), exact: true }).click();
  await expect(hoops.getByTestId("quantity")).toHaveText("2");
  await expect(page.getByTestId("subtotal")).toHaveText(money(3760));
  await expect(badge(page)).toHaveText("3");
  await hoops.getByRole("button", { name: t("basket_one_fewer"), exact: true }).click();
  await expect(hoops.getByTestId("quantity")).toHaveText("1");
  await expect(hoops.getByRole("button", { name: t("basket_one_fewer"), exact: true })).toBeDisabled();

  // A size out of stock is flagged and blocks checkout until changed.
  const ring = line(page, "aube-solitaire-ring");
  await ring.getByLabel(t("basket_size"), { exact: true }).selectOption("54");
  await expect(ring).toHaveAttribute("data-size", "54");
  await expect(ring.locator(".line-problem")).toHaveText(basketProblem.outOfStock());
  await expect(page.getByTestId("checkout")).toBeDisabled();
  await ring.getByLabel(t("basket_size"), { exact: true }).selectOption("56");
  await expect(ring).toHaveAttribute("data-size", "56");
  await expect(ring.locator(".line-problem")).toHaveCount(0);
  await expect(page.getByTestId("checkout")).toHaveAttribute("href", at("/checkout"));

  await ring.getByRole("button", { name: t("basket_remove"), exact: true }).click();
  await expect(ring).toHaveCount(0);
  await expect(page.getByTestId("subtotal")).toHaveText(money(280));
  await hoops.getByRole("button", { name: t("basket_remove"), exact: true }).click();
  await expect(page.getByText(t("basket_empty"))).toBeVisible();
  await expect(badge(page)).toHaveAttribute("data-count", "0");
  expect(problems).toEqual([]);
});

test("the gift is offered above €500, added only when asked, and withdrawn below with a notice", async ({ page }) => {
  const pouch = giftName("leather-pouch");
  await openPiece(page, "/products/eclat-silver-hoops");
  await addToBasket(page);
  await openBasket(page);
  await expect(page.getByTestId("gift-teaser")).toHaveText(basketGiftTeaser(220, pouch, 500));

  await openPiece(page, "/products/aube-solitaire-ring?size=50");
  await addToBasket(page);
  await openBasket(page);
  await expect(page.getByTestId("gift-offer")).toBeVisible();
  // Offered, not added.
  await expect(page.locator(".gift-line")).toHaveCount(0);
  await expect(badge(page)).toHaveText("2");

  await page.getByRole("button", { name: t("basket_take_gift"), exact: true }).click();
  const gift = page.locator('.gift-line[data-gift="leather-pouch"]');
  await expect(gift.locator(".line-name")).toHaveText(pouch);
  await expect(gift.locator(".line-total")).toHaveText(money(0));
  await expect(badge(page)).toHaveText("3");
  await expect(page.getByTestId("subtotal")).toHaveText(money(3480));

  // Below the threshold the gift goes, and the shopper is told.
  await line(page, "aube-solitaire-ring").getByRole("button", { name: t("basket_remove"), exact: true }).click();
  await expect(page.locator(".site-notice")).toContainText(basketGiftWithdrawn(pouch, 500));
  await expect(gift).toHaveCount(0);
  await expect(badge(page)).toHaveText("1");
  await expect(page.getByTestId("gift-teaser")).toBeVisible();
  await page.getByRole("button", { name: t("notices_dismiss"), exact: true }).click();
  await expect(page.locator(".site-notice")).toHaveCount(0);
});

test("a delivery country outside the list changes the buy area and blocks checkout", async ({ page }) => {
  const problems = watchConsole(page);
  await openPiece(page, "/products/aube-solitaire-ring?size=50");
  await addToBasket(page);
  await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "add-to-basket");

  // Whole names: in French « Valider » is also the start of the basket's « Valider ma commande ».
  const deliverTo = page.getByLabel(t("country_deliver_to"), { exact: true });
  const update = page.getByRole("button", { name: t("country_update"), exact: true });
  await deliverTo.selectOption("US");
  await update.click();
  await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "ask-advisor");
  await expect(page.locator(".buy-area")).toContainText(buyCountryNotServed(countryName("US")));
  await expect(page.getByRole("link", { name: t("buy_ask_advisor"), exact: true })).toBeVisible();
  // Back on the same page, in the same language.
  await expect(page).toHaveURL(urlAt("/products/aube-solitaire-ring\\?size=50$"));

  // Remembered: the server renders the same on the next visit.
  const response = await page.request.get(at("/products/aube-solitaire-ring?size=50"));
  expect(await response.text()).toContain('data-state="ask-advisor"');

  await openBasket(page);
  await expect(page.getByTestId("country-not-served")).toContainText(countryName("US"));
  await expect(page.getByTestId("checkout")).toBeDisabled();

  await page.getByLabel(t("country_deliver_to"), { exact: true }).selectOption("BE");
  await page.getByRole("button", { name: t("country_update"), exact: true }).click();
  await expect(page.getByTestId("country-not-served")).toHaveCount(0);
  await expect(page.getByTestId("checkout")).toBeEnabled();
  expect(problems).toEqual([]);
});

test("garbage in the stored basket gives a message and a usable page", async ({ page }) => {
  // Hydrated first: the app reads (and may write back) the basket once it is
  // live, which must not overwrite what the test puts there.
  await page.goto(at("/"));
  await hydrated(page);
  await page.evaluate(() => localStorage.setItem("vitrine.basket", "{this is not a basket"));
  await openBasket(page);
  await expect(page.locator(".site-notice")).toContainText(basketRepair.unreadable());
  await expect(page.getByText(t("basket_empty"))).toBeVisible();

  // The page still works: add a piece.
  await openPiece(page, "/products/eclat-silver-hoops");
  await addToBasket(page);
  await expect(badge(page)).toHaveText("1");
});

test("a tampered stored basket is repaired and priced by the server", async ({ page }) => {
  // Hydrated first: the app reads (and may write back) the basket once it is
  // live, which must not overwrite what the test puts there.
  await page.goto(at("/"));
  await hydrated(page);
  await page.evaluate(() =>
    localStorage.setItem(
      "vitrine.basket",
      JSON.stringify({
        version: 1,
        lines: [
          { product: "eclat-silver-hoops", quantity: 99, price: 1 },
          { product: "<script>", quantity: 1 },
          { product: "no-longer-made", quantity: 1 },
        ],
      }),
    ),
  );
  await openBasket(page);
  await expect(page.locator(".site-notice")).toContainText(basketRepair.oneLineDropped());
  await expect(page.locator(".site-notice")).toContainText(basketRepair.quantitiesReduced());
  await expect(line(page, "eclat-silver-hoops").getByTestId("quantity")).toHaveText("5");
  await expect(line(page, "eclat-silver-hoops").locator(".line-total")).toHaveText(money(1400));
  await expect(line(page, "no-longer-made").locator(".line-problem")).toHaveText(basketProblem.noLongerOffered());
  await expect(page.getByTestId("checkout")).toBeDisabled();

  // An old format is reset, with its own message.
  await page.evaluate(() => localStorage.setItem("vitrine.basket", JSON.stringify({ version: 0, items: [] })));
  await page.reload();
  await hydrated(page);
  await expect(page.locator(".site-notice")).toContainText(basketRepair.otherFormat());
  await expect(page.getByText(t("basket_empty"))).toBeVisible();
});

test("the size helpers on product pages choose the size they find", async ({ page }) => {
  const problems = watchConsole(page);
  await openPiece(page, "/products/aube-solitaire-ring");
  await page.locator("summary", { hasText: t("size_find_ring") }).click();
  const finger = page.getByLabel(t("ring_size_label_finger"), { exact: true });
  await finger.fill("56");
  await expect(page).toHaveURL(urlAt("/products/aube-solitaire-ring\\?size=56$"));
  await expect(page.locator('[data-size="56"]')).toHaveAttribute("aria-current", "true");
  await expect(page.getByText(sizeNowChosen("56"))).toBeVisible();
  await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "add-to-basket");
  await expect(page.getByText(t("buy_choose_size_hint"))).toHaveCount(0);

  // A size the ring is not made in is said, not chosen.
  await finger.fill("45");
  await expect(page.getByText(sizeNotMade("45"))).toBeVisible();
  await expect(page).toHaveURL(/size=56/);

  await openPiece(page, "/products/aube-bangle");
  await page.locator("summary", { hasText: t("size_find_bracelet") }).click();
  const wrist = page.getByLabel(t("bracelet_wrist_label"), { exact: true });
  await wrist.fill("abc");
  await expect(page.locator("#bracelet-answer")).toHaveText(braceletNotANumber("abc"));
  await wrist.fill("15.5");
  await expect(page.locator('[data-answer="bracelet"]')).toHaveText(braceletYourSize(17));
  await expect(page).toHaveURL(/size=17/);
  await page.getByLabel(t("bracelet_fit_loose"), { exact: true }).check();
  await expect(page.locator('[data-answer="bracelet"]')).toHaveText(braceletYourSize(18));
  await expect(page).toHaveURL(/size=18/);
  expect(problems).toEqual([]);
});
