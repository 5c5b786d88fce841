import { expect, Page, test } from "@playwright/test";
import {
  APPROVE,
  checkOut,
  DECLINE,
  fillBasket,
  freshEmail,
  hydrated,
  paidOrder,
  payWith,
  staffPage,
  unexpected,
  watchConsole,
} from "./helpers";

// Journeys of PRODUCT.md §5 and §6: a guest pays on the sandbox gateway's
// page, a declined card and a retry, staff validate and ship part of an
// order, and a cancel request refused after confirmation. The server runs
// with its database at VITRINE_DATABASE_URL and its binary at
// VITRINE_SERVER_BIN (scripts/serve-release.sh), so a journey can make a
// staff account with the documented command.

async function validate(staff: Page, reference: string) {
  await staff.goto(`/staff/orders/${reference}`);
  await hydrated(staff);
  await staff.getByRole("button", { name: "Validate the order" }).click();
  await expect(staff.getByTestId("staff-status")).toContainText("Confirmed");
}

test("a guest buys a ring with the approving card and sees 'Being validated'", async ({ page }) => {
  const problems = watchConsole(page);
  await fillBasket(page, [{ product: "aube-solitaire-ring", size: "56", quantity: 1 }]);
  await checkOut(page, freshEmail("guest"));
  await payWith(page, APPROVE);
  await expect(page.getByTestId("order-status")).toContainText("Being validated");
  await expect(page.getByTestId("thank-you")).toContainText("Thank you for your order");
  await expect(page.getByTestId("timeline")).toContainText("Payment authorised.");
  await expect(page.locator("table.order-lines")).toContainText("Aube solitaire ring (size 56)");
  // The basket has become the order.
  await expect(page.locator(".basket-count")).toHaveAttribute("data-count", "0");
  await page.getByTestId("receipt-link").click();
  await expect(page.getByRole("heading", { name: /Receipt for order MA-/ })).toBeVisible();
  expect(unexpected(problems)).toEqual([]);
});

test("a declined card says so clearly, and a retry with another card goes through", async ({ page }) => {
  const problems = watchConsole(page);
  await fillBasket(page, [{ product: "aube-band-ring", size: "56", quantity: 1 }]);
  await checkOut(page, freshEmail("declined"));
  await payWith(page, DECLINE);
  await expect(page.getByTestId("payment-declined")).toContainText("Your bank declined the payment: nothing was charged");
  await expect(page.getByTestId("order-status")).toContainText("Cancelled");
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await checkOut(page, freshEmail("retry"));
  await payWith(page, APPROVE);
  await expect(page.getByTestId("order-status")).toContainText("Being validated");
  expect(unexpected(problems)).toEqual([]);
});

test("staff validate and ship part of an order; the customer sees 'Partially shipped', then 'Shipped'", async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  const { url, reference } = await paidOrder(page, [
    { product: "constellation-sapphire-ring", size: "56", quantity: 1 },
    { product: "eclat-eternity-ring", size: "56", quantity: 1 },
  ]);
  const staff = await staffPage(browser);
  const staffProblems = watchConsole(staff);
  await staff.goto("/staff/orders?status=being_validated");
  await hydrated(staff);
  await staff.getByRole("link", { name: reference }).click();
  await hydrated(staff);
  await staff.getByRole("button", { name: "Validate the order" }).click();
  await expect(staff.getByTestId("staff-status")).toContainText("Confirmed");

  // The made-to-order ring follows later: ship the sapphire ring alone.
  await staff.getByLabel(/Éclat eternity ring .*left to ship/).fill("0");
  await staff.getByLabel("Carrier").fill("Colissimo");
  await staff.getByLabel("Tracking number").fill("6A0001234567");
  await staff.getByRole("button", { name: "Hand to the carrier" }).click();
  await expect(staff.getByTestId("staff-status")).toContainText("Partially shipped");

  await page.goto(url);
  await hydrated(page);
  await expect(page.getByTestId("order-status")).toContainText("Partially shipped");
  await expect(page.getByTestId("tracking-number")).toHaveText("6A0001234567");

  await staff.getByLabel("Carrier").fill("Chronopost");
  await staff.getByLabel("Tracking number").fill("XY0009876");
  await staff.getByRole("button", { name: "Hand to the carrier" }).click();
  await expect(staff.getByTestId("staff-status")).toContainText("Shipped");
  await expect(staff.locator(".timeline").last()).toContainText("ship");

  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("order-status")).toContainText("Shipped");
  await expect(page.getByTestId("tracking-number").last()).toHaveText("XY0009876");
  expect(unexpected(problems)).toEqual([]);
  expect(unexpected(staffProblems)).toEqual([]);
});

test("a cancel request after confirmation is refused with the reason, then no longer offered", async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  const { url, reference } = await paidOrder(page, [{ product: "rivage-pearl-ring", size: "54", quantity: 1 }]);
  // The customer has the order open while it is being validated…
  await page.goto(url);
  await hydrated(page);
  await expect(page.getByTestId("order-status")).toContainText("Being validated");
  // …when the house confirms it.
  const staff = await staffPage(browser);
  await validate(staff, reference);
  await page.getByTestId("cancel-order").click();
  await expect(page.getByRole("alert")).toContainText(
    "Your order is Confirmed: it can no longer be changed or cancelled",
  );
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("order-status")).toContainText("Confirmed");
  await expect(page.getByTestId("cancel-order")).toHaveCount(0);
  expect(unexpected(problems)).toEqual([]);
});
