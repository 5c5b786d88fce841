import { expect, Page, test } from "@playwright/test";
import {
  APPROVE,
  at,
  checkOut,
  fillBasket,
  freshEmail,
  hydrated,
  inLang,
  lang,
  orderSizeMark,
  orderStatus,
  payWith,
  productName,
  staffPage,
  t,
  unexpected,
  violations,
  watchConsole,
} from "./helpers";

// Journeys of PRODUCT.md §7: a customer returns a ring within the window
// and staff approve, receive and refund it, the customer seeing each step
// and the emails arriving; a sale piece without a defect is refused with
// the reason; a defect on earrings is reported with a photo, which staff
// see. axe-core checks every returns page on the way.
//
// Each journey delivers its own order: made-to-order rings take no stock;
// the sale ring and the earrings are bought in sizes no other journey counts on.

/** A few seconds per step: buying, delivering and returning take more than the default 30 s. */
test.setTimeout(90_000);

/** A tiny PNG, as a phone would send a photo (the server re-encodes it as JPEG). */
const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAABlklEQVR4nA3LQQEAIQgAQSMYwQhGMAIRiMBzn0YwghGIQAQiEMEId/Of1hq9MRqzsRrS0IY1duM0bsMb0chGNV6jtU7vjM7srI50tGOd3Tmd2/FOdLJTndf/MOiDMZiDNZCBDmywB2dwBz6IQQ5q8MYfJn0yJnOyJjLRiU325EzuxCcxyUlN3vzDoi/GYi7WQha6sMVenMVd+CIWuajFW38QujCEKSxBBBVM2MIRruBCCCmU8OQPSleGMpWliKKKKVs5ylVcCSWVUp7+wejGMKaxDDHUMGMbx7iGG2GkUcazP2z6ZmzmZm1koxvb7M3Z3I1vYpOb2rz9h0M/jMM8rIMc9GCHfTiHe/BDHPJQh3f+cOmXcZmXdZGLXuyyL+dyL36JS17q8u4fnO4MZzrLEUcdc7ZznOu4E0465Tz/Q9CDEcxgBRJoYMEOTnADDyLIoIIXf0h6MpKZrEQSTSzZyUlu4kkkmVTy8g9FL0Yxi1VIoYUVuzjFLbyIIosqXv3h0R/jMR/rIQ992GM/zuM+/BGPfNTjPT5PTmgQxhFCiQAAAABJRU5ErkJggg==",
  "base64",
);

/** The state a return is in, as the order page and staff's queue say it. */
const returnState = {
  requested: () => inLang({ en: "Requested", fr: "Demandé" }),
  approved: () => inLang({ en: "Approved", fr: "Accepté" }),
  received: () => inLang({ en: "Received and inspected", fr: "Reçu et inspecté" }),
  refunded: () => inLang({ en: "Refunded", fr: "Remboursé" }),
};

async function noViolations(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", lang());
  expect(await violations(page), page.url()).toEqual([]);
}

/** Buys `lines` as a guest at `email`, and staff validate, ship and deliver it. */
async function deliveredOrder(page: Page, staff: Page, lines: { product: string; size?: string; quantity: number }[], email: string) {
  await fillBasket(page, lines);
  await checkOut(page, email);
  await payWith(page, APPROVE);
  await expect(orderStatus(page)).toHaveText(t("order_status_being_validated"));
  const url = page.url().replace("&paid=1", "");
  const reference = url.match(/MA-[0-9A-Z]{10}/)![0];
  await staff.goto(at(`/staff/orders/${reference}`));
  await hydrated(staff);
  const status = staff.getByTestId("staff-status").locator("strong");
  await staff.getByRole("button", { name: t("staff_validate"), exact: true }).click();
  await expect(status).toHaveText(t("order_status_confirmed"));
  await staff.getByLabel(t("staff_carrier"), { exact: true }).fill("Colissimo");
  await staff.getByLabel(t("staff_tracking"), { exact: true }).fill("6A0001234567");
  await staff.getByRole("button", { name: t("staff_hand_to_carrier"), exact: true }).click();
  await expect(status).toHaveText(t("order_status_shipped"));
  await staff.getByRole("button", { name: t("staff_mark_delivered"), exact: true }).click();
  await expect(status).toHaveText(t("order_status_delivered"));
  await page.goto(url);
  await hydrated(page);
  return { url, reference };
}

/** Opens the returns form from the order page. */
async function openReturnForm(page: Page) {
  await page.getByTestId("return-link").click();
  await hydrated(page);
  await expect(page.getByTestId("return-form")).toBeVisible();
}

/** Sends the form (a plain multipart form): the order page then lists the return. Its number. */
async function sendReturn(page: Page): Promise<string> {
  await page.getByTestId("send-return").click();
  await expect(page).toHaveURL(/\/orders\/MA-[0-9A-Z]{10}(\?key=.*)?$/);
  await hydrated(page);
  const said = page.getByTestId("return").last();
  await expect(said).toContainText("RT-");
  return (await said.innerText()).match(/RT-[0-9A-Z]{10}-\d+/)![0];
}

async function staffOpensReturn(staff: Page, number: string) {
  await staff.goto(at("/staff/returns?state=requested"));
  await hydrated(staff);
  await staff.getByRole("link", { name: number, exact: true }).click();
  await hydrated(staff);
}

/** The subjects of the emails to `to` in the development mailbox. */
async function subjectsTo(page: Page, to: string): Promise<string> {
  await page.goto("/dev/mailbox");
  return (await page.locator("article", { has: page.locator("[data-to]", { hasText: to }) }).allInnerTexts()).join("\n");
}

test("a ring goes back within the window: staff approve, receive and refund it, and the customer sees each step", async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  const email = freshEmail("returner");
  const staff = await staffPage(browser);
  const { url } = await deliveredOrder(page, staff, [{ product: "eclat-eternity-ring", size: "52", quantity: 1 }], email);
  await openReturnForm(page);
  await noViolations(page);
  await page.getByLabel(`${productName("eclat-eternity-ring")}${orderSizeMark("52")} — ${t("return_pieces_of")}`).fill("1");
  await page.getByLabel(t("return_reason_label")).selectOption("wrong_size");
  await page.getByLabel(t("return_condition")).check();
  const number = await sendReturn(page);
  await expect(page.getByTestId("return-state")).toContainText(returnState.requested());

  await staffOpensReturn(staff, number);
  await noViolations(staff);
  await staff.getByRole("button", { name: t("staff_return_approve"), exact: true }).click();
  await expect(staff.getByTestId("return-state")).toContainText(returnState.approved());

  // The customer prints the slip, with the address and what goes in the parcel.
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("return-state")).toContainText(returnState.approved());
  await page.getByTestId("slip-link").click();
  await expect(page.getByTestId("slip-number")).toHaveText(number);
  await expect(page.getByTestId("slip-address")).toContainText("75002 Paris");
  await expect(page.getByTestId("slip-contents")).toContainText(productName("eclat-eternity-ring"));
  await noViolations(page);

  await staff.getByRole("button", { name: t("staff_return_receive"), exact: true }).click();
  await expect(staff.getByTestId("return-state")).toContainText(returnState.received());
  await staff.getByRole("button", { name: t("staff_return_refund"), exact: true }).click();
  await expect(staff.getByTestId("return-state")).toContainText(returnState.refunded());
  await staff.goto(at("/staff/returns"));
  await noViolations(staff);

  // The refund reaches the gateway, whose callback settles it a moment later.
  await page.goto(url);
  await expect(async () => {
    await page.reload();
    await expect(page.locator(".refund-refunded")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await hydrated(page);
  await expect(page.getByTestId("return-state")).toContainText(returnState.refunded());
  await expect(page.getByTestId("refunds")).toContainText(t("order_refunds_arrive"));
  await noViolations(page);

  // An email at each step, in the customer's language.
  const subjects = await subjectsTo(page, email);
  for (const subject of inLang({
    en: [`Your return request ${number}`, `Your return ${number} is approved`, `We have received your return ${number}`],
    fr: [`Votre demande de retour ${number}`, `Votre retour ${number} est accepté`, `Nous avons reçu votre retour ${number}`],
  })) {
    expect(subjects).toContain(subject);
  }
  expect(unexpected(problems)).toEqual([]);
});

test("a sale piece without a defect is refused with the reason; a defect on earrings goes with a photo staff see", async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  const staff = await staffPage(browser);
  const size = inLang({ en: "52", fr: "53" });
  await deliveredOrder(
    page,
    staff,
    [
      { product: "lierre-leaf-ring", size, quantity: 1 },
      { product: "aube-sun-studs", quantity: 1 },
    ],
    freshEmail("defect"),
  );
  await openReturnForm(page);
  const saleRing = page.getByLabel(`${productName("lierre-leaf-ring")}${orderSizeMark(size)} — ${t("return_pieces_of")}`);
  await saleRing.fill("1");
  await page.getByLabel(t("return_reason_label")).selectOption("changed_mind");
  await page.getByLabel(t("return_condition")).check();
  await page.getByTestId("send-return").click();
  await expect(page.getByRole("alert")).toHaveText(
    inLang({
      en: "Sale pieces cannot be returned unless damaged or defective.",
      fr: "Les pièces soldées ne sont pas reprises, sauf abîmées ou défectueuses.",
    }),
  );

  // The earrings arrived with a defect: reported with a photo, no "unworn" asked.
  await expect(page.getByTestId("return-form")).toBeVisible();
  await page.getByLabel(`${productName("aube-sun-studs")} — ${t("return_pieces_of")}`).fill("1");
  await page.getByLabel(t("return_reason_label")).selectOption("defective");
  await page.getByLabel(t("return_photos")).setInputFiles({ name: "clasp.png", mimeType: "image/png", buffer: PHOTO });
  const number = await sendReturn(page);

  await staffOpensReturn(staff, number);
  const photo = staff.getByTestId("return-photos").locator("img");
  await expect(photo).toHaveCount(1);
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16);
  await noViolations(staff);
  expect(unexpected(problems)).toEqual([]);
});
