import { expect, Page, test } from "@playwright/test";
import { at, freshEmail, hydrated, inLang, lang, newStaff, oneTimeCode, register, t, urlAt, violations } from "./helpers";

// Issue 16 part 5: staff sign in with a second factor. The first sign-in
// enrols an authenticator from the QR code's key (the journey computes
// the codes from the key shown, as an app would), shows the recovery codes
// once, and every later sign-in asks for a code. Each page passes axe.

async function axe(page: Page, what: string) {
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", lang());
  expect(await violations(page), what).toEqual([]);
}

async function signIn(page: Page, email: string, next?: string) {
  await page.goto(at(next ? `/account/sign-in?next=${encodeURIComponent(next)}` : "/account/sign-in"));
  await hydrated(page);
  await page.getByLabel(t("account_email_label"), { exact: true }).fill(email);
  await page.getByLabel(t("account_password_label"), { exact: true }).fill("velvet harbour lantern");
  await page.getByRole("button", { name: t("account_sign_in_button"), exact: true }).click();
}

async function signOut(page: Page) {
  await page.goto(at("/account"));
  await hydrated(page);
  await page.getByRole("button", { name: t("account_sign_out"), exact: true }).click();
  await expect(page).toHaveURL(urlAt("$"));
}

test("staff enrol an authenticator at their first sign-in, then sign in with its codes", async ({ browser }) => {
  test.setTimeout(60_000);
  // Made staff while signed in: the back office sends them to enrol first.
  const { page, email, key } = await newStaff(browser);
  await axe(page, "the dashboard");
  expect(key).toMatch(/^[A-Z2-7]{32}$/);

  // Signing in again, going to the orders: the code, not the QR code.
  await signOut(page);
  await signIn(page, email, "/staff/orders");
  await expect(page).toHaveURL(urlAt("/staff/second-factor\\?next=/staff/orders$"));
  await expect(page.getByRole("heading", { name: t("second_factor_heading") })).toBeVisible();
  await expect(page.getByRole("img")).toHaveCount(0);
  await axe(page, "the second factor");
  // A wrong code says so, on the same page.
  const right = [oneTimeCode(key, -1), oneTimeCode(key), oneTimeCode(key, 1)];
  const wrong = ["000000", "111111", "222222", "333333"].find((c) => !right.includes(c))!;
  const field = page.getByLabel(t("second_factor_code_label"), { exact: true });
  await field.fill(wrong);
  await page.getByRole("button", { name: t("second_factor_button") }).click();
  await expect(page.getByRole("alert")).toHaveText(t("second_factor_wrong"));
  await axe(page, "the second factor, refused");
  // The enrolment took this step's code: the app's next one opens the orders.
  await page.getByLabel(t("second_factor_code_label"), { exact: true }).fill(oneTimeCode(key, 1));
  await page.getByRole("button", { name: t("second_factor_button") }).click();
  await expect(page).toHaveURL(urlAt("/staff/orders$"));
  await expect(page.getByRole("heading", { name: t("staff_orders_heading"), level: 1 })).toBeVisible();
});

test("the recovery codes are shown once, and one opens the back office", async ({ browser }) => {
  test.setTimeout(60_000);
  const { page, email, codes } = await newStaff(browser, (page) => axe(page, "the recovery codes"));
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
  // Coming back shows them no more.
  await page.goto(at("/staff/recovery-codes"));
  await expect(page.getByText(t("recovery_already"))).toBeVisible();
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
  await axe(page, "the recovery codes, shown already");
  // A lost phone: a recovery code (typed in lower case) opens the back office.
  await signOut(page);
  await signIn(page, email);
  await page.getByLabel(t("second_factor_code_label"), { exact: true }).fill(codes[0].toLowerCase());
  await page.getByRole("button", { name: t("second_factor_button") }).click();
  await expect(page.getByRole("heading", { name: t("staff_dashboard_heading"), level: 1 })).toBeVisible();
});

test("the dashboard is for staff only", async ({ page }) => {
  // Signed out: sent to sign in, to come back.
  await page.goto(at("/staff"));
  await expect(page).toHaveURL(urlAt("/account/sign-in\\?next=/staff$"));
  // A customer: told the page is for staff.
  await register(page, freshEmail("anne"));
  await page.goto(at("/staff"));
  await expect(page.getByText(t("account_staff_only"))).toBeVisible();
  await expect(page.getByRole("heading", { name: t("staff_dashboard_heading") })).toHaveCount(0);
});

test("the audit log lists the staff's actions, filters them and exports them", async ({ browser }) => {
  test.setTimeout(60_000);
  const { page, email } = await newStaff(browser);
  await page.goto(at("/staff/audit"));
  await expect(page.getByRole("heading", { name: t("audit_heading"), level: 1 })).toBeVisible();
  const signIn = page.locator(`[data-testid=audit-log] tr[data-action=staff_sign_in]`).filter({ hasText: email });
  await expect(signIn).toHaveCount(1);
  await axe(page, "the audit log");
  // Filtered by member of staff and kind, as a plain GET form.
  await page.getByLabel(t("audit_filter_staff"), { exact: true }).fill(email);
  await page.getByLabel(t("audit_filter_kind"), { exact: true }).selectOption("stock");
  await page.getByRole("button", { name: t("staff_filter_button"), exact: true }).click();
  await expect(page).toHaveURL(/kind=stock/);
  await expect(page.getByText(t("audit_none"))).toBeVisible();
  // A date that ends before it starts is refused with the reason.
  await page.goto(at("/staff/audit?from=2026-12-06&to=2026-12-01"));
  await expect(page.getByRole("alert")).toContainText(inLang({ fr: "précède", en: "before the start" }));
  // The export: the same filters, as CSV, with the sign-in.
  await page.goto(at(`/staff/audit?staff=${encodeURIComponent(email)}`));
  const href = await page.getByTestId("audit-export").getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const lines = (await csv.text()).trim().split("\n");
  expect(lines[0]).toBe("at_utc,staff,kind,action,order,before,after,detail");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${email},sign_in,staff_sign_in`);
});
