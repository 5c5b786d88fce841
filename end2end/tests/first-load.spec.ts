import { expect, test } from "@playwright/test";

// The first-load budget, guarded: the JavaScript and WebAssembly a browsing
// page fetches before it is interactive stay within 150 KB brotli.
// `bench/size.sh` measures every page the same way and prints the figures.
for (const path of ["/", "/shop/rings", "/products/aube-solitaire-ring"]) {
  test(`the first load of ${path} is within the 150 KB budget`, async ({ page }) => {
    // Imported as the ES module it is (bench/size.sh runs it as a command too).
    const { BUDGET, firstLoad } = await import("../first-load.mjs");
    const load = await firstLoad(page, path);
    const detail = load.files.map((f: { url: string; brotli: number }) => `${f.url} ${f.brotli}`).join(", ");
    expect(load.files.length, "the page loads its WebAssembly").toBeGreaterThan(0);
    expect(load.brotli, `${path}: ${detail}`).toBeLessThanOrEqual(BUDGET);
  });
}
