import { expect, Page, test } from "@playwright/test";
import {
  APPROVE,
  at,
  fillBasket,
  freshEmail,
  hydrated,
  inLang,
  lang,
  newStaff,
  payButton,
  payWith,
  projectContext,
  t,
  toReview,
  urlAt,
  violations,
} from "./helpers";

// Issue 16 part 3: staff create a promo code in the back office, a shopper
// uses it at checkout, staff end it and the next shopper is refused with
// its reason; the code keeps its history. Each page passes axe in both
// languages.

async function axe(page: Page, what: string) {
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", lang());
  expect(await violations(page), what).toEqual([]);
}

/**
 * A shopper's checkout up to the promo code: the €890 Aube band in the
 * basket, the delivery details given. Each language's run buys its own
 * size (stock 3 each), one no other journey buys (checkout.spec.ts takes
 * 56 and 57).
 */
async function toThePromoCode(page: Page) {
  await fillBasket(page, [{ product: "aube-band-ring", size: inLang({ en: "50", fr: "51" }), quantity: 1 }]);
  await toReview(page, freshEmail("promo"));
}

async function applyCode(page: Page, code: string) {
  await page.getByLabel(t("checkout_promo_label"), { exact: true }).fill(code.toLowerCase());
  await page.getByRole("button", { name: t("checkout_apply"), exact: true }).click();
}

test("a promo code created by staff is used at checkout, then ended and refused with its reason", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { page: staff } = await newStaff(browser);
  // A name of its own for each run and language.
  const code = `PW${lang().toUpperCase()}${Date.now().toString(36).toUpperCase()}`;

  await staff.goto(at("/staff/promos"));
  await expect(staff.getByRole("heading", { name: t("staff_promos_heading"), level: 1 })).toBeVisible();
  await axe(staff, "the promo codes");
  // A percentage over 100 is refused with its reason, and nothing is made.
  await staff.getByLabel(t("staff_promo_code_label"), { exact: true }).fill(code);
  await staff.getByLabel(t("staff_promo_amount_label"), { exact: true }).fill("150");
  await staff.getByRole("button", { name: t("staff_promo_create"), exact: true }).click();
  await expect(staff.getByRole("alert")).toContainText("100");
  await expect(staff.locator(`tr[data-code="${code}"]`)).toHaveCount(0);
  await axe(staff, "the promo codes, refused");
  // 15 % off, from today, with no end.
  await staff.getByLabel(t("staff_promo_code_label"), { exact: true }).fill(code.toLowerCase());
  await staff.getByLabel(inLang({ fr: "Pourcentage", en: "Percentage" }), { exact: true }).check();
  await staff.getByLabel(t("staff_promo_amount_label"), { exact: true }).fill("15");
  await staff.getByRole("button", { name: t("staff_promo_create"), exact: true }).click();
  await expect(staff).toHaveURL(urlAt(`/staff/promos/${code}\\?saved=1$`));
  await expect(staff.locator("p.form-success")).toHaveText(t("staff_promo_saved"));
  await expect(staff.getByTestId("phase")).toHaveText(inLang({ fr: "En cours", en: "Running" }));
  await expect(staff.getByTestId("uses")).toHaveText("0");
  await axe(staff, "a promo code");

  // A shopper takes 15 % off the €890 ring, and pays.
  const shopper = await (await projectContext(browser)).newPage();
  await toThePromoCode(shopper);
  await applyCode(shopper, code);
  await expect(shopper.getByTestId("promo-applied")).toHaveText(
    inLang({ fr: `Code ${code} appliqué.`, en: `Code ${code} applied.` }),
  );
  await expect(shopper.getByTestId("discount")).toContainText(inLang({ fr: "133,50", en: "133.50" }));
  const total = await shopper.getByTestId("total").innerText();
  await shopper.getByRole("button", { name: payButton(total), exact: true }).click();
  await expect(shopper).toHaveURL(/\/sandbox-gateway\/pay\//);
  await payWith(shopper, APPROVE);

  // Used once: its terms are kept; staff end it.
  await staff.reload();
  await expect(staff.getByTestId("uses")).toHaveText("1");
  await expect(staff.getByText(t("staff_promo_used_note"))).toBeVisible();
  await expect(staff.getByLabel(t("staff_promo_amount_label"), { exact: true })).toHaveCount(0);
  await staff.getByRole("button", { name: t("staff_promo_end"), exact: true }).click();
  await expect(staff).toHaveURL(urlAt(`/staff/promos/${code}\\?ended=1$`));
  await expect(staff.locator("p.form-success")).toHaveText(t("staff_promo_ended_said"));
  await expect(staff.getByTestId("phase")).toHaveText(inLang({ fr: "Terminé", en: "Ended" }));
  await expect(staff.getByTestId("uses")).toHaveText("1");
  await axe(staff, "an ended promo code");

  // The next shopper is told it is not valid (as an unknown code is), and pays full price.
  const next = await (await projectContext(browser)).newPage();
  await toThePromoCode(next);
  await applyCode(next, code);
  await expect(next.getByTestId("promo-refused")).toHaveText(
    inLang({ fr: `Le code ${code} n’est pas valable. Veuillez le vérifier.`, en: `The code ${code} is not valid. Please check it.` }),
  );
  await expect(next.getByTestId("discount")).toHaveCount(0);

  // The audit log holds the creation and the end.
  await staff.goto(at("/staff/audit?kind=promo"));
  await expect(staff.locator("tbody tr").filter({ hasText: code })).toHaveCount(2);
});

test("the gift page shows the offer in both languages", async ({ browser }) => {
  // Not saved here: the journeys share one server, and the others rely on
  // the demo's offer (saving is tested on both engines in server/tests/api/promos.rs).
  const { page } = await newStaff(browser);
  await page.goto(at("/staff/gift"));
  await expect(page.getByRole("heading", { name: t("staff_gift_heading"), level: 1 })).toBeVisible();
  await expect(page.getByLabel(t("staff_gift_name_fr"), { exact: true })).toHaveValue("Pochette à bijoux en cuir");
  await expect(page.getByLabel(t("staff_gift_name_en"), { exact: true })).toHaveValue("Leather jewellery pouch");
  await expect(page.getByLabel(t("staff_gift_threshold"), { exact: true })).toHaveValue("500.00");
  await expect(page.getByLabel(t("staff_gift_offered"), { exact: true })).toBeChecked();
  await axe(page, "the gift");
});

test("the promo codes and the gift are for staff only", async ({ page }) => {
  for (const path of ["/staff/promos", "/staff/gift"]) {
    await page.goto(at(path));
    await expect(page).toHaveURL(urlAt(`/account/sign-in\\?next=${path.replace("/", "\\/")}$`));
  }
});
