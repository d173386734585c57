/**
 * Keeps the overlay in step with the page, without the page noticing: the first scan waits for
 * the browser to be idle; afterwards one MutationObserver per document looks at what changed
 * (work in proportion to the change) and asks for a new scan only when the change can matter:
 * inside what the last scan read, text that mentions an expiry, a new heading or grid, or any
 * change while a renewal guide is open. A frame that shows no credential stays dormant: no UI,
 * no scans, until such a change arrives. Scans are debounced (with a ceiling, so a page that
 * never stops changing is still read) and run in idle time. Then the panel and guide are
 * re-rendered, badges and warnings moved, and new observations and guide progress reported.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { expiryView } from '../../lib/wording/describe';
import { findStepTarget } from '../../lib/guide/find';
import { guardNotes } from '../../lib/guide/guards';
import type { GuideAction, GuideState } from '../../lib/guide/machine';
import { guideProgress } from '../../lib/guide/progress';
import { watchGuide } from '../../lib/guide/store';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messages';
import { observationKey, toObservation } from '../../lib/observation';
import { scanSteps, type AddedSite, type FoundCredential, type PageScan } from '../../lib/scan';
import type { Steps } from '../../lib/steps';
import { guardText, stepText } from '../../lib/wording/guide';
import { outlineOf } from '../../lib/consoles/outline';
import { Marks, BADGE_TAG } from './marks';
import { EXPIRY_STEMS } from '../../lib/consoles/vocabulary';
import { createNotes, NOTE_TAG } from './notes';
import type { OverlayProps } from './Overlay';
import { GUARD_TAG, watchUploads } from './upload-check';

/** Quiet time after the last page change before a rescan. */
const DEBOUNCE_MS = 300;
/** A page that never stops changing is still read this often. */
const MAX_WAIT_MS = 2000;
/** How long a scan may wait for the browser to be idle. */
const IDLE_TIMEOUT_MS = 1000;
/** Elements that carry a page's or a grid's title: a new one may make the page a credential page. */
const TITLE_BEARERS = 'h1, h2, [role="heading"], caption, [role="grid"], [role="table"], table, [role="tab"], input[type="file"]';
/** The longest a piece of our work may hold the page's main thread (a frame is 16.7 ms). */
const SLICE_MS = 6;
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
  return text.length > MAX_CHANGED_TEXT || EXPIRY_STEMS.test(text);
}

/**
 * Where the last scan read something: the table, grid, list or panel around each credential.
 * A change inside one of them (or one of them removed) needs a new scan; a change elsewhere
 * needs one only if it brings something new.
 */
function regionsOf(scan: PageScan): Element[] {
  const out = new Set<Element>();
  for (const c of scan.credentials) {
    const a = c.anchor;
    if (!a?.isConnected) continue;
    out.add(a.closest('table, [role="grid"], [role="table"], [role="treegrid"], [role="list"], ul, ol, dl, form, section, article') ?? a.parentElement?.parentElement ?? a);
  }
  return [...out];
}

/** Resending an observation the worker did not answer: first after this long, doubling up to the ceiling. */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 8_000;
/** An answer not back by then is taken as lost (a worker stopped mid-message may never answer) and the observation is sent again. */
const ANSWER_WAIT_MS = 10_000;

/** Mounts the overlay's UI (its shadow root) the first time there is something to show. */
export interface LazyUi {
  /** Draws the panel and guide card into the container (null clears it); available once `mount` has resolved. */
  render(props: OverlayProps | null, container: HTMLElement): void;
  /** The container, or null while nothing has been mounted. */
  container(): HTMLElement | null;
  /** Mounts the UI; resolves to its container. */
  mount(): Promise<HTMLElement>;
  /** Removes the UI (the extension stopped). */
  remove(): void;
}

export function startOverlay(ctx: ContentScriptContext, sites: readonly AddedSite[], ui: LazyUi): () => void {
  const badges = new Marks(document);
  const notes = createNotes(document);
  const isMain = window === window.top;
  let lastKey = '';
  let timer: number | undefined;
  let idle: number | undefined;
  /** When the first change not yet scanned arrived. */
  let pendingSince = 0;
  /** Where the last scan read credentials; `null` when any change may matter (a credential page with nothing read, a guide). */
  let regions: Element[] | null = [];
  let mounting = false;
  /** The scan under way (run a slice at a time), and whether the page changed meanwhile. */
  let running: Steps<PageScan> | undefined;
  let changedMeanwhile = false;
  let error: string | undefined;
  let scan: PageScan = { console: null, page: null, credentials: [] };
  let now = new Date();
  let guide: GuideState | null = null;
  let target: Element | null = null;
  let lagging = false;
  let reportedRenewal = '';
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = RETRY_FIRST_MS;
  /** Push certificates of this page the worker says were created anew beside another (by index in the scan). */
  let replaced: { index: number; topic: string; newer: boolean }[] = [];
  let answeredKey = '';

  const guideAction = (action: GuideAction) => {
    void send({ type: 'guide-action', action }).catch(() => undefined);
  };
  const startGuide = (c: FoundCredential) => {
    const found = { kind: c.kind, name: c.name, expiresOn: c.expiresOn, ...(c.topic ? { topic: c.topic } : {}) };
    void send({ type: 'guide-start', found, ...(scan.console ? { console: scan.console } : {}), ...(scan.account ? { account: scan.account } : {}) }).then(
      (answer) => {
        if (!answer.ok) {
          error = answer.error;
          draw();
        }
      },
    );
  };
  const addByHand = () => {
    const first = scan.unreadable?.prefill ?? {};
    void send({ type: 'open-add', prefill: { ...first, ...(scan.console ? { console: scan.console } : {}) } }).catch(() => undefined);
  };
  const saveOutline = (): boolean => {
    try {
      const text = outlineOf(document, scan, now);
      const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `token-radar-outline-${scan.console ?? 'page'}-${now.toISOString().slice(0, 10)}.txt`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    } catch {
      return false;
    }
  };
  const showTarget = () => {
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    (target as HTMLElement).focus?.();
  };

  const draw = () => {
    const step = guide?.steps?.[guide.step];
    const view = guide && scan.console ? { state: guide, targetFound: !!target, lagging } : null;
    const container = ui.container();
    if (!container) {
      // Nothing mounted yet: mount only when there is something to show (a dormant frame costs the page nothing).
      const wanted = !!error || (!!scan.console && (scan.credentials.length > 0 || !!scan.unreadable)) || (!!view && (isMain || !!target));
      if (wanted && !mounting) {
        mounting = true;
        ui.mount().then(
          () => {
            mounting = false;
            if (ctx.isValid) draw();
          },
          () => {
            // Not loaded this time (the worker was restarting): try again shortly.
            mounting = false;
            setTimeout(() => ctx.isValid && draw(), RETRY_FIRST_MS * 4);
          },
        );
      }
      return;
    }
    ui.render(
      {
        scan,
        now,
        error,
        guide: view,
        showGuide: !!view && (isMain || !!target),
        highlight: guide?.status === 'active' && target && step ? { target, label: stepText(step, guide) } : null,
        onGuide: guideAction,
        onShowTarget: showTarget,
        onStartGuide: startGuide,
        onAddByHand: addByHand,
        onSaveOutline: saveOutline,
      },
      container,
    );
  };

  /** Where the guide stands on this page (lib/guide/progress.ts); what the page shows has happened is reported once. */
  const follow = () => {
    const progress = guideProgress(document, scan, guide);
    target = progress.target;
    lagging = progress.lagging;
    for (const action of progress.actions) {
      if (action.type === 'renewed') {
        if (reportedRenewal === action.expiresOn) continue;
        reportedRenewal = action.expiresOn;
      }
      guideAction(action);
    }
  };

  /** Shows what a finished scan found: the panel and guide first, then badges and warnings, then the report, each in its own slice of idle time. */
  const apply = (result: PageScan, at: Date) => {
    scan = result;
    now = at;
    const guiding = !!guide && (guide.status === 'active' || guide.status === 'paused');
    // A recognised page with nothing read, or a guide: any change may matter. Otherwise only changes to what was read, or new text.
    regions = guiding || (scan.page !== null && scan.credentials.length === 0) || scan.unreadable ? null : regionsOf(scan);
    follow();
    draw();
    const current = () => ctx.isValid && scan === result;
    requestIdle(() => {
      if (!current()) return;
      const prefix = t('badgePrefix');
      badges.sync(
        scan.credentials.flatMap((c) => {
          if (!c.anchor) return [];
          const view = expiryView(c.kind, c.expiresOn, now, undefined, c.health);
          return [{ anchor: c.anchor, urgency: view.urgency, text: view.text, prefix }];
        }),
      );
      requestIdle(() => {
        if (!current()) return;
        report();
        syncNotes();
      });
    });
  };

  /** The guards' warnings, and the worker's word on push certificates created anew instead of renewed, beside what they concern. */
  const syncNotes = () => {
    const prefix = t('badgePrefix');
    const list = guardNotes(document, scan.console, guide).map((n) => ({ anchor: n.anchor, urgency: n.level, text: guardText(n), prefix }));
    for (const r of replaced) {
      const anchor = scan.credentials[r.index]?.anchor;
      if (anchor) list.push({ anchor, urgency: r.newer ? 'danger' : 'warn', text: t(r.newer ? 'replacedPushNew' : 'replacedPush', r.topic), prefix });
    }
    notes.sync(list);
  };

  /** Tells the background what this page shows, when it differs from what was told last. */
  const report = () => {
    const observation = toObservation(scan, location.href, now);
    if (!observation) return;
    const key = observationKey(observation);
    if (key === lastKey) return;
    // What the worker said of the last observation's certificates no longer points at this scan's.
    if (key !== answeredKey) replaced = [];
    lastKey = key;
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    let waited: ReturnType<typeof setTimeout> | undefined;
    Promise.race([
      send({ type: 'observe', observation }),
      new Promise<never>((_, reject) => {
        waited = setTimeout(() => reject(new Error('no answer in time')), ANSWER_WAIT_MS);
      }),
    ])
      .finally(() => clearTimeout(waited))
      .then((answer) => {
        // No answer: the worker stopped while handling it.
        if (!answer) throw new Error('no answer');
        // A storage failure (full disk, newer inventory, a database closing with its worker) is
        // told where the admin is looking, and the observation is sent again: it may pass next
        // time. Only a message the worker refused as malformed is not repeated.
        const next = !answer.ok ? answer.error : undefined;
        if (next !== error) {
          error = next;
          draw();
        }
        if (answer.ok) {
          retryDelay = RETRY_FIRST_MS;
          const next = answer.replaced ?? [];
          // Indexes are the observation's: only for the scan it came from.
          if (lastKey === key && (next.length || replaced.length)) {
            answeredKey = key;
            replaced = next;
            syncNotes();
          }
        }
        else if (answer.code === 'invalid') lastKey = '';
        else throw new Error(answer.code);
      })
      .catch(() => {
        // The background was stopped or is restarting: send again until it answers, waiting
        // longer each time (observations merge, so a repeat is harmless). A newer reading of
        // the page replaces this one; an updated extension ends here (its context is gone).
        if (lastKey !== key || !ctx.isValid) return;
        lastKey = '';
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          if (ctx.isValid) report();
        }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
      });
  };

  /** Reads the page again, a slice at a time; a scan already under way is dropped for the new one. */
  const rescan = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined) cancelIdle(idle);
    timer = idle = undefined;
    pendingSince = 0;
    if (!ctx.isValid) return;
    running?.return(undefined as never);
    changedMeanwhile = false;
    const at = new Date();
    const steps = scanSteps(location.href, document, at, { locale: navigator.language, sites });
    running = steps;
    const slice = () => {
      if (!ctx.isValid || running !== steps) return;
      const end = performance.now() + SLICE_MS;
      for (;;) {
        const next = steps.next();
        if (next.done) {
          running = undefined;
          apply(next.value, at);
          // The page changed while it was being read: read it again (debounced as usual).
          if (changedMeanwhile) schedule();
          return;
        }
        if (performance.now() >= end) break;
      }
      requestIdle(slice);
    };
    slice();
  };

  // Plain timers (not ctx.setTimeout, which adds an invalidation listener per call): `rescan` checks the context itself.
  const requestIdle = (fn: () => void): number =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS }) : window.setTimeout(fn, 0);
  const cancelIdle = (id: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : clearTimeout(id));
  /** A scan after the page has been quiet for DEBOUNCE_MS (at most MAX_WAIT_MS after the first change), in idle time. */
  const schedule = () => {
    if (!ctx.isValid) return;
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
    timer = window.setTimeout(() => {
      timer = undefined;
      idle = requestIdle(() => {
        idle = undefined;
        rescan();
      });
    }, wait);
  };

  /** True when a batch of changes may change what a scan finds. Costs what changed, not the page. */
  const matters = (records: MutationRecord[]): boolean => {
    for (const r of records) {
      // Our own badges and notes coming and going are not a change of the page.
      if (r.type === 'childList' && [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every(isOwnElement)) continue;
      if (isOwn(r.target)) continue;
      if (regions === null) return true;
      const target = r.target;
      if (regions.some((el) => el.contains(target))) return true;
      if (r.type === 'characterData') {
        if (mayMatter(target)) return true;
        continue;
      }
      for (const n of Array.from(r.addedNodes)) if (mayMatter(n)) return true;
      for (const n of Array.from(r.removedNodes)) if (n.nodeType === 1 && regions.some((el) => n === el || n.contains(el))) return true;
    }
    return false;
  };

  const observer = new MutationObserver((records) => {
    if (matters(records)) schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.addEventListener(window, 'wxt:locationchange', schedule);

  // The guide: its state lives in extension storage, written by the background only.
  let guideLoaded = false;
  const stopWatching = watchGuide((state) => {
    guide = state;
    // The first reading scans at once (a click may come before the debounce); changes wait for it.
    if (!guideLoaded) {
      guideLoaded = true;
      if (guide && ctx.isValid) rescan();
    } else schedule();
  });
  // A step is done when the admin activates its control (or picks a file in it): we only watch.
  const stepDone = (kind: 'click' | 'file', event: Event) => {
    // Only what the admin did: a page's script clicking or filling a field does not move the guide.
    if (!event.isTrusted) return;
    const step = guide?.steps?.[guide.step];
    if (!guide || guide.status !== 'active' || !step || step.done.type !== kind || !scan.console || !step.sites.includes(scan.console)) return;
    // The page may have changed since the last scan: look for the control again if needed.
    const control = target?.isConnected ? target : findStepTarget(document, step, guide);
    if (!control || !(event.target instanceof Node) || !control.contains(event.target)) return;
    if (kind === 'file' && !((event.target as HTMLInputElement).files?.length)) return;
    guideAction({ type: 'done', stepId: step.id });
  };
  ctx.addEventListener(document, 'click', (e: Event) => stepDone('click', e), { capture: true, passive: true });
  ctx.addEventListener(document, 'change', (e: Event) => stepDone('file', e), { capture: true, passive: true });

  // The first scan waits until the page is idle: the console's own start-up goes first.
  idle = requestIdle(() => {
    idle = undefined;
    rescan();
  });
  watchUploads(ctx, () => scan);
  // When the extension is disabled, reloaded or updated, this script is left behind in the page:
  // checking the context now and then (a property read) lets the overlay remove itself.
  ctx.setInterval(() => undefined, 2000);

  const stop = () => {
    observer.disconnect();
    stopWatching();
    if (timer !== undefined) clearTimeout(timer);
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    if (idle !== undefined) cancelIdle(idle);
    running?.return(undefined as never);
    running = undefined;
    badges.clear();
    notes.clear();
    const container = ui.container();
    if (container) ui.render(null, container);
    ui.remove();
  };
  ctx.onInvalidated(stop);
  return stop;
}
