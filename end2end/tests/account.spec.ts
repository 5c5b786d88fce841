import { expect, Page, test } from "@playwright/test";
import {
  accountGreeting,
  accountPasswordTooCommon,
  accountResetLinkSent,
  at,
  freshEmail,
  hydrated,
  newsletterAlmostThere,
  openEmailedLink,
  PASSWORD,
  projectContext,
  register,
  t,
  unexpected,
  urlAt,
  watchConsole,
} from "./helpers";

// Journeys of PRODUCT.md §4. The server runs with the development mailbox on
// (scripts/serve-release.sh), so emailed links are opened from /dev/mailbox as
// a shopper would open them from their inbox. Emails are written in the
// language of the page that asked for them: the running journey's.

const NEW_PASSWORD = "copper meadow whistle";

/** The one answer to a refused sign-in, whether the address has an account or not. */
const refused = () => t("account_sign_in_refused");

async function go(page: Page, path: string) {
  await page.goto(at(path));
  await hydrated(page);
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel(t("account_email_label"), { exact: true }).fill(email);
  await page.getByLabel(t("account_password_label"), { exact: true }).fill(password);
  await page.getByRole("button", { name: t("account_sign_in_button"), exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: t("account_sign_out"), exact: true }).click();
  // The home page: `/fr`, `/en`.
  await expect(page).toHaveURL(urlAt("$"));
}

/** Opens the newest email to `to` with `subject` in the development mailbox and follows its link. */
async function followEmailedLink(page: Page, to: string, subject: string, link: string) {
  await page.goto("/dev/mailbox");
  const email = page.locator("article", { has: page.locator("[data-to]", { hasText: to }) }).filter({ hasText: subject }).first();
  await expect(email).toBeVisible();
  await openEmailedLink(page, email, link);
  await hydrated(page);
}

test("register, sign out, sign in; a wrong password and an unknown address get the same answer", async ({ page }) => {
  const problems = watchConsole(page);
  const email = freshEmail("anne");
  await register(page, email);
  await expect(page.locator("[data-account-email]")).toHaveText(email);
  await signOut(page);

  // Signed out, an account page sends to sign in, and back afterwards.
  await go(page, "/account/addresses");
  await expect(page).toHaveURL(urlAt("/account/sign-in\\?next=/account/addresses"));
  await signIn(page, email, "not my password at all");
  const refusal = page.locator(".account-form [role=alert]");
  await expect(refusal).toHaveText(refused());
  await signIn(page, freshEmail("nobody"), "not my password at all");
  await expect(refusal).toHaveText(refused());
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(urlAt("/account/addresses$"));
  await expect(page.getByRole("heading", { name: t("account_addresses_title") })).toBeVisible();
  expect(unexpected(problems)).toEqual([]);
});

test("forgotten password: the emailed link sets a new one, once", async ({ page }) => {
  const problems = watchConsole(page);
  const email = freshEmail("bea");
  await register(page, email);
  await signOut(page);

  await go(page, "/account/sign-in");
  await page.getByRole("link", { name: t("account_sign_in_forgotten") }).click();
  await expect(page).toHaveURL(urlAt("/account/forgot-password$"));
  await hydrated(page);
  await page.getByLabel(t("account_email_label"), { exact: true }).fill(email);
  await page.getByRole("button", { name: t("account_forgot_send"), exact: true }).click();
  await expect(page.locator("main").getByRole("status")).toHaveText(accountResetLinkSent(email));

  await followEmailedLink(page, email, t("email_reset_subject"), t("email_reset_link"));
  await expect(page).toHaveURL(urlAt("/account/reset-password\\?token="));
  const link = page.url();
  // Long enough for the browser's own check, refused by ours; the link survives.
  const newPassword = page.getByLabel(t("account_new_password_label"), { exact: true });
  const save = page.getByRole("button", { name: t("account_reset_save"), exact: true });
  await newPassword.fill("password123");
  await save.click();
  await expect(page.locator("main [role=alert]")).toHaveText(accountPasswordTooCommon());
  await newPassword.fill(NEW_PASSWORD);
  await save.click();
  await expect(page).toHaveURL(urlAt("/account/sign-in\\?reset=done"));
  await expect(page.locator("main").getByRole("status")).toHaveText(t("account_sign_in_after_reset"));
  await hydrated(page);

  await signIn(page, email, PASSWORD);
  await expect(page.locator(".account-form [role=alert]")).toHaveText(refused());
  await signIn(page, email, NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: accountGreeting("Anne") })).toBeVisible();

  // The link was used: opening it again says so.
  await page.goto(link);
  await hydrated(page);
  await expect(page.locator("[role=alert]")).toHaveText(t("account_reset_link_dead"));
  await expect(page.getByRole("button", { name: t("account_reset_save"), exact: true })).toHaveCount(0);
  expect(unexpected(problems)).toEqual([]);
});

test("newsletter: subscribe in the footer, confirm by email, unsubscribe by the emailed link", async ({ page }) => {
  const problems = watchConsole(page);
  const email = freshEmail("claire");
  await go(page, "/");
  const footer = page.locator(".newsletter-form");
  await footer.getByLabel(t("newsletter_label"), { exact: true }).fill(email);
  await footer.getByRole("button", { name: t("newsletter_subscribe"), exact: true }).click();
  await expect(footer.getByRole("status")).toHaveText(newsletterAlmostThere(email));

  await followEmailedLink(page, email, t("email_newsletter_confirm_subject"), t("email_newsletter_confirm_link"));
  await expect(page).toHaveURL(urlAt("/newsletter/confirm\\?token="));
  // Opening the link changes nothing (mail scanners open every link): its button does.
  await page.getByRole("button", { name: t("newsletter_confirm_button"), exact: true }).click();
  await expect(page).toHaveURL(urlAt("/newsletter/confirm\\?done=1$"));
  await expect(page.locator("main").getByRole("status")).toHaveText(t("newsletter_confirmed_done"));

  await followEmailedLink(page, email, t("email_newsletter_welcome_subject"), t("email_unsubscribe_link"));
  await expect(page).toHaveURL(urlAt("/newsletter/unsubscribe\\?token="));
  await page.getByRole("button", { name: t("newsletter_unsubscribe_button"), exact: true }).click();
  await expect(page).toHaveURL(urlAt("/newsletter/unsubscribe\\?done=1$"));
  await expect(page.locator("main").getByRole("status")).toHaveText(t("newsletter_unsubscribed_done"));

  await page.goto("/dev/mailbox");
  await expect(
    page
      .locator("article", { has: page.locator("[data-to]", { hasText: email }) })
      .filter({ hasText: t("email_newsletter_goodbye_subject") }),
  ).toHaveCount(1);
  expect(unexpected(problems)).toEqual([]);
});

test("delete the account: cannot sign in any more, and the address can register again", async ({ page }) => {
  const problems = watchConsole(page);
  const email = freshEmail("denis");
  await register(page, email);
  await page.getByRole("link", { name: t("account_nav_delete"), exact: true }).click();
  await expect(page.getByRole("heading", { name: t("account_delete_title") })).toBeVisible();
  await hydrated(page);
  const password = page.getByLabel(t("account_password_label"), { exact: true });
  const remove = page.getByRole("button", { name: t("account_delete_button"), exact: true });
  await password.fill("not my password at all");
  await remove.click();
  await expect(page.locator("[role=alert]")).toHaveText(t("account_delete_password_wrong"));
  await password.fill(PASSWORD);
  await remove.click();
  await expect(page).toHaveURL(urlAt("/account/deleted$"));
  await expect(page.getByRole("heading", { name: t("account_deleted_title") })).toBeVisible();

  await go(page, "/account");
  await expect(page).toHaveURL(urlAt("/account/sign-in"));
  await signIn(page, email, PASSWORD);
  await expect(page.locator(".account-form [role=alert]")).toHaveText(refused());
  await register(page, email);
  expect(unexpected(problems)).toEqual([]);
});

test("addresses: add two, choose the default, edit and remove", async ({ page }) => {
  const problems = watchConsole(page);
  await register(page, freshEmail("eve"));
  await page.getByRole("link", { name: t("account_nav_addresses"), exact: true }).click();
  await expect(page).toHaveURL(urlAt("/account/addresses$"));
  await expect(page.getByText(t("account_addresses_none"))).toBeVisible();
  await hydrated(page);

  // Labels are matched whole: in French, « Adresse » is also the start of
  // « Adresse e-mail » and the end of « Complément d’adresse ».
  const add = async (name: string, city: string, postcode: string) => {
    const form = page.locator(".address-form").last();
    await form.getByLabel(t("account_address_full_name"), { exact: true }).fill(name);
    await form.getByLabel(t("account_address_line1"), { exact: true }).fill("12 rue de la Paix");
    await form.getByLabel(t("account_address_postcode"), { exact: true }).fill(postcode);
    await form.getByLabel(t("account_address_city"), { exact: true }).fill(city);
    await form.getByRole("button", { name: t("account_address_add"), exact: true }).click();
  };
  await add("Eve Martin", "Paris", "75002");
  const cards = page.locator(".address-card");
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(t("account_address_default"));
  await add("Eve Martin", "Lyon", "69001");
  await expect(cards).toHaveCount(2);

  // A bad postcode is refused and nothing is added.
  await add("Eve Martin", "Nice", "06<00");
  await expect(page.locator(".address-form [role=alert]").last()).toHaveText(t("account_problem_postcode"));
  await expect(cards).toHaveCount(2);

  const lyon = cards.filter({ hasText: "Lyon" });
  await lyon.getByRole("button", { name: t("account_address_make_default"), exact: true }).click();
  await expect(cards.first()).toContainText("Lyon");
  await expect(cards.first()).toContainText(t("account_address_default"));

  const paris = cards.filter({ hasText: "Paris" });
  await paris.getByRole("button", { name: t("account_address_edit"), exact: true }).click();
  await paris.getByLabel(t("account_address_city"), { exact: true }).fill("Versailles");
  await paris.getByRole("button", { name: t("account_address_save"), exact: true }).click();
  await expect(cards.filter({ hasText: "Versailles" })).toHaveCount(1);

  await cards.filter({ hasText: "Lyon" }).getByRole("button", { name: t("account_address_remove"), exact: true }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("Versailles");
  await expect(cards.first()).toContainText(t("account_address_default"));
  expect(unexpected(problems)).toEqual([]);
});

// A form sent before its lazy island is live goes without JavaScript: the
// server answers in the page's address, and the island then hydrates that
// same page cleanly (it panicked: the browser had no router to read it).
test("a form sent before its island is live is answered, and the island then hydrates cleanly", async ({ page }) => {
  const problems = watchConsole(page);
  await register(page, freshEmail("early"));
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/pkg\/(chunk_|split_).*\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(at("/account/delete"), { waitUntil: "domcontentloaded" });
  await page.getByLabel(t("account_password_label"), { exact: true }).fill("not my password at all");
  await page.getByRole("button", { name: t("account_delete_button"), exact: true }).click();
  await expect(page.locator("[role=alert]")).toHaveText(t("account_delete_password_wrong"));
  expect(page.url()).toContain("__err=");
  // Answered in the page's own address, in its language.
  expect(new URL(page.url()).pathname).toBe(at("/account/delete"));
  release();
  await hydrated(page);
  await expect(page.locator("[role=alert]")).toHaveText(t("account_delete_password_wrong"));
  expect(unexpected(problems)).toEqual([]);
});

test("a refused field is marked invalid and described by the message, until it is put right", async ({ browser, page }) => {
  const email = freshEmail("twice");
  // The address already has an account (opened in another browser).
  const other = await projectContext(browser);
  await register(await other.newPage(), email);
  await other.close();

  await page.goto(at("/account/register"));
  await hydrated(page);
  await page.getByLabel(t("account_first_name_label"), { exact: true }).fill("Anne");
  await page.getByLabel(t("account_last_name_label"), { exact: true }).fill("Dupont");
  const field = page.getByLabel(t("account_email_label"), { exact: true });
  await field.fill(email);
  await page.getByLabel(t("account_password_label"), { exact: true }).fill(PASSWORD);
  const create = page.getByRole("button", { name: t("account_register_button"), exact: true });
  await create.click();
  const message = page.locator("#email-error");
  await expect(message).toHaveText(t("account_email_taken"));
  await expect(message).toHaveAttribute("role", "alert");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAttribute("aria-describedby", /(^| )email-error( |$)/);
  // Put right: the mark goes with the message.
  await field.fill(freshEmail("once"));
  await create.click();
  await expect(page).toHaveURL(urlAt("/account$"));
});
