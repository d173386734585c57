import type { BrowserContext, Page, Worker } from '@playwright/test';

export function findChromium(): string;
export function launchWithExtension(options: {
  extensionDir: string;
  headless?: boolean;
  userDataDir?: string;
  locale?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** More Chromium switches (the bench keeps frames in the page's process). */
  args?: string[];
}): Promise<BrowserContext>;
/** Grants `origins` to the extension in the profile at `userDataDir` (as an accepted prompt would); returns the extension's id. */
export function grantHosts(options: { extensionDir: string; userDataDir: string; origins: string[] }): Promise<string>;
export function extensionWorker(context: BrowserContext): Promise<Worker>;
export function isolateNetwork(context: BrowserContext): Promise<void>;
export function servePages(context: BrowserContext, pages: Record<string, string>): Promise<void>;
export function stripHash(url: string): string;
/** The welcome page Token Radar opens on a fresh install, or null when none opened within `timeoutMs` (default 10 s). */
export function welcomePage(context: BrowserContext, timeoutMs?: number): Promise<Page | null>;
