/**
 * One page watcher per document: the first scan waits for the browser to be idle; afterwards it
 * looks at what changed (work in proportion to the change; the changes come from the reading
 * layer's own observer, lib/dom/changes.ts) and asks for a new scan only when the change can
 * matter: inside what the last scan read, text that mentions an expiry, a new heading or grid, or any change while the caller says everything matters (a
 * recognised page with nothing read, a renewal guide). Scans are debounced (with a ceiling, so a
 * page that never stops changing is still read) and run a slice at a time in idle time. Stops
 * when `signal` aborts.
 */
import { EXPIRY_STEMS, mayMentionExpiry } from '../../lib/consoles/vocabulary';
import { listenToChanges } from '../../lib/dom/changes';
import { forgetPage, scanSteps, type AddedSite, type PageScan } from '../../lib/scan';
import type { Steps } from '../../lib/steps';
import { cancelIdle, requestIdle, runSliced } from './idle';
import { BADGE_TAG } from './marks';
import { NOTE_TAG } from './notes';
import { GUARD_TAG } from './upload-check';

/** Quiet time after the last page change before a rescan. */
const DEBOUNCE_MS = 300;
/** A page that never stops changing is still read this often. */
const MAX_WAIT_MS = 2000;
/** Elements that carry a page's or a grid's title: a new one may make the page a credential page. */
const TITLE_BEARERS = 'h1, h2, [role="heading"], caption, [role="grid"], [role="table"], table, [role="tab"], input[type="file"]';
/** Above this, a changed subtree's text is not searched: it is simply treated as relevant. */
const MAX_CHANGED_TEXT = 200_000;
const OWN_TAGS = new Set([BADGE_TAG, GUARD_TAG, NOTE_TAG, 'token-radar-overlay'].map((x) => x.toUpperCase()));

function isOwn(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && OWN_TAGS.has((n as Element).tagName)) return true;
    if (n.nodeType === 11) n = (n as ShadowRoot).host ?? null; // inside our shadow roots
    if (!n) return false;
  }
  return false;
}

function isOwnElement(n: Node): boolean {
  return n.nodeType === 1 && OWN_TAGS.has((n as Element).tagName);
}

/** A node the page added that may turn this page into a credential page: expiry words, a title, a grid. */
function mayMatter(node: Node): boolean {
  if (node.nodeType === 3) return EXPIRY_STEMS.test((node as Text).data);
  if (node.nodeType !== 1 || isOwnElement(node)) return false;
  const el = node as Element;
  if (el.matches(TITLE_BEARERS) || el.querySelector(TITLE_BEARERS)) return true;
  const text = el.textContent ?? '';
  // Its texts joined: word tests could fail across two of them, plain substrings do not.
  return text.length > MAX_CHANGED_TEXT || mayMentionExpiry(text);
}

/**
 * Where a scan read something: the table, grid, list or panel around each credential. A change
 * inside one of them (or one of them removed) needs a new scan; a change elsewhere needs one only
 * if it brings something new.
 */
export function regionsOf(scan: PageScan): Element[] {
  const out = new Set<Element>();
  for (const c of scan.credentials) {
    const a = c.anchor;
    if (!a?.isConnected) continue;
    out.add(a.closest('table, [role="grid"], [role="table"], [role="treegrid"], [role="list"], ul, ol, dl, form, section, article') ?? a.parentElement?.parentElement ?? a);
  }
  return [...out];
}

/** True when a batch of changes may change what a scan finds (`regions` null: any change may). Costs what changed, not the page. */
export function changesMatter(records: readonly MutationRecord[], regions: readonly Element[] | null): boolean {
  for (const r of records) {
    // Our own badges and notes coming and going are not a change of the page.
    if (r.type === 'childList' && [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every(isOwnElement)) continue;
    if (isOwn(r.target)) continue;
    if (regions === null) return true;
    const target = r.target;
    if (regions.some((el) => el.contains(target))) return true;
    // An attribute the reader reads, elsewhere: only a subtree shown again (`hidden` removed) may bring something new.
    if (r.type === 'attributes') {
      if (r.attributeName === 'hidden' && mayMatter(target)) return true;
      continue;
    }
    if (r.type === 'characterData') {
      if (mayMatter(target)) return true;
      continue;
    }
    for (const n of Array.from(r.addedNodes)) if (mayMatter(n)) return true;
    for (const n of Array.from(r.removedNodes)) if (n.nodeType === 1 && regions.some((el) => n === el || n.contains(el))) return true;
  }
  return false;
}

export interface PageWatchOptions {
  /** Consoles the admin added at their own address: the scan recognises them. */
  sites: readonly AddedSite[];
  /** A scan has finished. */
  onScan(scan: PageScan, at: Date): void;
  /** Where the last scan read credentials; null when any change may matter. */
  regions(): readonly Element[] | null;
}

export interface PageWatch {
  /** Reads the page now, a slice at a time; a scan under way is dropped for the new one. */
  rescan(): void;
  /** Reads it after the page has been quiet for a moment (a navigation, a guide that moved). */
  schedule(): void;
}

export function watchPage(signal: AbortSignal, doc: Document, options: PageWatchOptions): PageWatch {
  const win = doc.defaultView ?? window;
  let timer: number | undefined;
  let idle: number | undefined;
  /** When the first change not yet scanned arrived. */
  let pendingSince = 0;
  /** The scan under way, and whether the page changed meanwhile. */
  let running: Steps<PageScan> | undefined;
  let changedMeanwhile = false;

  const rescan = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined) cancelIdle(idle);
    timer = idle = undefined;
    pendingSince = 0;
    if (signal.aborted) return;
    running?.return(undefined as never);
    changedMeanwhile = false;
    const at = new Date();
    const steps = scanSteps(win.location.href, doc, at, { locale: win.navigator.language, sites: options.sites });
    running = steps;
    runSliced(
      steps,
      () => !signal.aborted && running === steps,
      (result) => {
        running = undefined;
        options.onScan(result, at);
        // The page changed while it was being read: read it again (debounced as usual).
        if (changedMeanwhile) schedule();
      },
    );
  };

  /** A scan after the page has been quiet for DEBOUNCE_MS (at most MAX_WAIT_MS after the first change), in idle time. */
  const schedule = () => {
    if (signal.aborted) return;
    if (running) {
      changedMeanwhile = true;
      return;
    }
    if (idle !== undefined) return;
    const at = Date.now();
    if (!pendingSince) pendingSince = at;
    if (timer !== undefined) {
      if (at - pendingSince >= MAX_WAIT_MS) return; // let the pending one run
      clearTimeout(timer);
    }
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, pendingSince + MAX_WAIT_MS - at));
    timer = win.setTimeout(() => {
      timer = undefined;
      idle = requestIdle(() => {
        idle = undefined;
        rescan();
      });
    }, wait);
  };

  const onChanges = (records: readonly MutationRecord[]) => {
    if (!signal.aborted && changesMatter(records, options.regions())) schedule();
  };
  // The reading layer's change log watches the document (and the shadow roots it read) anyway:
  // its observer serves both, rather than a second one seeing every change of the page again.
  let observer: MutationObserver | undefined;
  if (!listenToChanges(doc, onChanges, signal)) {
    observer = new MutationObserver(onChanges);
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  // The first scan waits until the page is idle: the console's own start-up goes first.
  idle = requestIdle(() => {
    idle = undefined;
    rescan();
  });

  signal.addEventListener('abort', () => {
    observer?.disconnect();
    // The listener above is gone already (it was added first): the change log stops unless another listens.
    forgetPage(doc);
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined) cancelIdle(idle);
    running?.return(undefined as never);
    running = undefined;
  });
  return { rescan, schedule };
}
