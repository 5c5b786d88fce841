import { expect, Page, test } from "@playwright/test";
import { hydrated, watchConsole } from "./helpers";

const badge = (page: Page) => page.locator(".basket-count");
const line = (page: Page, product: string) => page.locator(`.basket-line[data-product="${product}"]`);

/** Opens a product page, ready to use. */
async function openPiece(page: Page, path: string) {
  await page.goto(path);
  await hydrated(page);
}

async function addToBasket(page: Page) {
  await page.getByRole("button", { name: "Add to basket" }).click();
}

test("a ring needs a size; the basket survives a reload and is shared by a second tab", async ({ page, context }) => {
  const problems = watchConsole(page);
  await openPiece(page, "/products/aube-solitaire-ring");
  await expect(badge(page)).toHaveAttribute("data-count", "0");

  // No size chosen: refused, with a message, and nothing added.
  await addToBasket(page);
  await expect(page.locator(".buy-area [role=alert]")).toContainText("Please choose a size");
  await expect(badge(page)).toHaveAttribute("data-count", "0");

  // With a size: the badge shows 1.
  await page.locator('[data-size="50"]').click();
  await expect(page).toHaveURL(/size=50/);
  await addToBasket(page);
  await expect(page.getByText("Added to your basket.")).toBeVisible();
  await expect(badge(page)).toHaveText("1");

  // A reload keeps it.
  await page.reload();
  await hydrated(page);
  await expect(badge(page)).toHaveText("1");

  // A second tab sees the same basket, and follows changes made in the first.
  const second = await context.newPage();
  await second.goto("/basket");
  await hydrated(second);
  await expect(badge(second)).toHaveText("1");
  await expect(line(second, "aube-solitaire-ring")).toHaveAttribute("data-size", "50");
  await addToBasket(page);
  await expect(badge(page)).toHaveText("2");
  await expect(badge(second)).toHaveText("2");
  await expect(line(second, "aube-solitaire-ring").getByTestId("quantity")).toHaveText("2");

  // Two are left in size 50: a third is refused.
  await addToBasket(page);
  await expect(page.locator(".buy-area [role=alert]")).toContainText("already holds 2");
  await expect(badge(page)).toHaveText("2");
  expect(problems).toEqual([]);
});

test("on the basket page a shopper changes quantity and size, and removes a line", async ({ page }) => {
  const problems = watchConsole(page);
  await openPiece(page, "/products/eclat-silver-hoops");
  await addToBasket(page);
  await openPiece(page, "/products/aube-solitaire-ring?size=50");
  await addToBasket(page);
  await page.getByRole("link", { name: "View your basket" }).click();
  await expect(page).toHaveURL(/\/basket$/);

  const hoops = line(page, "eclat-silver-hoops");
  await expect(hoops.getByTestId("quantity")).toHaveText("1");
  await expect(page.getByTestId("subtotal")).toHaveText("€3,480");
  await hoops.getByRole("button", { name: "One more" }).click();
  await expect(hoops.getByTestId("quantity")).toHaveText("2");
  await expect(page.getByTestId("subtotal")).toHaveText("€3,760");
  await expect(badge(page)).toHaveText("3");
  await hoops.getByRole("button", { name: "One fewer" }).click();
  await expect(hoops.getByTestId("quantity")).toHaveText("1");
  await expect(hoops.getByRole("button", { name: "One fewer" })).toBeDisabled();

  // A size out of stock is flagged and blocks checkout until changed.
  const ring = line(page, "aube-solitaire-ring");
  await ring.getByLabel("Size").selectOption("54");
  await expect(ring).toHaveAttribute("data-size", "54");
  await expect(ring.locator(".line-problem")).toHaveText("This size is out of stock.");
  await expect(page.getByTestId("checkout")).toBeDisabled();
  await ring.getByLabel("Size").selectOption("56");
  await expect(ring).toHaveAttribute("data-size", "56");
  await expect(ring.locator(".line-problem")).toHaveCount(0);
  await expect(page.getByTestId("checkout")).toHaveAttribute("href", "/checkout");

  await ring.getByRole("button", { name: "Remove" }).click();
  await expect(ring).toHaveCount(0);
  await expect(page.getByTestId("subtotal")).toHaveText("€280");
  await hoops.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Your basket is empty.")).toBeVisible();
  await expect(badge(page)).toHaveAttribute("data-count", "0");
  expect(problems).toEqual([]);
});

test("the gift is offered above €500, added only when asked, and withdrawn below with a notice", async ({ page }) => {
  await openPiece(page, "/products/eclat-silver-hoops");
  await addToBasket(page);
  await page.goto("/basket");
  await hydrated(page);
  await expect(page.getByTestId("gift-teaser")).toContainText("Add €220 more");

  await openPiece(page, "/products/aube-solitaire-ring?size=50");
  await addToBasket(page);
  await page.goto("/basket");
  await hydrated(page);
  await expect(page.getByTestId("gift-offer")).toBeVisible();
  // Offered, not added.
  await expect(page.locator(".gift-line")).toHaveCount(0);
  await expect(badge(page)).toHaveText("2");

  await page.getByRole("button", { name: "Add the gift to my basket" }).click();
  const gift = page.locator('.gift-line[data-gift="leather-pouch"]');
  await expect(gift).toContainText("Leather jewellery pouch");
  await expect(gift.locator(".line-total")).toHaveText("€0");
  await expect(badge(page)).toHaveText("3");
  await expect(page.getByTestId("subtotal")).toHaveText("€3,480");

  // Below the threshold the gift goes, and the shopper is told.
  await line(page, "aube-solitaire-ring").getByRole("button", { name: "Remove" }).click();
  await expect(page.locator(".site-notice")).toContainText("leather jewellery pouch has been taken out of your basket");
  await expect(gift).toHaveCount(0);
  await expect(badge(page)).toHaveText("1");
  await expect(page.getByTestId("gift-teaser")).toBeVisible();
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.locator(".site-notice")).toHaveCount(0);
});

test("a delivery country outside the list changes the buy area and blocks checkout", async ({ page }) => {
  const problems = watchConsole(page);
  await openPiece(page, "/products/aube-solitaire-ring?size=50");
  await addToBasket(page);
  await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "add-to-basket");

  await page.getByLabel("Deliver to").selectOption("US");
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "ask-advisor");
  await expect(page.locator(".buy-area")).toContainText("not available for delivery to United States");
  await expect(page.getByRole("link", { name: "Ask a client advisor" })).toBeVisible();

  // Remembered: the server renders the same on the next visit.
  const response = await page.request.get("/products/aube-solitaire-ring?size=50");
  expect(await response.text()).toContain('data-state="ask-advisor"');

  await page.goto("/basket");
  await hydrated(page);
  await expect(page.getByTestId("country-not-served")).toContainText("United States");
  await expect(page.getByTestId("checkout")).toBeDisabled();

  await page.getByLabel("Deliver to").selectOption("BE");
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByTestId("country-not-served")).toHaveCount(0);
  await expect(page.getByTestId("checkout")).toBeEnabled();
  expect(problems).toEqual([]);
});

test("garbage in the stored basket gives a message and a usable page", async ({ page }) => {
  // Hydrated first: the app reads (and may write back) the basket once it is
  // live, which must not overwrite what the test puts there.
  await page.goto("/");
  await hydrated(page);
  await page.evaluate(() => localStorage.setItem("vitrine.basket", "{this is not a basket"));
  await page.goto("/basket");
  await hydrated(page);
  await expect(page.locator(".site-notice")).toContainText("could not be read");
  await expect(page.getByText("Your basket is empty.")).toBeVisible();

  // The page still works: add a piece.
  await openPiece(page, "/products/eclat-silver-hoops");
  await addToBasket(page);
  await expect(badge(page)).toHaveText("1");
});

test("a tampered stored basket is repaired and priced by the server", async ({ page }) => {
  // Hydrated first: the app reads (and may write back) the basket once it is
  // live, which must not overwrite what the test puts there.
  await page.goto("/");
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
  await page.goto("/basket");
  await hydrated(page);
  await expect(page.locator(".site-notice")).toContainText("could not be read and was removed");
  await expect(page.locator(".site-notice")).toContainText("brought down to 5");
  await expect(line(page, "eclat-silver-hoops").getByTestId("quantity")).toHaveText("5");
  await expect(line(page, "eclat-silver-hoops").locator(".line-total")).toHaveText("€1,400");
  await expect(line(page, "no-longer-made")).toContainText("no longer offered");
  await expect(page.getByTestId("checkout")).toBeDisabled();

  // An old format is reset, with its own message.
  await page.evaluate(() => localStorage.setItem("vitrine.basket", JSON.stringify({ version: 0, items: [] })));
  await page.reload();
  await hydrated(page);
  await expect(page.locator(".site-notice")).toContainText("older version of our site");
  await expect(page.getByText("Your basket is empty.")).toBeVisible();
});

test("the size helpers on product pages choose the size they find", async ({ page }) => {
  const problems = watchConsole(page);
  await openPiece(page, "/products/aube-solitaire-ring");
  await page.locator("summary", { hasText: "Find your ring size" }).click();
  await page.getByLabel("Circumference of your finger, in mm").fill("56");
  await expect(page).toHaveURL(/size=56/);
  await expect(page.locator('[data-size="56"]')).toHaveAttribute("aria-current", "true");
  await expect(page.getByText("Size 56 is now chosen above.")).toBeVisible();
  await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "add-to-basket");
  await expect(page.getByText("Choose a size above.")).toHaveCount(0);

  // A size the ring is not made in is said, not chosen.
  await page.getByLabel("Circumference of your finger, in mm").fill("45");
  await expect(page.getByText("not made in size 45")).toBeVisible();
  await expect(page).toHaveURL(/size=56/);

  await openPiece(page, "/products/aube-bangle");
  await page.locator("summary", { hasText: "Find your bracelet size" }).click();
  const wrist = page.getByLabel("Your wrist, in cm");
  await wrist.fill("abc");
  await expect(page.locator("#bracelet-answer")).toContainText("is not a number");
  await wrist.fill("15.5");
  await expect(page.locator('[data-answer="bracelet"]')).toHaveText("Your size: 17 cm.");
  await expect(page).toHaveURL(/size=17/);
  await page.getByLabel("Loose (+2 cm)").check();
  await expect(page.locator('[data-answer="bracelet"]')).toHaveText("Your size: 18 cm.");
  await expect(page).toHaveURL(/size=18/);
  expect(problems).toEqual([]);
});
