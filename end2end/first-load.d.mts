// Types of first-load.mjs (plain JavaScript, run by node as a command too),
// for the journeys that import it (tests/first-load.spec.ts).
import type { Page } from "@playwright/test";

/** The budget for home, listing and product pages, in brotli bytes. */
export declare const BUDGET: number;

/** One file a page fetched: its path, and its size raw and in brotli bytes. */
export interface LoadedFile {
  url: string;
  raw: number;
  brotli: number;
}

/** Loads `path` in `page`: the JavaScript and WebAssembly it fetched until every island was live. */
export declare function firstLoad(
  page: Page,
  path: string,
): Promise<{ path: string; files: LoadedFile[]; brotli: number }>;
