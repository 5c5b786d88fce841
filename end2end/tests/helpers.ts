import { expect, Page } from "@playwright/test";

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
