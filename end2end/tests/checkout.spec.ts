import { expect, Page, test } from "@playwright/test";
import {
  APPROVE,
  at,
  checkOut,
  DECLINE,
  fillBasket,
  freshEmail,
  hydrated,
  inLang,
  orderReceiptHeading,
  orderSizeMark,
  orderStatus,
  orderThankYou,
  orderTooLateForCustomer,
  paidOrder,
  payWith,
  productName,
  staffLeftToShip,
  staffPage,
  t,
  unexpected,
  urlAt,
  watchConsole,
} from "./helpers";

// Journeys of PRODUCT.md §5 and §6: a guest pays on the sandbox gateway's
// page, a declined card and a retry, staff validate and ship part of an
// order, and a cancel request refused after confirmation. The server runs
// with its database at VITRINE_DATABASE_URL and its binary at
// VITRINE_SERVER_BIN (scripts/serve-release.sh), so a journey can make a
// staff account with the documented command.
//
// Both languages' journeys run at once against one database, and a paid
// order takes its piece from stock: each language buys its own size
// (SIZE below), so neither run takes a piece the other, or another
// journey, counts on (basket.spec.ts and browse.spec.ts count on the Aube
// solitaire's sizes 50, 54 and 56, which no journey buys).
const SIZE = {
  solitaire: () => inLang({ en: "57", fr: "58" }),
  band: () => inLang({ en: "56", fr: "57" }),
  sapphire: () => inLang({ en: "56", fr: "57" }),
  pearl: () => inLang({ en: "54", fr: "55" }),
};

/** The status on the staff's page of an order. */
const staffStatus = (staff: Page) => staff.getByTestId("staff-status").locator("strong");

async function validate(staff: Page, reference: string) {
  await staff.goto(at(`/staff/orders/${reference}`));
  await hydrated(staff);
  await staff.getByRole("button", { name: t("staff_validate"), exact: true }).click();
  await expect(staffStatus(staff)).toHaveText(t("order_status_confirmed"));
}

test("a guest buys a ring with the approving card and sees 'Being validated'", async ({ page }) => {
  const problems = watchConsole(page);
  const size = SIZE.solitaire();
  const email = freshEmail("guest");
  await fillBasket(page, [{ product: "aube-solitaire-ring", size, quantity: 1 }]);
  await checkOut(page, email);
  await payWith(page, APPROVE);
  await expect(orderStatus(page)).toHaveText(t("order_status_being_validated"));
  await expect(page.getByTestId("thank-you")).toHaveText(orderThankYou(email));
  await expect(page.getByTestId("timeline")).toContainText(t("order_event_authorised"));
  await expect(page.locator("table.order-lines")).toContainText(productName("aube-solitaire-ring") + orderSizeMark(size));
  // The basket has become the order.
  await expect(page.locator(".basket-count")).toHaveAttribute("data-count", "0");
  const reference = page.url().match(/MA-[0-9A-Z]{10}/)![0];
  await page.getByTestId("receipt-link").click();
  await expect(page).toHaveURL(urlAt(`/orders/${reference}/receipt\\?key=`));
  await expect(page.getByRole("heading", { name: orderReceiptHeading(reference), exact: true })).toBeVisible();
  expect(unexpected(problems)).toEqual([]);
});

test("a declined card says so clearly, and a retry with another card goes through", async ({ page }) => {
  const problems = watchConsole(page);
  await fillBasket(page, [{ product: "aube-band-ring", size: SIZE.band(), quantity: 1 }]);
  await checkOut(page, freshEmail("declined"));
  await payWith(page, DECLINE);
  await expect(page.getByTestId("payment-declined")).toContainText(t("order_declined"));
  await expect(orderStatus(page)).toHaveText(t("order_status_cancelled"));
  await page.getByRole("link", { name: t("order_try_again"), exact: true }).click();
  await expect(page).toHaveURL(urlAt("/checkout$"));
  await checkOut(page, freshEmail("retry"));
  await payWith(page, APPROVE);
  await expect(orderStatus(page)).toHaveText(t("order_status_being_validated"));
  expect(unexpected(problems)).toEqual([]);
});

test("staff validate and ship part of an order; the customer sees 'Partially shipped', then 'Shipped'", async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  const { url, reference } = await paidOrder(page, [
    { product: "constellation-sapphire-ring", size: SIZE.sapphire(), quantity: 1 },
    { product: "eclat-eternity-ring", size: "56", quantity: 1 },
  ]);
  const staff = await staffPage(browser);
  const staffProblems = watchConsole(staff);
  await staff.goto(at("/staff/orders?status=being_validated"));
  await hydrated(staff);
  await staff.getByRole("link", { name: reference, exact: true }).click();
  await expect(staff).toHaveURL(urlAt(`/staff/orders/${reference}$`));
  await hydrated(staff);
  await staff.getByRole("button", { name: t("staff_validate"), exact: true }).click();
  await expect(staffStatus(staff)).toHaveText(t("order_status_confirmed"));

  // The made-to-order ring follows later: ship the sapphire ring alone.
  // (Lines are named as the order was placed: in the journey's language.)
  await staff.getByLabel(staffLeftToShip(`${productName("eclat-eternity-ring")} (56)`, 1), { exact: true }).fill("0");
  await staff.getByLabel(t("staff_carrier"), { exact: true }).fill("Colissimo");
  await staff.getByLabel(t("staff_tracking"), { exact: true }).fill("6A0001234567");
  await staff.getByRole("button", { name: t("staff_hand_to_carrier"), exact: true }).click();
  await expect(staffStatus(staff)).toHaveText(t("order_status_partially_shipped"));

  await page.goto(url);
  await hydrated(page);
  await expect(orderStatus(page)).toHaveText(t("order_status_partially_shipped"));
  await expect(page.getByTestId("tracking-number")).toHaveText("6A0001234567");

  await staff.getByLabel(t("staff_carrier"), { exact: true }).fill("Chronopost");
  await staff.getByLabel(t("staff_tracking"), { exact: true }).fill("XY0009876");
  await staff.getByRole("button", { name: t("staff_hand_to_carrier"), exact: true }).click();
  await expect(staffStatus(staff)).toHaveText(t("order_status_shipped"));
  // The order's audit log names the parcel (its detail is a record kept in
  // English whatever the staff's language, app/src/lifecycle.rs).
  await expect(staff.locator(".timeline").last()).toContainText("XY0009876");

  await page.reload();
  await hydrated(page);
  await expect(orderStatus(page)).toHaveText(t("order_status_shipped"));
  await expect(page.getByTestId("tracking-number").last()).toHaveText("XY0009876");
  expect(unexpected(problems)).toEqual([]);
  expect(unexpected(staffProblems)).toEqual([]);
});

test("a cancel request after confirmation is refused with the reason, then no longer offered", async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  const { url, reference } = await paidOrder(page, [{ product: "rivage-pearl-ring", size: SIZE.pearl(), quantity: 1 }]);
  // The customer has the order open while it is being validated…
  await page.goto(url);
  await hydrated(page);
  await expect(orderStatus(page)).toHaveText(t("order_status_being_validated"));
  // …when the house confirms it.
  const staff = await staffPage(browser);
  await validate(staff, reference);
  await page.getByTestId("cancel-order").click();
  await expect(page.getByRole("alert")).toHaveText(orderTooLateForCustomer(t("order_status_confirmed")));
  await page.reload();
  await hydrated(page);
  await expect(orderStatus(page)).toHaveText(t("order_status_confirmed"));
  await expect(page.getByTestId("cancel-order")).toHaveCount(0);
  expect(unexpected(problems)).toEqual([]);
});

test("a paid order cancelled by its customer is refunded in full, and the page says when the money arrives", async ({
  page,
}) => {
  const problems = watchConsole(page);
  // Made to order: no stock taken that another journey counts on.
  const { url } = await paidOrder(page, [{ product: "eclat-eternity-ring", size: "52", quantity: 1 }]);
  await page.goto(url);
  await hydrated(page);
  await page.getByTestId("cancel-order").click();
  await expect(orderStatus(page)).toHaveText(t("order_status_cancelled"));
  const refunds = page.getByTestId("refunds");
  await expect(refunds.getByRole("heading", { name: t("order_refunds") })).toBeVisible();
  await expect(refunds).toContainText(t("order_refunds_arrive"));
  // The gateway's answer comes by callback a moment later.
  await expect(async () => {
    await page.reload();
    await expect(page.locator(".refund-refunded")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await hydrated(page);
  await expect(page.getByTestId("cancel-order")).toHaveCount(0);
  expect(unexpected(problems)).toEqual([]);
});
