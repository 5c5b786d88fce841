import { expect, Page, test } from "@playwright/test";
import { at, fillBasket, hydrated } from "./helpers";

// WCAG 2.2 reflow (1.4.10) and resize text (1.4.4): usable at 320 CSS px
// wide, and at 200% zoom (a 1280 px window zoomed twice is 640 CSS px at
// twice the pixel density), with nothing cut off: no sideways scrolling,
// no element reaching past the window's right edge. Each page's screenshot
// is attached to the report, to be looked at.
const PAGES = [
  "/",
  "/shop/rings?sort=price-asc",
  "/products/aube-solitaire-ring?size=52",
  "/ring-size",
  "/basket",
  "/checkout",
  "/account/sign-in",
  "/account/register",
  "/contact?piece=aube-solitaire-ring&size=52",
  // The house's pages with the widest tables, and the FAQ's search.
  "/shipping",
  "/size-guide",
  "/faq?q=spam",
  // The locator: filters, the map and the list side by side (or stacked).
  "/boutiques?near=Lyon",
  "/no-such-page",
];
// Each opened in the journey's language (`at`): French words are often
// longer than English ones, and the pages must hold them too.

const SIZES = [
  { name: "320 px", viewport: { width: 320, height: 720 }, scale: 1 },
  { name: "200% zoom", viewport: { width: 640, height: 400 }, scale: 2 },
];

/** What reaches past the right edge of the window (skipping what is hidden on purpose). */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    }
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      const hidden =
        rect.width === 0 ||
        style.visibility === "hidden" ||
        (style.position === "absolute" && (rect.width <= 1 || rect.height <= 1)) ||
        element.closest(".visually-hidden, .skip-link, [hidden]") ||
        // Drawn inside an SVG: clipped to its viewport (a map's far markers).
        (element instanceof SVGElement && element.ownerSVGElement !== null);
      if (!hidden && rect.right > width + 1) {
        const name = element.tagName.toLowerCase() + (element.className ? `.${String(element.className).split(" ").join(".")}` : "");
        out.push(`${name} ends at ${Math.round(rect.right)} px`);
      }
    }
    return out.slice(0, 10);
  });
}

for (const size of SIZES) {
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.scale });

    for (const path of PAGES) {
      test(`nothing is cut off on ${path}`, async ({ page }, testInfo) => {
        if (path === "/basket" || path === "/checkout") {
          await fillBasket(page, [
            { product: "eclat-eternity-ring", size: "54", quantity: 1 },
            { product: "eclat-collar", quantity: 2 },
          ]);
        }
        await page.goto(at(path));
        await hydrated(page);
        await testInfo.attach(`${size.name} ${path}`, {
          body: await page.screenshot({ fullPage: true }),
          contentType: "image/png",
        });
        expect(await cutOff(page), path).toEqual([]);
      });
    }
  });
}
