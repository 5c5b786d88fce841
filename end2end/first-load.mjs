// The first load of a page: the JavaScript and WebAssembly it fetches until
// every island on it is live (`<body data-hydrated>`), each file's size
// compressed with brotli at quality 11, as the release build serves it
// pre-compressed. A size is deterministic, unlike a time.
//
// Used by tests/first-load.spec.ts (the budget, in CI) and, as a command,
// by bench/size.sh (every page's figure):
//   node end2end/first-load.mjs http://127.0.0.1:3000 / /shop/rings …
import { chromium } from "@playwright/test";
import { brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

/** The budget for home, listing and product pages, in brotli bytes (issue 11). */
export const BUDGET = 150 * 1024;

/**
 * Loads `path` in `page` and returns `{ path, files: [{ url, raw, brotli }], brotli }`.
 * @param {import("@playwright/test").Page} page
 * @param {string} path
 */
export async function firstLoad(page, path) {
  const pending = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (!/\.(wasm|js)$/.test(url.pathname)) return;
    pending.push(
      response
        .body()
        .then((body) => ({
          url: url.pathname,
          raw: body.length,
          brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        }))
        .catch(() => null),
    );
  });
  await page.goto(path);
  await page.locator("body[data-hydrated=true]").waitFor({ timeout: 15_000 });
  const files = (await Promise.all(pending)).filter((f) => f !== null);
  return { path, files, brotli: files.reduce((sum, f) => sum + f.brotli, 0) };
}

async function main([base, ...paths]) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  let over = 0;
  console.log(`${"page".padEnd(40)} ${"files".padStart(5)} ${"raw".padStart(9)} ${"brotli".padStart(9)}  budget`);
  for (const path of paths) {
    const page = await browser.newPage({ baseURL: base });
    const load = await firstLoad(page, path);
    await page.close();
    const raw = load.files.reduce((sum, f) => sum + f.raw, 0);
    const ratio = (load.brotli / BUDGET).toFixed(2);
    console.log(`${path.padEnd(40)} ${String(load.files.length).padStart(5)} ${String(raw).padStart(9)} ${String(load.brotli).padStart(9)}  ${ratio}x`);
    if (process.env.VERBOSE) for (const f of load.files) console.log(`    ${f.url} ${f.raw} ${f.brotli}`);
    if (load.brotli > BUDGET) over += 1;
  }
  await browser.close();
  console.log(`first load = JS + WebAssembly fetched until every island is live, brotli -q 11; budget ${BUDGET} B`);
  process.exitCode = over > 0 ? 1 : 0;
}

// Run as a command (no top-level await: the Playwright tests import this module).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
