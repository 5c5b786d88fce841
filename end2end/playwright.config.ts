import { defineConfig, devices } from "@playwright/test";

// Runs against a Vitrine that is already serving (scripts/test.sh starts one
// on a free port with a fresh database and sets VITRINE_BASE_URL), in
// Debian's Chromium: `npx playwright install` cannot download a browser here.
const baseURL = process.env.VITRINE_BASE_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // No retries: a flaky journey is a bug to find, not a retry to add.
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        // Without these, Chromium's background connections are refused by
        // the closed network and slow every start.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // Every journey runs in both of the shop's languages: the browser asks
  // for one, as a shopper's does, and the journeys look for the texts of
  // that language (helpers.ts `t`). Each language's journeys come from
  // their own client address (the server trusts X-Forwarded-For in
  // scripts/serve-release.sh), so that the per-client rate limits see two
  // shoppers, not one doing twice as much.
  projects: [
    {
      name: "en",
      use: {
        ...devices["Desktop Chrome"],
        locale: "en-GB",
        extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.10" },
      },
    },
    {
      name: "fr",
      use: {
        ...devices["Desktop Chrome"],
        locale: "fr-FR",
        extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.20" },
      },
    },
  ],
});
