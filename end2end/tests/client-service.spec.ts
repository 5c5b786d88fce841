import { expect, Page, test } from "@playwright/test";
import {
  at,
  freshEmail,
  hydrated,
  lang,
  openEmailedLink,
  productName,
  staffPage,
  t,
  unexpected,
  urlAt,
  watchConsole,
} from "./helpers";

// Journeys of PRODUCT.md §8: a back-in-stock alert left on an out-of-stock
// size, the staff's restock in the back office, the email in the
// development mailbox (scripts/serve-release.sh turns it on), and the piece
// bought in that size.
//
// The toi et moi ring is out in every size in the demo catalogue. Each
// language's journey waits for a size of its own, so the two never restock
// the same (product, size).
const PIECE = "aube-twin-ring";
const size = () => (lang() === "fr" ? "57" : "58");

/** The back-in-stock email's subject (app/src/i18n/service.rs). */
function backInStockSubject(piece: string): string {
  return lang() === "fr" ? `${piece} est de retour` : `${piece} is back in stock`;
}

/** The staff's row of a (product, size) on the stock page. */
function stockRow(staff: Page, product: string, size: string) {
  return staff.locator(`tr[data-product="${product}"][data-size="${size}"]`);
}

test("an out-of-stock size: notify me, staff restock, the email's link, and the piece in that size goes in the basket", async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  const email = freshEmail("alert");
  await page.goto(at(`/products/${PIECE}?size=${size()}`));
  await hydrated(page);
  const buy = page.locator(".buy-area");
  const form = page.locator("#stock-alert");
  await expect(buy).toHaveAttribute("data-state", "notify");
  await expect(form.getByLabel(t("alert_size_label"), { exact: true })).toHaveValue(size());
  await form.getByLabel(t("alert_email_label"), { exact: true }).fill(email);
  await form.getByRole("button", { name: t("alert_submit"), exact: true }).click();
  // The alert's own page says it is registered, for whom, and can cancel it.
  await expect(page).toHaveURL(urlAt("/alerts/cancel\\?token=[\\w-]+&new=1$"));
  const main = page.locator("main");
  await expect(main.getByRole("status")).toHaveText(t("alert_page_new"));
  await expect(main).toContainText(email);
  await expect(main.getByRole("button", { name: t("alert_cancel_button"), exact: true })).toBeVisible();
  // Back to the piece: asking again says so, and writes nothing new.
  await main.getByRole("link", { name: t("alert_back_to_piece"), exact: true }).click();
  await expect(page).toHaveURL(urlAt(`/products/${PIECE}\\?size=${size()}$`));
  await hydrated(page);
  await form.getByLabel(t("alert_email_label"), { exact: true }).fill(email);
  await form.getByRole("button", { name: t("alert_submit"), exact: true }).click();
  await expect(main.getByRole("status")).toHaveText(t("alert_already"));

  // Staff restock that size from zero in the back office.
  const staff = await staffPage(browser);
  const staffProblems = watchConsole(staff);
  await staff.goto(at("/staff/stock?q=toi"));
  await hydrated(staff);
  const row = stockRow(staff, PIECE, size());
  await expect(row.getByTestId("waiting")).not.toHaveText("0");
  await row.getByRole("spinbutton").fill("2");
  await row.getByRole("button", { name: t("staff_stock_save"), exact: true }).click();
  await expect(row.getByRole("status")).toBeVisible();
  await expect(row.getByTestId("waiting")).toHaveText("0");

  // The email, in the shopper's language, links to the piece in that size.
  await page.goto("/dev/mailbox");
  const sent = page
    .locator("article", { has: page.locator("[data-to]", { hasText: email }) })
    .filter({ hasText: backInStockSubject(productName(PIECE)) });
  await expect(sent).toHaveCount(1);
  await openEmailedLink(page, sent, t("email_back_in_stock_link"));
  await expect(page).toHaveURL(urlAt(`/products/${PIECE}\\?size=${size()}$`));
  await hydrated(page);
  await expect(buy).toHaveAttribute("data-state", "add-to-basket");
  await buy.getByRole("button", { name: t("buy_add_to_basket"), exact: true }).click();
  await expect(buy.getByRole("status")).toContainText(t("buy_added_one"));
  expect(unexpected(problems)).toEqual([]);
  expect(unexpected(staffProblems)).toEqual([]);
});

test("an alert's page cancels it", async ({ page }) => {
  const email = freshEmail("cancel");
  await page.goto(at(`/products/${PIECE}?size=60`));
  await hydrated(page);
  const form = page.locator("#stock-alert");
  await form.getByLabel(t("alert_email_label"), { exact: true }).fill(email);
  await form.getByRole("button", { name: t("alert_submit"), exact: true }).click();
  await expect(page).toHaveURL(urlAt("/alerts/cancel\\?token="));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("alert_page_title"));
  await expect(page.locator("main")).toContainText(email);
  await page.getByRole("button", { name: t("alert_cancel_button"), exact: true }).click();
  await expect(page).toHaveURL(urlAt("/alerts/cancel\\?cancelled=1$"));
  await expect(page.locator("main").getByRole("status")).toHaveText(t("alert_cancelled"));
});

test("a refused address comes back to the piece, said beside the form", async ({ page }) => {
  await page.goto(at(`/products/${PIECE}?size=60`));
  await hydrated(page);
  const form = page.locator("#stock-alert");
  // Past the browser's own check (type=email), to the server's.
  await form.getByLabel(t("alert_email_label"), { exact: true }).fill("anne@example");
  await form.getByRole("button", { name: t("alert_submit"), exact: true }).click();
  await expect(page).toHaveURL(urlAt(`/products/${PIECE}\\?size=60`));
  await expect(form.getByRole("alert")).toBeVisible();
});

test("the alert form follows the size chosen in place, and hides for a size in stock", async ({ page }) => {
  // The solitaire: 54 is sold out, 52 is the last one.
  await page.goto(at("/products/aube-solitaire-ring?size=54"));
  await hydrated(page);
  const form = page.locator("#stock-alert");
  await expect(form).toBeVisible();
  await expect(form.getByLabel(t("alert_size_label"), { exact: true })).toHaveValue("54");
  await page.locator('[data-size="52"]').click();
  await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "add-to-basket");
  await expect(form).toBeHidden();
  await page.locator('[data-size="54"]').click();
  await expect(form).toBeVisible();
  await expect(form.getByLabel(t("alert_size_label"), { exact: true })).toHaveValue("54");
});

// Contact and callback (PRODUCT.md §8). The forms refuse anything sent
// sooner than two seconds after the page was served (the bot trap's
// minimum fill time, app/src/domain/service.rs): a person types for longer,
// the journeys wait that long on purpose.
async function likeAPerson(page: Page) {
  await page.waitForTimeout(2_100);
}

/** A Sunday at least a week ahead, as a date field takes it. */
function aSundayAhead(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 7);
  while (day.getUTCDay() !== 0) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** The development mailbox's email to `to` with `subject`. */
function mailTo(page: Page, to: string, subject: string) {
  return page.locator("article", { has: page.locator("[data-to]", { hasText: to }) }).filter({ hasText: subject });
}

test("a boutique-only piece: ask a client advisor, the form carries the piece, staff mark the message handled", async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  const email = freshEmail("advisor");
  const words = `Could I see it in Lyon? ${email}`;
  await page.goto(at("/products/constellation-ruby-ring?size=52"));
  await hydrated(page);
  await expect(page.locator(".buy-area")).toHaveAttribute("data-state", "ask-advisor");
  await page.getByTestId("ask-advisor").click();
  await expect(page).toHaveURL(urlAt("/contact\\?piece=constellation-ruby-ring&size=52$"));
  await hydrated(page);
  // The piece, in that size, and the telephone number beside the forms.
  await expect(page.getByTestId("contact-about")).toContainText(productName("constellation-ruby-ring"));
  await expect(page.getByTestId("contact-about")).toContainText("52");
  await expect(page.getByTestId("service-phone")).toHaveText("+33 1 42 60 00 00");
  const form = page.locator("#write");
  await expect(form.getByLabel(t("contact_topic_label"), { exact: true })).toHaveValue("product");
  await form.getByLabel(t("contact_email_label"), { exact: true }).fill(email);
  await form.getByLabel(t("contact_message_label"), { exact: true }).fill(words);
  await likeAPerson(page);
  await form.getByRole("button", { name: t("contact_submit"), exact: true }).click();
  await expect(form.getByRole("status")).toHaveText(t("contact_sent"));
  expect(unexpected(problems)).toEqual([]);

  // The acknowledgement reaches the shopper.
  await page.goto("/dev/mailbox");
  await expect(mailTo(page, email, t("email_contact_ack_subject"))).toHaveCount(1);

  // Client service finds it in the inbox, about the piece, and marks it handled.
  const staff = await staffPage(browser);
  const staffProblems = watchConsole(staff);
  await staff.goto(at("/staff/service?kind=contact"));
  await hydrated(staff);
  const entry = staff.locator(".inbox-entry", { hasText: words });
  await expect(entry).toContainText(productName("constellation-ruby-ring"));
  // A plain form: the server answers with the handled requests, this one first.
  await entry.getByRole("button", { name: t("inbox_mark_handled"), exact: true }).click();
  await expect(staff).toHaveURL(urlAt("/staff/service\\?kind=contact&state=handled$"));
  await expect(staff.locator(".inbox-entry").first()).toContainText(words);
  await expect(staff.locator(".inbox-entry", { hasText: words }).getByRole("status")).toBeVisible();
  await staff.goto(at("/staff/service?kind=contact"));
  await expect(staff.locator(".inbox-entry", { hasText: words })).toHaveCount(0);
  expect(unexpected(staffProblems)).toEqual([]);
});

test("a callback on a Sunday is refused, and one of the open slots offered is taken", async ({ page }) => {
  const problems = watchConsole(page);
  const email = freshEmail("callback");
  await page.goto(at("/contact"));
  await hydrated(page);
  const form = page.locator("#callback");
  await form.getByLabel(t("callback_name_label"), { exact: true }).fill("Anne Dupont");
  await form.getByLabel(t("contact_email_label"), { exact: true }).fill(email);
  // A number of each language's own: three callbacks an hour per number.
  const [typed, dialled] = lang() === "fr" ? ["06 98 76 54 32", "+33 6 98 76 54 32"] : ["06 12 34 56 78", "+33 6 12 34 56 78"];
  await form.getByLabel(t("callback_phone_label"), { exact: true }).fill(typed);
  await form.getByLabel(t("callback_date_label"), { exact: true }).fill(aSundayAhead());
  await form.getByLabel(t("callback_time_label"), { exact: true }).fill("11:00");
  await likeAPerson(page);
  await form.getByRole("button", { name: t("callback_submit"), exact: true }).click();
  await expect(form.getByRole("alert")).toBeVisible();
  const offered = form.getByTestId("offered-slots").getByRole("radio");
  await expect(offered).toHaveCount(3);
  const first = form.getByTestId("offered-slots").locator("label").first();
  const slot = await first.innerText();
  await first.click();
  await form.getByRole("button", { name: t("callback_submit"), exact: true }).click();
  await expect(form.getByRole("status")).toContainText(slot);
  await expect(form.getByRole("status")).toContainText(dialled);
  expect(unexpected(problems)).toEqual([]);
  await page.goto("/dev/mailbox");
  await expect(mailTo(page, email, t("email_callback_subject"))).toHaveCount(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the contact form is a plain form the server answers", async ({ page }) => {
    await page.goto(at("/contact"));
    const form = page.locator("#write");
    await form.getByLabel(t("contact_topic_label"), { exact: true }).selectOption("design_idea");
    await form.getByLabel(t("contact_email_label"), { exact: true }).fill(freshEmail("nojs"));
    await form.getByLabel(t("contact_message_label"), { exact: true }).fill("A ring of woven gold, perhaps?");
    await likeAPerson(page);
    await form.getByRole("button", { name: t("contact_submit"), exact: true }).click();
    await expect(page).toHaveURL(urlAt("/contact\\?sent=contact$"));
    await expect(page.locator("#write").getByRole("status")).toHaveText(t("contact_sent"));
  });

  test("a refused message comes back to the form, said beside it", async ({ page }) => {
    await page.goto(at("/contact"));
    const form = page.locator("#write");
    await form.getByLabel(t("contact_topic_label"), { exact: true }).selectOption("other");
    // Past the browser's own check (type=email), to the server's.
    await form.getByLabel(t("contact_email_label"), { exact: true }).fill("anne@example");
    await form.getByLabel(t("contact_message_label"), { exact: true }).fill("Hello");
    await likeAPerson(page);
    await form.getByRole("button", { name: t("contact_submit"), exact: true }).click();
    await expect(page).toHaveURL(urlAt("/contact"));
    await expect(page.locator("#write").getByRole("alert")).toBeVisible();
  });
});
