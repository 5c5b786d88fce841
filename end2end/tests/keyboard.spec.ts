import { expect, test } from "@playwright/test";
import {
  APPROVE,
  at,
  categoryName,
  countryName,
  freshEmail,
  hydrated,
  orderSizeMark,
  orderStatus,
  orderThankYou,
  payButton,
  productName,
  t,
  tabTo,
  unexpected,
  urlAt,
  watchConsole,
} from "./helpers";

// WCAG 2.1.1 (keyboard) and 2.4.7 (focus visible), as a shopper with no
// mouse buys a ring: only Tab, Enter, Space and typed keys, from the home
// page to the order's page. `tabTo` presses Tab until the element the step
// needs has the focus, and checks the focus can be seen at every stop on
// the way. The ring is made to order: the order takes no stock another
// journey, or the other language's run, counts on.
const RING = "eclat-eternity-ring";
const SIZE = "54";

test("a shopper buys a ring with the keyboard alone, and always sees where the focus is", async ({ page }) => {
  // The whole purchase, one Tab at a time with a look at the focus after
  // each (some 150 round trips to the browser): on a new two-core machine
  // it ran 32 s of the default 30, every step passing. Slow, not racing.
  test.slow();
  const problems = watchConsole(page);
  const email = freshEmail("keys");

  // Browse: from the home page's categories to the rings.
  await page.goto(at("/"));
  await hydrated(page);
  const rings = page
    .getByRole("navigation", { name: t("header_categories_label"), exact: true })
    .getByRole("link", { name: categoryName("rings"), exact: true });
  await tabTo(page, rings);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(urlAt("/shop/rings$"));
  await expect(page.getByRole("heading", { level: 1, name: categoryName("rings"), exact: true })).toBeVisible();
  await hydrated(page);

  // The ring's card, to its page.
  const card = page.locator(".product-card", { hasText: productName(RING) }).getByRole("link");
  await tabTo(page, card);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(urlAt(`/products/${RING}$`));
  await expect(page.getByRole("heading", { level: 1, name: productName(RING), exact: true })).toBeVisible();
  await hydrated(page);

  // A size: chosen in place, kept in the address.
  const size = page.locator(`[data-size="${SIZE}"]`);
  await tabTo(page, size);
  await page.keyboard.press("Enter");
  await expect(size).toHaveAttribute("aria-current", "true");
  await expect(page).toHaveURL(urlAt(`/products/${RING}\\?size=${SIZE}$`));
  await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "add-to-basket");

  // Into the basket, with Space this time; then the basket, from the link the answer offers.
  await tabTo(page, page.getByRole("button", { name: t("buy_add_to_basket"), exact: true }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: t("buy_added_one").trim() })).toBeVisible();
  await expect(page.locator(".basket-count")).toHaveText("1");
  await tabTo(page, page.locator(".buy-area").getByRole("link", { name: t("buy_view_basket"), exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(urlAt("/basket$"));
  await hydrated(page);

  // The basket holds the ring in its size; on to checkout.
  const line = page.locator(`.basket-line[data-product="${RING}"]`);
  await expect(line).toHaveAttribute("data-size", SIZE);
  const proceed = page.getByTestId("checkout");
  await expect(proceed).toHaveAttribute("href", at("/checkout"));
  await tabTo(page, proceed);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(urlAt("/checkout$"));
  await hydrated(page);

  // The delivery form, each field reached with Tab and typed in.
  const field = (name: string) => page.getByLabel(t(name), { exact: true });
  for (const [label, typed] of [
    ["checkout_email", email],
    ["checkout_full_name", "Camille Martin"],
    ["checkout_line1", "8 rue des Orfèvres"],
    ["checkout_postcode", "69002"],
    ["checkout_city", "Lyon"],
  ]) {
    await tabTo(page, field(label));
    await page.keyboard.type(typed);
    await expect(field(label)).toHaveValue(typed);
  }
  // The country list: its option found by typing its first letters.
  await tabTo(page, field("checkout_country"));
  await page.keyboard.type(countryName("FR"));
  await expect(field("checkout_country")).toHaveValue("FR");
  await tabTo(page, field("checkout_phone"));
  await page.keyboard.type("+33 6 11 22 33 44");
  await expect(field("checkout_phone")).toHaveValue("+33 6 11 22 33 44");
  await tabTo(page, page.getByRole("button", { name: t("checkout_continue"), exact: true }));
  await page.keyboard.press("Enter");

  // The next step takes the focus, so a screen reader reads where the shopper is.
  await expect(page.getByRole("heading", { name: t("checkout_step_shipping"), exact: true })).toBeFocused();

  // The review, then the payment button with its total.
  const total = page.getByTestId("total");
  await expect(total).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: payButton(await total.innerText()), exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sandbox-gateway\/pay\//);

  // The sandbox gateway's own page: its fields, then its button.
  await expect(page.getByRole("heading", { name: t("sandbox_heading") })).toBeVisible();
  for (const [label, typed] of [
    ["sandbox_card_number", APPROVE],
    ["sandbox_expiry", "12/39"],
    ["sandbox_cvc", "123"],
  ]) {
    await tabTo(page, field(label));
    await page.keyboard.type(typed);
    await expect(field(label)).toHaveValue(typed);
  }
  const amount = await page.locator("[data-amount]").innerText();
  await tabTo(page, page.getByRole("button", { name: payButton(amount), exact: true }));
  await page.keyboard.press("Enter");

  // Back on the shop: the order's page, paid, with the ring in its size.
  await expect(page).toHaveURL(urlAt("/orders/MA-[0-9A-Z]{10}\\?key=.+&paid=1"));
  await hydrated(page);
  await expect(orderStatus(page)).toHaveText(t("order_status_being_validated"));
  await expect(page.getByTestId("thank-you")).toHaveText(orderThankYou(email));
  await expect(page.locator("table.order-lines")).toContainText(
    productName(RING) + orderSizeMark(SIZE) + t("order_made_to_order_mark"),
  );
  await expect(page.locator(".basket-count")).toHaveAttribute("data-count", "0");
  expect(unexpected(problems)).toEqual([]);
});
