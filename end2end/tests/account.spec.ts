import { expect, Page, test } from "@playwright/test";
import { freshEmail, hydrated, PASSWORD, register, unexpected, watchConsole } from "./helpers";

// Journeys of PRODUCT.md §4. The server runs with the development mailbox on
// (scripts/serve-release.sh), so emailed links are opened from /dev/mailbox as
// a shopper would open them from their inbox.

const NEW_PASSWORD = "copper meadow whistle";
const REFUSED = "The email address or password is incorrect.";

async function go(page: Page, path: string) {
  await page.goto(path);
  await hydrated(page);
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** Opens the newest email to `to` with `subject` in the development mailbox and follows its link. */
async function followEmailedLink(page: Page, to: string, subject: string, link: string) {
  await page.goto("/dev/mailbox");
  const email = page.locator("article", { has: page.locator("[data-to]", { hasText: to }) }).filter({ hasText: subject }).first();
  await expect(email).toBeVisible();
  await email.frameLocator("iframe").getByRole("link", { name: link }).click();
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
  await expect(page).toHaveURL(/\/account\/sign-in\?next=\/account\/addresses/);
  await signIn(page, email, "not my password at all");
  const refusal = page.locator(".account-form [role=alert]");
  await expect(refusal).toHaveText(REFUSED);
  await signIn(page, freshEmail("nobody"), "not my password at all");
  await expect(refusal).toHaveText(REFUSED);
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/account\/addresses$/);
  await expect(page.getByRole("heading", { name: "Your addresses" })).toBeVisible();
  expect(unexpected(problems)).toEqual([]);
});

test("forgotten password: the emailed link sets a new one, once", async ({ page }) => {
  const problems = watchConsole(page);
  const email = freshEmail("bea");
  await register(page, email);
  await signOut(page);

  await go(page, "/account/sign-in");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText(`If an account exists for ${email}`);

  await followEmailedLink(page, email, "Choose a new password", "Choose a new password");
  await expect(page).toHaveURL(/\/account\/reset-password\?token=/);
  const link = page.url();
  // Long enough for the browser's own check, refused by ours; the link survives.
  await page.getByLabel("New password").fill("password123");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.locator("main [role=alert]")).toContainText("too easy to guess");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page).toHaveURL(/\/account\/sign-in\?reset=done/);
  await expect(page.locator("main").getByRole("status")).toContainText("Your password is changed");
  await hydrated(page);

  await signIn(page, email, PASSWORD);
  await expect(page.locator(".account-form [role=alert]")).toHaveText(REFUSED);
  await signIn(page, email, NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: "Hello, Anne" })).toBeVisible();

  // The link was used: opening it again says so.
  await go(page, link);
  await expect(page.locator("[role=alert]")).toContainText("does not work any more");
  await expect(page.getByRole("button", { name: "Save my new password" })).toHaveCount(0);
  expect(unexpected(problems)).toEqual([]);
});

test("newsletter: subscribe in the footer, confirm by email, unsubscribe by the emailed link", async ({ page }) => {
  const problems = watchConsole(page);
  const email = freshEmail("claire");
  await go(page, "/");
  const footer = page.locator(".newsletter-form");
  await footer.getByLabel("Newsletter").fill(email);
  await footer.getByRole("button", { name: "Subscribe", exact: true }).click();
  await expect(footer.getByRole("status")).toContainText(`emailed to ${email}`);

  await followEmailedLink(page, email, "Please confirm your subscription", "Confirm my subscription");
  await expect(page.locator("main").getByRole("status")).toHaveText(`Thank you: ${email} is subscribed to our newsletter.`);

  await followEmailedLink(page, email, "You are subscribed to our newsletter", "Unsubscribe");
  await expect(page).toHaveURL(/\/newsletter\/unsubscribe\?token=/);
  await expect(page.locator("main").getByRole("status")).toContainText(`${email} will receive no more newsletters`);

  await page.goto("/dev/mailbox");
  await expect(
    page.locator("article", { has: page.locator("[data-to]", { hasText: email }) }).filter({ hasText: "You are unsubscribed" }),
  ).toHaveCount(1);
  expect(unexpected(problems)).toEqual([]);
});

test("delete the account: cannot sign in any more, and the address can register again", async ({ page }) => {
  const problems = watchConsole(page);
  const email = freshEmail("denis");
  await register(page, email);
  await page.getByRole("link", { name: "Delete account" }).click();
  await expect(page.getByRole("heading", { name: "Delete your account" })).toBeVisible();
  await page.getByLabel("Password").fill("not my password at all");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.locator("[role=alert]")).toContainText("The password is incorrect");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/account\/deleted$/);

  await go(page, "/account");
  await expect(page).toHaveURL(/\/account\/sign-in/);
  await signIn(page, email, PASSWORD);
  await expect(page.locator(".account-form [role=alert]")).toHaveText(REFUSED);
  await register(page, email);
  expect(unexpected(problems)).toEqual([]);
});

test("addresses: add two, choose the default, edit and remove", async ({ page }) => {
  const problems = watchConsole(page);
  await register(page, freshEmail("eve"));
  await page.getByRole("link", { name: "Addresses" }).click();
  await expect(page.getByText("You have no saved address yet.")).toBeVisible();
  await hydrated(page);

  const add = async (name: string, city: string, postcode: string) => {
    const form = page.locator(".address-form").last();
    await form.getByLabel("Full name").fill(name);
    await form.getByLabel("Street address").fill("12 rue de la Paix");
    await form.getByLabel("Postcode").fill(postcode);
    await form.getByLabel("Town or city").fill(city);
    await form.getByRole("button", { name: "Add the address" }).click();
  };
  await add("Eve Martin", "Paris", "75002");
  const cards = page.locator(".address-card");
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("Default address");
  await add("Eve Martin", "Lyon", "69001");
  await expect(cards).toHaveCount(2);

  // A bad postcode is refused and nothing is added.
  await add("Eve Martin", "Nice", "06<00");
  await expect(page.locator(".address-form [role=alert]").last()).toContainText("postcode");
  await expect(cards).toHaveCount(2);

  const lyon = cards.filter({ hasText: "Lyon" });
  await lyon.getByRole("button", { name: "Make default" }).click();
  await expect(cards.first()).toContainText("Lyon");
  await expect(cards.first()).toContainText("Default address");

  const paris = cards.filter({ hasText: "Paris" });
  await paris.getByRole("button", { name: "Edit" }).click();
  await paris.getByLabel("Town or city").fill("Versailles");
  await paris.getByRole("button", { name: "Save the address" }).click();
  await expect(cards.filter({ hasText: "Versailles" })).toHaveCount(1);

  await cards.filter({ hasText: "Lyon" }).getByRole("button", { name: "Remove" }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("Versailles");
  await expect(cards.first()).toContainText("Default address");
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
  await page.goto("/account/delete", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Password").fill("not my password at all");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.locator("[role=alert]")).toContainText("The password is incorrect");
  expect(page.url()).toContain("__err=");
  release();
  await hydrated(page);
  await expect(page.locator("[role=alert]")).toContainText("The password is incorrect");
  expect(unexpected(problems)).toEqual([]);
});
