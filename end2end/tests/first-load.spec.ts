import { expect, test } from "@playwright/test";
import { at } from "./helpers";

// The first-load budget, guarded: the JavaScript and WebAssembly a browsing
// page fetches before it is interactive stay within 150 KB brotli.
// `bench/size.sh` measures every page the same way and prints the figures.
// Each page is opened at its address in the journey's language (`at`), so
// that no redirect is counted or awaited.
// The house's pages without an island are browsing pages too. A page with a
// lazy island (the FAQ's search box) starts above the budget whatever the
// island: the main module and its JS (about 144 KB) plus wasm-split's loader
// (about 7 KB); bench/size.sh reports those pages' figures.
for (const path of ["/", "/shop/rings", "/products/aube-solitaire-ring", "/shipping", "/size-guide"]) {
  test(`the first load of ${path} is within the 150 KB budget`, async ({ page }) => {
    // Imported as the ES module it is (bench/size.sh runs it as a command too).
    const { BUDGET, firstLoad } = await import("../first-load.mjs");
    const load = await firstLoad(page, at(path));
    const detail = load.files.map((f: { url: string; brotli: number }) => `${f.url} ${f.brotli}`).join(", ");
    expect(load.files.length, "the page loads its WebAssembly").toBeGreaterThan(0);
    expect(load.brotli, `${path}: ${detail}`).toBeLessThanOrEqual(BUDGET);
  });
}

// A lazy island's chunks are named in the page's <head> (app/src/island_preload.rs),
// so the browser fetches them while it parses the HTML: each chunk the island
// needs was preloaded, and fetched once (a preload the loader could not use
// would be fetched twice).
// Pages rendered whole before sending (SsrMode::Async: /contact, /account…)
// get no preloads yet: their head is written before their islands run.
for (const path of ["/basket", "/checkout", "/ring-size", "/account/sign-in"]) {
  test(`the lazy island of ${path} finds its chunks preloaded`, async ({ page }) => {
    const requested = new Map<string, number>();
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (/^\/pkg\/(chunk_|split_).*\.wasm$/.test(pathname)) {
        requested.set(pathname, (requested.get(pathname) ?? 0) + 1);
      }
    });
    await page.goto(at(path));
    await page.locator("body[data-hydrated=true]").waitFor({ timeout: 15_000 });
    const preloaded = await page
      .locator('head link[rel="preload"][as="fetch"]')
      .evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(requested.size, "the island's code arrives in chunks").toBeGreaterThan(0);
    for (const [chunk, times] of requested) {
      expect(preloaded, `${chunk} is preloaded`).toContain(chunk);
      expect(times, `${chunk} is fetched once`).toBe(1);
    }
  });
}
