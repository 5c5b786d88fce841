import AxeBuilder from "@axe-core/playwright";
import { Browser, BrowserContext, expect, Locator, Page, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { resolve } from "node:path";

/** A language the shop is written in; each journey runs in both (playwright.config.ts). */
export type Lang = "fr" | "en";

/** The language the running journey is in: its project's name. */
export function lang(): Lang {
  return test.info().project.name === "fr" ? "fr" : "en";
}

/**
 * The shop's texts, as the app declares them (app/src/i18n), written out by
 * its unit tests (scripts/test.sh sets VITRINE_TEXTS_JSON).
 */
const TEXTS: Record<string, { fr: string; en: string }> = JSON.parse(
  readFileSync(process.env.VITRINE_TEXTS_JSON ?? `${homedir()}/.cache/vitrine/texts.json`, "utf8"),
);

/** A text of the shop in the running journey's language; an unknown name fails the journey. */
export function t(name: string): string {
  const text = TEXTS[name];
  if (!text) throw new Error(`no text called ${name} in app/src/i18n`);
  return text[lang()];
}

/** A page's address in the running journey's language: `/shop` → `/fr/shop`. */
export function at(path: string): string {
  return path === "/" ? `/${lang()}` : `/${lang()}${path}`;
}

/**
 * What a page's address should match, in the running journey's language:
 * `urlAt("/account$")` is `/\/fr\/account$/` for the French journeys.
 * `rest` is a regular expression's source, for the path after the language.
 */
export function urlAt(rest: string): RegExp {
  return new RegExp(`/${lang()}${rest}`);
}

/** The running language's version of something written in both. */
export function inLang<T>(both: { fr: T; en: T }, language: Lang = lang()): T {
  return both[language];
}

/** Waits until the WebAssembly has hydrated the page (the app marks <body>). */
export async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

/**
 * Collects console errors and warnings (hydration mismatches are reported
 * there) and uncaught exceptions, for a test to assert there were none.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  return problems;
}

/**
 * Console problems, less the 4xx answers a journey provokes on purpose (a
 * refused password, a bad postcode), and the development mailbox's emails:
 * they are shown in sandboxed frames where scripts may not run, and Chromium
 * says so when the test looks inside one for a link.
 */
export function unexpected(problems: string[]): string[] {
  return problems.filter(
    (p) =>
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(p) &&
      !/Blocked script execution in 'about:srcdoc'/.test(p),
  );
}

/**
 * Public pages, each answering 200: swept for console problems and by axe.
 * Paths without their language: each journey opens them with `at()`.
 */
export const PUBLIC_PAGES = [
  "/",
  "/shop",
  "/shop/rings",
  "/shop/earrings?sort=newest",
  "/collections/aube",
  "/products/aube-solitaire-ring",
  "/products/aube-solitaire-ring?size=54",
  "/products/constellation-ruby-ring",
  "/products/lierre-leaf-ring",
  "/products/rivage-pearl-strand",
  "/ring-size?method=diameter&mm=16.5",
  "/products/aube-bangle?size=17",
  "/basket",
  "/checkout",
  "/account/sign-in",
  "/account/register",
  "/account/forgot-password",
  "/account/reset-password?token=not-a-live-link",
  "/contact",
  "/faq",
  "/faq?q=spam",
  "/shipping",
  "/returns",
  "/customs",
  "/care",
  "/size-guide",
  "/privacy",
  "/boutiques",
  "/boutiques?near=Lyon&open=on",
];

/** An address no other test uses. */
export function freshEmail(who: string): string {
  return `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** The password the journeys' accounts are opened with. */
export const PASSWORD = "velvet harbour lantern";

// ---------------------------------------------------------------------------
// A second browser, as the running project's.

/**
 * A new browser context for the running project: its language (`locale`,
 * hence Accept-Language) and its headers (its own client address, for the
 * server's per-client limits), so that a French journey's second browser
 * is French too, and counts as the same shopper's machine.
 */
export async function projectContext(browser: Browser, headers?: Record<string, string>): Promise<BrowserContext> {
  const use = test.info().project.use;
  const extraHTTPHeaders = { ...use.extraHTTPHeaders, ...headers };
  return browser.newContext({
    ...(use.baseURL !== undefined && { baseURL: use.baseURL }),
    ...(use.locale !== undefined && { locale: use.locale }),
    extraHTTPHeaders,
  });
}

/**
 * The house's office, where staff work: a client address of its own for
 * each language's run, apart from the shoppers' (playwright.config.ts), as
 * in the shop staff and customers do not share a machine. Counted apart,
 * the staff accounts the journeys open do not use up the shoppers' hourly
 * registrations (`domain::rate_limit::REGISTER_PER_CLIENT`).
 */
const OFFICE = { en: "198.51.100.110", fr: "198.51.100.120" };

// ---------------------------------------------------------------------------
// Amounts, counts and names as the shop writes them (app/src/domain/locale.rs,
// app/src/i18n, server/demo/catalogue.toml).

/** A whole number with the language's thousands separator (`Locale::number`). */
export function number(n: number, language: Lang = lang()): string {
  const separator = language === "fr" ? "\u202f" : ",";
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * An amount in euros as the running language writes it (`Locale::money`):
 * `3 200,00 €` (U+202F between thousands, U+00A0 before the sign), `€3,200.00`.
 */
export function money(euros: number, language: Lang = lang()): string {
  const cents = Math.round(euros * 100);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = number(Math.floor(abs / 100), language);
  const fraction = String(abs % 100).padStart(2, "0");
  return language === "fr" ? `${sign}${whole},${fraction}\u00a0€` : `${sign}€${whole}.${fraction}`;
}

/** An amount as a page shows it (`money`), read back as euros. */
export function parseMoney(text: string, language: Lang = lang()): number {
  const digits =
    language === "fr"
      ? text.replace(/[\s\u202f\u00a0€]/g, "").replace(",", ".")
      : text.replace(/[\s€,]/g, "");
  const euros = Number(digits);
  if (Number.isNaN(euros)) throw new Error(`not an amount in ${language}: ${JSON.stringify(text)}`);
  return euros;
}

/** A count of pieces on a listing (`Locale::listing_count`). */
export function listingCount(n: number, language: Lang = lang()): string {
  const one = language === "fr" ? n <= 1 : n === 1;
  if (language === "fr") return one ? `${n} pièce` : `${number(n, language)} pièces`;
  return one ? `${n} piece` : `${number(n, language)} pieces`;
}

/** A category's name, as the navigation and headings show it (`Locale::category_name`). */
export function categoryName(slug: "rings" | "bracelets" | "necklaces" | "earrings", language: Lang = lang()): string {
  const names = {
    rings: { fr: "Bagues", en: "Rings" },
    bracelets: { fr: "Bracelets", en: "Bracelets" },
    necklaces: { fr: "Colliers", en: "Necklaces" },
    earrings: { fr: "Boucles d’oreilles", en: "Earrings" },
  };
  return names[slug][language];
}

/** The delivery countries the journeys choose (`domain::country::COUNTRIES`). */
export function countryName(code: "FR" | "BE" | "US", language: Lang = lang()): string {
  const names = {
    FR: { fr: "France", en: "France" },
    BE: { fr: "Belgique", en: "Belgium" },
    US: { fr: "États-Unis", en: "United States" },
  };
  return names[code][language];
}

/**
 * The demo catalogue's names in both languages, read from its TOML: each
 * `[[products]]` block's `slug`, `name.en` and `name.fr` lines, and each
 * gift's `code` and `name = { en = …, fr = … }`.
 */
const CATALOGUE = (() => {
  const text = readFileSync(resolve(__dirname, "../../server/demo/catalogue.toml"), "utf8");
  const products = new Map<string, { fr?: string; en?: string }>();
  let slug: string | undefined;
  for (const line of text.split("\n")) {
    if (line.trim() === "[[products]]") {
      slug = undefined;
      continue;
    }
    const field = line.match(/^(slug|name\.en|name\.fr)\s*=\s*"(.*)"\s*$/);
    if (!field) continue;
    if (field[1] === "slug") {
      slug = field[2];
      products.set(slug, {});
    } else if (slug) {
      products.get(slug)![field[1] === "name.en" ? "en" : "fr"] = field[2];
    }
  }
  const gifts = new Map<string, { fr?: string; en?: string }>();
  for (const gift of text.matchAll(/code = "([^"]+)", name = \{ en = "([^"]*)", fr = "([^"]*)" \}/g)) {
    gifts.set(gift[1], { en: gift[2], fr: gift[3] });
  }
  return { products, gifts };
})();

/** A piece's name in the catalogue, in the running journey's language. */
export function productName(slug: string, language: Lang = lang()): string {
  const name = CATALOGUE.products.get(slug)?.[language];
  if (!name) throw new Error(`no product ${slug} with a ${language} name in server/demo/catalogue.toml`);
  return name;
}

/** A gift's name in the catalogue, in the running journey's language. */
export function giftName(code: string, language: Lang = lang()): string {
  const name = CATALOGUE.gifts.get(code)?.[language];
  if (!name) throw new Error(`no gift ${code} with a ${language} name in server/demo/catalogue.toml`);
  return name;
}

// ---------------------------------------------------------------------------
// Texts with parameters: each written here as its method in app/src/i18n
// writes it (the method's name in a comment), for the running language.

/** `Locale::account_greeting`: the account page's heading. */
export function accountGreeting(first: string): string {
  return inLang({ fr: `Bonjour ${first}`, en: `Hello, ${first}` });
}

/** `Locale::account_reset_link_sent`. */
export function accountResetLinkSent(email: string): string {
  return inLang({
    fr: `Si un compte existe pour ${email}, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Ce lien est valable une heure.`,
    en: `If an account exists for ${email}, we have sent it a link to choose a new password. The link works for one hour.`,
  });
}

/** `Locale::account_password_problem(TooCommon)`. */
export function accountPasswordTooCommon(): string {
  return inLang({
    fr: "Ce mot de passe est trop facile à deviner. Quelques mots sans rapport entre eux font un mot de passe solide.",
    en: "This password is too easy to guess. A few unrelated words make a strong one.",
  });
}

/** `Locale::newsletter_almost_there`. */
export function newsletterAlmostThere(email: string): string {
  return inLang({
    fr: `Encore une étape\u00a0: veuillez suivre le lien que nous venons d’envoyer à ${email} pour confirmer. Si cette adresse est déjà inscrite, vous n’avez rien d’autre à faire.`,
    en: `Almost there: please follow the link we have emailed to ${email} to confirm. If you are subscribed already, there is nothing more to do.`,
  });
}

/** `Locale::buy_add_refused(AtLimit(n))`. */
export function buyAddRefusedAtLimit(n: number): string {
  return inLang({
    fr: `Votre panier contient déjà ${n} exemplaire${n > 1 ? "s" : ""} de cette pièce dans cette taille, le maximum que nous puissions proposer.`,
    en: `Your basket already holds ${n} of this piece in this size, the most we can offer.`,
  });
}

/** `Locale::buy_country_not_served`. */
export function buyCountryNotServed(country: string): string {
  return inLang({
    fr: `L’achat en ligne n’est pas disponible pour le pays de livraison choisi\u00a0: ${country}.`,
    en: `Online purchase is not available for delivery to ${country}.`,
  });
}

/** `Locale::size_now_chosen`. */
export function sizeNowChosen(size: string): string {
  return inLang({
    fr: `La taille ${size} est désormais sélectionnée ci-dessus.`,
    en: `Size ${size} is now chosen above.`,
  });
}

/** `Locale::size_not_made`. */
export function sizeNotMade(size: string): string {
  return inLang({
    fr: `Cette pièce n’est pas réalisée en taille ${size}\u00a0: un conseiller clientèle vous dira ce que l’atelier peut faire pour vous.`,
    en: `This piece is not made in size ${size}: a client advisor can tell you what the workshop can do.`,
  });
}

/** `Locale::bracelet_wrist_problem(NotANumber)`. */
export function braceletNotANumber(raw: string): string {
  return inLang({
    fr: `«\u00a0${raw}\u00a0» n’est pas un nombre de centimètres. Veuillez l’écrire ainsi\u00a0: 16,5.`,
    en: `'${raw}' is not a number of centimetres. Please write it like 16.5.`,
  });
}

/** `Locale::bracelet_your_size`. */
export function braceletYourSize(cm: number): string {
  return inLang({ fr: `Votre taille\u00a0: ${cm}\u00a0cm.`, en: `Your size: ${cm} cm.` });
}

/** A length in mm with one decimal (`domain::ring_size::one_decimal`), as the language writes it (`decimal_text`). */
function oneDecimal(value: number): string {
  const text = value.toFixed(1);
  return lang() === "fr" ? text.replace(".", ",") : text;
}

/** `Locale::ring_size_problem`, for what the journeys type. */
export const ringSizeProblem = {
  notANumber: (raw: string) =>
    inLang({
      fr: `«\u00a0${raw}\u00a0» n’est pas un nombre. Indiquez des millimètres, par exemple 52 ou 52,5.`,
      en: `'${raw}' is not a number. Enter millimetres, for example 52 or 52.5.`,
    }),
  looksLikeCentimetres: (value: number) =>
    inLang({
      fr: `${oneDecimal(value)}\u00a0mm ressemble à une mesure en centimètres\u00a0: vouliez-vous dire ${oneDecimal(value * 10)}\u00a0mm\u00a0?`,
      en: `${oneDecimal(value)} mm looks like centimetres: did you mean ${oneDecimal(value * 10)} mm?`,
    }),
  /** A circumference outside 40–75 mm (`MIN_CIRCUMFERENCE_MM`, `MAX_CIRCUMFERENCE_MM`). */
  outOfRange: (value: number) =>
    inLang({
      fr: `${oneDecimal(value)}\u00a0mm est en dehors des tailles que nous réalisons (de ${oneDecimal(40)} à ${oneDecimal(75)}\u00a0mm). Veuillez mesurer à nouveau.`,
      en: `${oneDecimal(value)} mm is outside the sizes we make (${oneDecimal(40)}–${oneDecimal(75)} mm). Please measure again.`,
    }),
};

/** `Locale::ring_size_between`. */
export function ringSizeBetween(low: number, high: number): string {
  return inLang({
    fr: `Vous êtes entre les tailles ${low} et ${high}\u00a0: nous vous conseillons la ${high}, la plus grande.`,
    en: `You are between sizes ${low} and ${high}: we advise ${high}, the larger.`,
  });
}

/** `Locale::listing_problem(PriceNotWhole(Lowest, raw))`: a `min` that is not whole euros. */
export function listingLowestPriceNotWhole(raw: string): string {
  return inLang({
    fr: `Le prix minimum doit être un nombre entier d’euros, et non «\u00a0${raw}\u00a0».`,
    en: `The lowest price must be a whole number of euros, not '${raw}'.`,
  });
}

/** `Locale::basket_gift_teaser`. */
export function basketGiftTeaser(missing: number, gift: string, threshold: number): string {
  return inLang({
    fr: `Ajoutez encore ${money(missing)} pour recevoir notre ${gift.toLowerCase()} avec votre commande, un cadeau offert dès ${money(threshold)} d’achat.`,
    en: `Add ${money(missing)} more to receive our ${gift.toLowerCase()} with your order, offered from ${money(threshold)}.`,
  });
}

/** `Locale::basket_gift_withdrawn`. */
export function basketGiftWithdrawn(gift: string, threshold: number): string {
  return inLang({
    fr: `Nous avons retiré de votre panier notre ${gift.toLowerCase()}\u00a0: ce cadeau accompagne les commandes à partir de ${money(threshold)}.`,
    en: `The ${gift.toLowerCase()} has been taken out of your basket: it is offered with orders from ${money(threshold)}.`,
  });
}

/** `Locale::basket_problem`, for the problems the journeys meet. */
export const basketProblem = {
  outOfStock: () => inLang({ fr: "Cette taille est épuisée.", en: "This size is out of stock." }),
  noLongerOffered: () =>
    inLang({ fr: "Cette pièce n’est plus proposée en ligne.", en: "This piece is no longer offered online." }),
};

/** `Locale::basket_repair`, for the repairs the journeys cause (MAX_PER_LINE is 5). */
export const basketRepair = {
  unreadable: () =>
    inLang({
      fr: "Votre panier enregistré n’a pas pu être lu\u00a0: nous en avons commencé un nouveau. Nous vous prions de nous en excuser.",
      en: "Your saved basket could not be read, so we have started a new one. We are sorry.",
    }),
  otherFormat: () =>
    inLang({
      fr: "Votre panier enregistré provenait d’une ancienne version de notre site et n’a pas pu être conservé\u00a0: nous en avons commencé un nouveau.",
      en: "Your saved basket came from an older version of our site and could not be kept, so we have started a new one.",
    }),
  oneLineDropped: () =>
    inLang({
      fr: "Un article de votre panier enregistré n’a pas pu être lu et a été retiré.",
      en: "One item of your saved basket could not be read and was removed.",
    }),
  quantitiesReduced: () =>
    inLang({
      fr: "Les quantités supérieures à 5 exemplaires d’une même pièce ont été ramenées à 5.",
      en: "Quantities above 5 of one piece were brought down to 5.",
    }),
};

/** `Locale::checkout_estimate`: a delivery estimate in business days. */
export function checkoutEstimate(min: number, max: number): string {
  return inLang({ fr: `${min} à ${max}\u00a0jours ouvrés`, en: `${min}–${max} business days` });
}

/** `Locale::checkout_pay` and `Locale::sandbox_pay`: a payment button, for an amount as the page writes it. */
export function payButton(amount: string): string {
  return inLang({ fr: `Payer ${amount}`, en: `Pay ${amount}` });
}

/** `Locale::order_size_mark`: a line's size, after its name. */
export function orderSizeMark(size: string): string {
  return inLang({ fr: ` (taille ${size})`, en: ` (size ${size})` });
}

/** `Locale::order_thank_you`. */
export function orderThankYou(email: string): string {
  return inLang({
    fr: `Merci pour votre commande. Sa confirmation vous est envoyée à l’adresse ${email}.`,
    en: `Thank you for your order. Its confirmation is on its way to ${email}.`,
  });
}

/** `Locale::order_receipt_heading`. */
export function orderReceiptHeading(reference: string): string {
  return inLang({ fr: `Reçu de la commande ${reference}`, en: `Receipt for order ${reference}` });
}

/** `Locale::order_refusal(TooLateForCustomer(status))`, `status` as `t()` gives it. */
export function orderTooLateForCustomer(status: string): string {
  return inLang({
    fr: `Votre commande est ${status.toLowerCase()}\u00a0: elle ne peut plus être modifiée ni annulée. Une fois livrée, vous pourrez nous la retourner dans le délai de retour.`,
    en: `Your order is ${status}: it can no longer be changed or cancelled. Once it is delivered, you may return it within the return period.`,
  });
}

/** `Locale::staff_left_to_ship`: a line of the shipment form (`piece` with its size, as staff see it). */
export function staffLeftToShip(piece: string, left: number): string {
  return inLang({ fr: `${piece}\u00a0: ${number(left)} à expédier`, en: `${piece}: ${number(left)} left to ship` });
}

/** An order's status as its page shows it (`order_status_*` texts). */
export function orderStatus(page: Page): Locator {
  return page.getByTestId("order-status").locator(".order-status-label");
}

// ---------------------------------------------------------------------------
// Keyboard journeys.

/** What the focused element is, and whether its focus can be seen (an outline or a box-shadow). */
async function focusNow(page: Page): Promise<{ what: string; shown: boolean } | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body || element === document.documentElement) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "" && style.boxShadow !== "none";
    const name = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().replace(/\s+/g, " ");
    const what =
      element.tagName.toLowerCase() +
      (element.id ? `#${element.id}` : "") +
      (name ? ` "${name.slice(0, 60)}"` : "") +
      (element.getAttribute("href") ? ` href=${element.getAttribute("href")}` : "");
    return { what, shown: outline || shadow };
  });
}

/**
 * Presses Tab, as a keyboard user would, until `target` has the focus (at
 * most `maxTabs` presses), then checks that the focus could be seen at
 * every stop on the way and on `target` itself: an outline or a box-shadow
 * in its computed style. Fails with what had the focus if `target` never
 * gets it.
 */
export async function tabTo(page: Page, target: Locator, maxTabs = 80) {
  await target.waitFor({ state: "visible" });
  const unseen: string[] = [];
  for (let presses = 0; ; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) break;
    if (presses === maxTabs) {
      const now = await focusNow(page);
      throw new Error(
        `${target} never got the focus: ${maxTabs} presses of Tab, and the focus is on ${now?.what ?? "the page itself"}`,
      );
    }
    await page.keyboard.press("Tab");
    const stop = await focusNow(page);
    if (stop && !stop.shown) unseen.push(stop.what);
  }
  expect(unseen, `the focus shows at every stop of the way to ${target}`).toEqual([]);
}

// ---------------------------------------------------------------------------
// Accounts.

/** Opens an account for `email` on the register page, and waits for the account page to be live. */
export async function register(page: Page, email: string, first = "Anne", last = "Dupont") {
  await page.goto(at("/account/register"));
  await hydrated(page);
  await page.getByLabel(t("account_first_name_label"), { exact: true }).fill(first);
  await page.getByLabel(t("account_last_name_label"), { exact: true }).fill(last);
  await page.getByLabel(t("account_email_label"), { exact: true }).fill(email);
  await page.getByLabel(t("account_password_label"), { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: t("account_register_button"), exact: true }).click();
  await expect(page).toHaveURL(urlAt("/account$"));
  await expect(page.getByRole("heading", { name: accountGreeting(first) })).toBeVisible();
  // The heading is in the server's HTML: wait for the page to be live before using it.
  await hydrated(page);
}

// The purchase journey's steps, shared by the checkout journeys and the
// accessibility sweep. The server runs with its database at
// VITRINE_DATABASE_URL and its binary at VITRINE_SERVER_BIN
// (scripts/serve-release.sh), so a journey can make a staff account with
// the documented command.

export const APPROVE = "4242 4242 4242 4242";
export const DECLINE = "4000 0000 0000 0002";

export type Line = { product: string; size?: string; quantity: number };

/** Puts pieces in the browser's basket, as the product pages do. */
export async function fillBasket(page: Page, lines: Line[]) {
  await page.goto(at("/"));
  await hydrated(page);
  await page.evaluate((lines) => localStorage.setItem("vitrine.basket", JSON.stringify({ version: 1, lines })), lines);
}

/** From the basket page to the gateway's page, as a guest. */
export async function checkOut(page: Page, email: string) {
  await toReview(page, email);
  const total = page.getByTestId("total");
  await expect(total).toBeVisible();
  // The button says the total the review shows.
  await page.getByRole("button", { name: payButton(await total.innerText()), exact: true }).click();
  await expect(page).toHaveURL(/\/sandbox-gateway\/pay\//);
}

/** From the basket page to checkout's review (shipping priced, the promo code next), as a guest. */
export async function toReview(page: Page, email: string) {
  await page.goto(at("/basket"));
  await hydrated(page);
  await page.getByTestId("checkout").click();
  await expect(page).toHaveURL(urlAt("/checkout$"));
  await hydrated(page);
  await page.locator("#checkout-email").fill(email);
  await page.getByLabel(t("checkout_full_name"), { exact: true }).fill("Camille Martin");
  await page.getByLabel(t("checkout_line1"), { exact: true }).fill("8 rue des Orfèvres");
  await page.getByLabel(t("checkout_postcode"), { exact: true }).fill("69002");
  await page.getByLabel(t("checkout_city"), { exact: true }).fill("Lyon");
  await page.getByLabel(t("checkout_country"), { exact: true }).selectOption("FR");
  await page.getByLabel(t("checkout_phone"), { exact: true }).fill("+33 6 11 22 33 44");
  await page.getByRole("button", { name: t("checkout_continue"), exact: true }).click();
  await expect(page.getByTestId("shipping")).toContainText(checkoutEstimate(5, 10));
}

/** Pays on the sandbox's page and comes back to the order's page. */
export async function payWith(page: Page, card: string) {
  await expect(page.getByRole("heading", { name: t("sandbox_heading") })).toBeVisible();
  await page.getByLabel(t("sandbox_card_number"), { exact: true }).fill(card);
  await page.getByLabel(t("sandbox_expiry"), { exact: true }).fill("12/39");
  await page.getByLabel(t("sandbox_cvc"), { exact: true }).fill("123");
  const amount = await page.locator("[data-amount]").innerText();
  await page.getByRole("button", { name: payButton(amount), exact: true }).click();
  await expect(page).toHaveURL(urlAt("/orders/MA-[0-9A-Z]{10}\\?key=.+&paid=1"));
  await hydrated(page);
}

/** A guest's paid order: its page's address (with the emailed key) and reference. */
export async function paidOrder(page: Page, lines: Line[]): Promise<{ url: string; reference: string }> {
  await fillBasket(page, lines);
  await checkOut(page, freshEmail("guest"));
  await payWith(page, APPROVE);
  await expect(orderStatus(page)).toHaveText(t("order_status_being_validated"));
  const url = page.url().replace("&paid=1", "");
  const reference = url.match(/MA-[0-9A-Z]{10}/)![0];
  return { url, reference };
}

/** A signed-in member of staff, in a browser of their own (in the running project's language). */
export async function staffPage(browser: Browser): Promise<Page> {
  return (await newStaff(browser)).page;
}

/**
 * A new member of staff, in a browser of their own: registered, made staff
 * by the documented command, and through the second factor (enrolled with
 * the key the page shows, as an authenticator app would be). `key` is
 * what the app holds, for later sign-ins.
 */
export async function newStaff(
  browser: Browser,
  onRecoveryCodes?: (page: Page) => Promise<void>,
): Promise<{ page: Page; email: string; key: string; codes: string[] }> {
  const page = await (await projectContext(browser, { "X-Forwarded-For": OFFICE[lang()] })).newPage();
  const email = freshEmail("clerk");
  await register(page, email, "Hélène", "Clerc");
  // The documented command, run as an engineer would on the server.
  execFileSync(process.env.VITRINE_SERVER_BIN!, ["staff", "add", email], {
    env: { ...process.env, DATABASE_URL: process.env.VITRINE_DATABASE_URL! },
  });
  await page.goto(at("/staff/second-factor"));
  const key = await enrol(page);
  const codes = await page.getByTestId("recovery-codes").locator("li").allInnerTexts();
  if (onRecoveryCodes) await onRecoveryCodes(page);
  await page.getByRole("link", { name: t("recovery_continue") }).click();
  await expect(page.getByRole("heading", { name: t("staff_dashboard_heading"), level: 1 })).toBeVisible();
  return { page, email, key, codes };
}

/** On the enrolment page: reads the key, types the app's code; returns the key. */
export async function enrol(page: Page): Promise<string> {
  await expect(page.getByRole("heading", { name: t("second_factor_enrol_heading") })).toBeVisible();
  const key = (await page.getByTestId("second-factor-key").innerText()).replace(/\s+/g, "");
  await page.getByLabel(t("second_factor_enrol_code_label"), { exact: true }).fill(oneTimeCode(key));
  await page.getByRole("button", { name: t("second_factor_button") }).click();
  await expect(page.getByRole("heading", { name: t("recovery_heading") })).toBeVisible();
  return key;
}

/** RFC 4648 base32, as authenticator apps read a key. */
function base32Bytes(key: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of key.replace(/=+$/, "").toUpperCase()) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${key}`);
    bits += v.toString(2).padStart(5, "0");
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/**
 * The six-digit code an authenticator app shows for `key` (RFC 6238: HMAC-SHA1,
 * 30-second steps), `stepsAhead` steps from now: the server takes each step
 * once, so a second sign-in within 30 seconds types the next step's code.
 */
export function oneTimeCode(key: string, stepsAhead = 0): string {
  const step = Math.floor(Date.now() / 1000 / 30) + stepsAhead;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", base32Bytes(key)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}

/**
 * Opens a link of an email shown in the development mailbox: the address
 * the email's link holds, in this page. Clicking it inside the mailbox's
 * sandboxed frame (top navigation by user activation) was once dropped by
 * Chromium on a loaded CI machine, the page staying on the mailbox: that
 * is the development mailbox's frame, not the shop, so the journey goes to
 * the link's address itself, as a mail client would.
 */
export async function openEmailedLink(page: Page, email: Locator, name: string) {
  const link = email.frameLocator("iframe").getByRole("link", { name });
  const href = await link.getAttribute("href");
  expect(href, `the link "${name}" in the email`).toBeTruthy();
  await page.goto(href!);
}

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** What axe-core finds against WCAG 2.0–2.2 A and AA on the page as it is now (PRODUCT.md §11). */
export async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " ")}`).join("\n"),
  );
}
