import { expect, Page, test } from "@playwright/test";
import { at, fillBasket, hydrated, inLang, lang, money, newStaff, projectContext, t, urlAt, violations } from "./helpers";

// Issue 16 parts 1 and 2: staff make a piece in both languages, give it a
// picture and publish it; it appears, with its picture, in the listings of
// both languages at once. A shopper holding it in
// the basket sees the price staff change, on the product page and in the
// basket being re-priced. Each page passes axe in both languages.
//
// The piece is a made-to-order necklace of this run's own (its own slug per
// language and run): nothing another journey buys or counts changes.

async function axe(page: Page, what: string) {
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", lang());
  expect(await violations(page), what).toEqual([]);
}

test("staff make a piece in both languages, publish it, and a price change reaches a shopper's basket", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { page: staff } = await newStaff(browser);
  const slug = `pw-${lang()}-${Date.now().toString(36)}`;
  const name = { en: `Tide pendant ${slug}`, fr: `Pendentif Marée ${slug}` };
  const alt = { en: "A gold drop on a linen ground", fr: "Une goutte d’or sur fond de lin" };

  await staff.goto(at("/staff/pieces"));
  await expect(staff.getByRole("heading", { name: t("staff_pieces_heading"), level: 1 })).toBeVisible();
  await axe(staff, "the pieces");
  const fill = async () => {
    await staff.getByLabel(t("staff_piece_slug_label"), { exact: true }).fill(slug);
    await staff.getByLabel(t("staff_piece_category_label"), { exact: true }).selectOption("necklaces");
    await staff.getByLabel(t("staff_piece_collection_label"), { exact: true }).selectOption("eclat");
    await staff.getByLabel(t("staff_piece_name_en"), { exact: true }).fill(name.en);
    await staff.getByLabel(t("staff_piece_name_fr"), { exact: true }).fill(name.fr);
    await staff.getByLabel(t("staff_piece_description_en"), { exact: true }).fill("A drop of white gold on a fine chain.");
    await staff.getByLabel(t("staff_piece_description_fr"), { exact: true }).fill("Une goutte d’or blanc sur une chaîne fine.");
    await staff.getByLabel(inLang({ en: "18k white gold", fr: "Or blanc 18 carats" }), { exact: true }).check();
    await staff.getByLabel(t("staff_piece_price_label"), { exact: true }).fill("1200");
    await staff.getByLabel(t("staff_piece_made_to_order"), { exact: true }).check();
  };
  // A former price below the price is refused with its reason; nothing is made.
  await fill();
  await staff.getByLabel(t("staff_piece_former_price_label"), { exact: true }).fill("900");
  await staff.getByRole("button", { name: t("staff_piece_create"), exact: true }).click();
  await expect(staff.getByRole("alert")).toContainText(inLang({ en: "above the price", fr: "supérieur au prix" }));
  await expect(staff.locator(`tr[data-piece="${slug}"]`)).toHaveCount(0);
  await axe(staff, "the pieces, refused");
  await fill();
  await staff.getByRole("button", { name: t("staff_piece_create"), exact: true }).click();
  await expect(staff).toHaveURL(urlAt(`/staff/pieces/${slug}\\?created=1$`));
  await expect(staff.locator("p.form-success")).toHaveText(t("staff_piece_created"));
  await expect(staff.getByTestId("state")).toHaveText(inLang({ en: "Not published", fr: "Non publiée" }));
  await expect(staff.getByTestId("no-picture")).toHaveText(t("staff_piece_awaiting_picture"));
  await axe(staff, "a piece");

  // A picture, drawn by the browser itself, uploaded with its descriptions.
  const png = await staff.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 800;
    const g = canvas.getContext("2d")!;
    g.fillStyle = "#efe6d6";
    g.fillRect(0, 0, 800, 800);
    g.fillStyle = "#c9a44c";
    g.beginPath();
    g.arc(400, 420, 160, 0, 2 * Math.PI);
    g.fill();
    return canvas.toDataURL("image/png").split(",")[1];
  });
  await staff.locator("#picture-file").setInputFiles({ name: "tide.png", mimeType: "image/png", buffer: Buffer.from(png, "base64") });
  await staff.getByLabel(t("staff_picture_alt_en"), { exact: true }).last().fill(alt.en);
  await staff.getByLabel(t("staff_picture_alt_fr"), { exact: true }).last().fill(alt.fr);
  await staff.getByRole("button", { name: t("staff_picture_add"), exact: true }).click();
  await expect(staff).toHaveURL(urlAt(`/staff/pieces/${slug}\\?picture=added#pictures$`));
  await expect(staff.locator("p.form-success")).toHaveText(t("staff_picture_added"));
  await expect(staff.locator("li.piece-picture")).toHaveCount(1);
  await expect(staff.getByTestId("no-picture")).toHaveCount(0);
  await axe(staff, "a piece with its picture");

  // Published: listed at once in both languages.
  await staff.getByRole("button", { name: t("staff_piece_publish"), exact: true }).click();
  await expect(staff).toHaveURL(urlAt(`/staff/pieces/${slug}\\?published=1$`));
  await expect(staff.getByTestId("state")).toHaveText(inLang({ en: "Published", fr: "Publiée" }));
  const shopper = await (await projectContext(browser)).newPage();
  // Pages are cached until the catalogue's version is seen to move (within
  // 100 ms): a page read in between is the one before, so read again.
  for (const language of ["en", "fr"] as const) {
    await expect(async () => {
      await shopper.goto(`/${language}/shop/necklaces`);
      await expect(shopper.locator(".product-card").filter({ hasText: name[language] })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    // Its picture, WebP first, described in the page's language, and loaded.
    const card = shopper.locator(".product-card").filter({ hasText: name[language] });
    await expect(card.locator('source[type="image/webp"]')).toHaveCount(1);
    const img = card.locator("img");
    await expect(img).toHaveAttribute("alt", alt[language]);
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
    expect(await img.evaluate((i: HTMLImageElement) => i.currentSrc)).toMatch(/\/media\/pictures\/[0-9a-f]{20}-\d+\.webp$/);
  }

  // In a shopper's basket at €1,200; staff put it on sale at €950.
  await fillBasket(shopper, [{ product: slug, quantity: 1 }]);
  await shopper.goto(at("/basket"));
  await hydrated(shopper);
  const line = shopper.locator(`li.basket-line[data-product="${slug}"]`);
  await expect(line.locator(".line-total")).toHaveText(money(1200));
  await staff.getByLabel(t("staff_piece_price_label"), { exact: true }).fill("950");
  await staff.getByLabel(t("staff_piece_former_price_label"), { exact: true }).fill("1200");
  await staff.getByRole("button", { name: t("staff_piece_save"), exact: true }).click();
  await expect(staff).toHaveURL(urlAt(`/staff/pieces/${slug}\\?saved=1$`));
  await expect(staff.locator("p.form-success")).toHaveText(t("staff_piece_saved"));
  await axe(staff, "a piece, saved");

  // The shopper's basket is re-priced when shown again, and the page says the sale.
  await expect(async () => {
    await shopper.reload();
    await hydrated(shopper);
    await expect(line.locator(".line-total")).toHaveText(money(950), { timeout: 2_000 });
  }).toPass({ timeout: 10_000 });
  await expect(async () => {
    await shopper.goto(at(`/products/${slug}`));
    await expect(shopper.locator(".product-info")).toContainText(money(950), { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(shopper.locator(".product-info")).toContainText(money(1200));

  // The audit log holds the creation, the publication and the new price.
  await staff.goto(at("/staff/audit?kind=catalogue"));
  await expect(staff.locator("tbody tr").filter({ hasText: slug })).toHaveCount(3);
});

test("the catalogue editor is for staff only", async ({ page }) => {
  for (const path of ["/staff/pieces", "/staff/pieces/aube-band-ring"]) {
    await page.goto(at(path));
    await expect(page).toHaveURL(urlAt(`/account/sign-in\\?next=${path.replace(/\//g, "\\/")}$`));
  }
});
