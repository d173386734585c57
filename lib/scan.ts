/**
 * The detection contract: which console a page belongs to, which credential page it is, and
 * the credentials on it. No clock (`now` is passed in); the one browser API it uses is a
 * MutationObserver on the document it reads, so that scanning the same document again reads only
 * what changed (see `readAnew`): the result is the same as reading the whole page.
 *
 * A page is first recognised (its console by URL, its page kind by the console's `detect`),
 * then read by the shared layer: collect every label/value record (lib/dom/collect.ts),
 * interpret it with one vocabulary (lib/consoles/interpret.ts). When something on the page
 * looks like a credential's expiry but cannot be read for certain, the scan says so in
 * `unreadable` instead of guessing.
 */
import type { AddedSite, ConsoleId } from './consoles/types';
import type { CredentialKind } from './credentials/kinds';
import type { FoundCredential } from './consoles/adapter';
import { forgetContext, scanContext } from './consoles/detect';
import { consoleForUrl, consoleOf } from './consoles/hosts';
import { interpretSteps } from './consoles/interpret';
import { readRecordsSteps } from './consoles/reading';
import { forgetReading } from './dom/collect';
import { stopWatching } from './dom/changes';

import { kindInUrl } from './consoles/vocabulary';
import { dateLanguage } from './dates/parse';
import { TOPIC_RE } from './dom/read';
import { drain, type Steps } from './steps';

export type { AddedSite, ConsoleId } from './consoles/types';
export type { CredentialKind } from './credentials/kinds';
export type { FoundCredential } from './consoles/adapter';

/** What a page shows that could not be read for certain: the admin can add it by hand. */
export interface Unreadable {
  /** How many credentials (or expiry dates) on the page could not be read. */
  count: number;
  /** What was certain about the first of them, to pre-fill a manual entry. */
  prefill: { kind?: CredentialKind; name?: string; appleId?: string; topic?: string };
}

export interface PageScan {
  /** null when the URL is not a console we support. */
  console: ConsoleId | null;
  /** The adapter's page kind, e.g. 'ade-token-list'; 'credentials' for credentials read on a page of no known kind; null if not a credential page. */
  page: string | null;
  /** Tenant / organisation / billing account when visible. */
  account?: string;
  /** Empty on pages that show no credential. */
  credentials: FoundCredential[];
  /** Present when the page shows expiry-like text about credentials that could not be read for certain. */
  unreadable?: Unreadable;
  /** A virtualised grid showed only some of its rows: credentials not shown are not absent. */
  partial?: { shown: number; total: number };
}

export interface ScanOptions {
  /**
   * The browser's locale (`navigator.language`): portals print dates in the viewer's regional
   * format while their `<html lang>` names only the UI language.
   */
  locale?: string;
  /** Consoles the admin added at their own addresses: a URL on one of these origins belongs to that console. */
  sites?: readonly AddedSite[];
}

/** The page kind for credentials read on a console page of no known kind. */
export const GENERIC_PAGE = 'credentials';

export function scanPage(url: string, doc: Document, now: Date, options: ScanOptions = {}): PageScan {
  return drain(scanSteps(url, doc, now, options));
}

/**
 * A document scanned again is read only where it changed since the last scan (a MutationObserver
 * says where; lib/dom/changes.ts), and whole at least once a minute. After this, the next scan of
 * `doc` reads it whole: for a caller that knows it changed where no MutationObserver sees (a
 * form field's value typed or set by a script, a shadow root attached to an element already in
 * the page).
 */
export function readAnew(doc: Document): void {
  forgetReading(doc);
  forgetContext(doc);
}

/** Stops following `doc`'s changes and forgets what was read there (the caller leaves the page). */
export function forgetPage(doc: Document): void {
  readAnew(doc);
  stopWatching(doc);
}

/**
 * `scanPage` as work that pauses every few text nodes, grid rows and records: the content
 * script runs it a few milliseconds at a time in the page's idle time. Run to the end, it is
 * `scanPage`. The page may change between two steps: the caller starts again when it does.
 */
export function* scanSteps(url: string, doc: Document, now: Date, options: ScanOptions = {}): Steps<PageScan> {
  const consoleId = consoleForUrl(url, options.sites);
  if (!consoleId) return { console: null, page: null, credentials: [] };
  const ctx = scanContext(new URL(url), doc, now, dateLanguage((doc.documentElement?.getAttribute('lang') ?? '').trim(), options.locale));
  const adapter = consoleOf(consoleId);
  // A page kind's test may read the page's text or its columns: one test a step.
  let kind: (typeof adapter.pages)[number] | null = null;
  for (const p of adapter.pages) {
    yield;
    if (p.detect(ctx)) {
      kind = p;
      break;
    }
  }
  // One pass over the page's text finds the expiry words; a page of no known kind without one is
  // done: the common case on a heavy portal.
  yield;
  const { records, seeds } = yield* readRecordsSteps(doc, now);
  if (!kind && seeds === 0) return { console: consoleId, page: null, credentials: [] };
  yield;
  const reading = yield* interpretSteps(records, {
    lang: ctx.lang,
    now,
    pageKind: kind?.holds ?? null,
    titles: ctx.titles,
    sentences: kind ? kind.sentences !== false : adapter.sentences !== 'recognised',
    urlKind: kindInUrl(ctx.url),
    ...(adapter.words ? { words: adapter.words } : {}),
  });
  const credentials = reading.credentials;

  // A lone push certificate whose topic is printed elsewhere on its page (a Subject ID line outside the panel).
  const apns = credentials.filter((c) => c.kind === 'apns');
  if (apns.length === 1 && !apns[0]!.topic) {
    const topics = new Set(ctx.text().match(new RegExp(TOPIC_RE.source, 'g')) ?? []);
    if (topics.size === 1) apns[0]!.topic = [...topics][0]!;
  }

  const page = kind ? kind.page : credentials.length ? GENERIC_PAGE : null;
  const scan: PageScan = { console: consoleId, page, credentials };
  if (page) {
    const account = adapter.account?.(ctx);
    if (account) scan.account = account;
  }
  if (reading.partial) scan.partial = reading.partial;
  const unsure = reading.unsure;
  if (unsure.length || (kind && credentials.length === 0 && seeds > 0 && records.some((r) => r.fields.some((f) => f.key === 'expiry') || r.source === 'sentence'))) {
    const first = unsure[0];
    const prefill: Unreadable['prefill'] = {};
    const k = first?.kind ?? kind?.holds ?? undefined;
    if (k) prefill.kind = k;
    if (first?.name) prefill.name = first.name;
    if (first?.appleId) prefill.appleId = first.appleId;
    if (first?.topic) prefill.topic = first.topic;
    scan.unreadable = { count: Math.max(1, unsure.length), prefill };
  }
  return scan;
}
