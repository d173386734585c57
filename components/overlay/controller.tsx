/**
 * The overlay in a console frame, made of small features that each start with the content
 * script's AbortSignal and stop with it: the page watcher (./page-watch.ts: scans in idle time,
 * in proportion to what changed), the report to the worker (./report.ts), the guide's step
 * detection (./step-done.ts) and the upload check (./upload-check.ts). What is left here draws
 * what a scan found: the panel and guide card, the badges, the guards' notes, and where the guide
 * stands (lib/guide/progress.ts). A frame that shows no credential never mounts any UI.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { expiryView } from '../../lib/wording/describe';
import { guardNotes } from '../../lib/guide/guards';
import type { GuideAction, GuideState } from '../../lib/guide/machine';
import { guideProgress } from '../../lib/guide/progress';
import { watchGuide } from '../../lib/guide/store';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messages';
import type { AddedSite, ConsoleId, FoundCredential, PageScan } from '../../lib/scan';
import { guardText, stepText } from '../../lib/wording/guide';
import { outlineOf } from '../../lib/consoles/outline';
import { requestIdle, runSliced } from './idle';
import { textOf } from '../../lib/dom/read';
import { pageTheme, type Theme } from '../../lib/dom/theme';
import { consoleForUrl } from '../../lib/consoles/hosts';
import { Marks, type BadgeSpec } from './marks';
import type { Steps } from '../../lib/steps';
import { createNotes } from './notes';
import type { OverlayProps } from './Overlay';
import { regionsOf, watchPage } from './page-watch';
import { createReporter, RETRY_FIRST_MS } from './report';
import { watchStepDone } from './step-done';
import type { EarlyPresses } from './early-presses';
import { watchUploads } from './upload-check';
import { watchPanelPrefs } from './panel-prefs';
import type { Corner } from '../../lib/dom/place';

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

/** What a control says on the page: its visible text, else its accessible name. */
const controlText = (el: Element) => textOf(el) || el.getAttribute('aria-label') || (el as HTMLInputElement).value || '';

/** Frames of this page on a console's address: their own content scripts read them. */
function consoleFrames(sites: readonly AddedSite[]): boolean {
  for (const frame of Array.from(document.querySelectorAll('iframe[src]'))) {
    try {
      if (consoleForUrl(new URL((frame as HTMLIFrameElement).src, location.href).href, sites)) return true;
    } catch {
      // An address that is not one.
    }
  }
  return false;
}

/** Which step of which renewal a guide is at ('' for none). */
function stepOf(guide: GuideState | null): string {
  return guide ? `${guide.flowId}\u0000${guide.startedAt}\u0000${guide.step}` : '';
}

/** Starts the overlay's features in this frame; they all stop with the content script's context. */
export function startOverlay(ctx: ContentScriptContext, sites: readonly AddedSite[], ui: LazyUi, earlyPresses?: EarlyPresses): void {
  const signal = ctx.signal;
  // The admin's presses before the guide and the page are known (the small script records them
  // from before the reader started): the watch below cannot tell a step's button until then.
  let takeEarly: EarlyPresses | undefined = earlyPresses;
  const live = () => !signal.aborted;
  const badges = new Marks(document);
  const notes = createNotes(document);
  const isMain = window === window.top;
  /** Where the last scan read credentials; `null` when any change may matter (a credential page with nothing read, a guide). */
  let regions: Element[] | null = [];
  let mounting = false;
  let error: string | undefined;
  let scan: PageScan = { console: null, page: null, credentials: [] };
  let now = new Date();
  let guide: GuideState | null = null;
  let target: Element | null = null;
  /** The guide step `target` was found for: a control found for the step before is never taken for this one's. */
  let targetFor = '';
  let lagging = false;
  let reportedRenewal = '';
  let theme: Theme | null = null;
  /** A scan has finished: before it, "nothing here" would be a guess. */
  let scanned = false;
  /** Consoles where the admin hid the panel (the badges stay). */
  let hiddenOn: ReadonlySet<ConsoleId> = new Set();
  /** The corner the admin docked the panel in, per console. */
  let dockOn: Partial<Record<ConsoleId, Corner>> = {};
  /** What the overlay must not cover: the controls the guards warn about and their notes. */
  let keepClear: Element[] = [];

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
    const shown = target ? controlText(target) : undefined;
    const view = guide && scan.console ? { state: guide, targetFound: !!target, lagging, ...(shown ? { shown } : {}) } : null;
    const container = ui.container();
    // The top document of a console page that shows no credential says, quietly, that it is watched.
    // Not where the credentials live in frames of their own (Intune's blades, MaaS360's #Content):
    // their content scripts speak for them, and this page cannot know what they found.
    const quiet = isMain && scanned && !!scan.console && !hiddenOn.has(scan.console) && scan.credentials.length === 0 && !scan.unreadable && !consoleFrames(sites);
    if (!container) {
      // Nothing mounted yet: mount only when there is something to show (a dormant frame costs the page nothing).
      const panel = !!scan.console && !hiddenOn.has(scan.console) && (scan.credentials.length > 0 || !!scan.unreadable);
      const wanted = !!error || panel || quiet || (!!view && (isMain || !!target));
      if (wanted && !mounting) {
        mounting = true;
        ui.mount().then(
          () => {
            mounting = false;
            // The first render in a task of its own: the panel's script, its shadow root and its
            // first render in one go held a heavy console's main thread for 15-20 ms.
            setTimeout(() => live() && draw(), 0);
          },
          () => {
            // Not loaded this time (the worker was restarting): try again shortly.
            mounting = false;
            setTimeout(() => live() && draw(), RETRY_FIRST_MS * 4);
          },
        );
      }
      return;
    }
    const host = (container.getRootNode() as ShadowRoot).host as HTMLElement | undefined;
    if (host && (host.dataset.theme ?? null) !== theme) {
      if (theme) host.dataset.theme = theme;
      else delete host.dataset.theme;
    }
    ui.render(
      {
        scan,
        now,
        error,
        guide: view,
        showGuide: !!view && (isMain || !!target),
        highlight: guide?.status === 'active' && target && step ? { target, label: stepText(step, guide, shown) } : null,
        onGuide: guideAction,
        onShowTarget: showTarget,
        onStartGuide: startGuide,
        onAddByHand: addByHand,
        onSaveOutline: saveOutline,
        panelHidden: !!scan.console && hiddenOn.has(scan.console),
        quiet,
        onHideHere: () => {
          if (scan.console) void send({ type: 'panel-hidden', console: scan.console, hidden: true }).catch(() => undefined);
        },
        keepClear,
        dock: scan.console ? dockOn[scan.console] : undefined,
        onDock: (corner) => {
          if (scan.console) void send({ type: 'panel-dock', console: scan.console, corner }).catch(() => undefined);
        },
      },
      container,
    );
  };

  /**
   * Where the guide stands on this page (lib/guide/progress.ts); what the page shows has happened
   * is reported once, from a reading of the page (`report`): not from the page as last read when
   * the guide has just moved, which may not show yet what the press that moved it changed.
   */
  const follow = (report = true) => {
    const progress = guideProgress(document, scan, guide);
    // A control the page does not show yet (a wizard's later page, hidden) is not found: no
    // outline around nothing, no "Show me" that shows nothing. The page showing it rescans.
    target = progress.target && progress.target.getClientRects().length > 0 ? progress.target : null;
    targetFor = stepOf(guide);
    lagging = progress.lagging;
    if (!report) return;
    for (const action of progress.actions) {
      if (action.type === 'renewed') {
        if (reportedRenewal === action.expiresOn) continue;
        reportedRenewal = action.expiresOn;
      }
      guideAction(action);
    }
  };

  /** Shows what a finished scan found: the panel and guide first, then badges and warnings (worked out in slices of idle time, put in the page together), then the report. */
  const apply = (result: PageScan, at: Date) => {
    scanned = true;
    scan = result;
    now = at;
    // Light or dark as the console looks (its background may differ from the system setting).
    theme = pageTheme(document);
    badges.theme = theme;
    notes.theme = theme;
    const guiding = !!guide && (guide.status === 'active' || guide.status === 'paused');
    // A recognised page with nothing read, or a guide: any change may matter. Otherwise only changes to what was read, or new text.
    regions = guiding || (scan.page !== null && scan.credentials.length === 0) || scan.unreadable ? null : regionsOf(scan);
    follow();
    handOver();
    draw();
    const current = () => live() && scan === result;
    const run = ++marksRun;
    // The notes are written by this run: a notes-only run still under way is dropped.
    notesRun++;
    marking = true;
    runSliced(
      markSteps(result, at),
      () => current() && run === marksRun,
      () => {
        marking = false;
        // Notes asked for meanwhile (the worker's word on a replaced certificate) are written now, after these.
        if (notesWanted) {
          notesWanted = false;
          syncNotes();
        }
        requestIdle(() => {
          if (current()) reporter.report(scan, now, location.href);
        });
      },
      'idle',
    );
  };

  /**
   * Each credential's badge and the guards' notes: all read and worded first, a few at a time,
   * then put in the page as many at a time as a slice allows. Every slice that writes costs the
   * console a layout in its next frame (a few milliseconds on a heavy page, however few the
   * changes), and one slice writing them all made that frame's layout as long as all of them
   * (24-27 ms on the Apple Business Manager bench page): a slice's worth per frame.
   */
  function* markSteps(result: PageScan, at: Date): Steps<void> {
    const prefix = t('badgePrefix');
    const specs: BadgeSpec[] = [];
    let n = 0;
    for (const c of result.credentials) {
      if (++n % 8 === 0) yield;
      if (!c.anchor) continue;
      const view = expiryView(c.kind, c.expiresOn, at, undefined, c.health);
      specs.push({ anchor: c.anchor, urgency: view.urgency, text: view.text, prefix });
    }
    yield;
    const list = noteSpecs();
    yield;
    yield* badges.syncSteps(specs);
    yield* notes.syncSteps(list);
    keepClearOf(list);
  }

  /** The latest run of markSteps (a newer scan drops an older run) and of noteSteps. */
  let marksRun = 0;
  let notesRun = 0;
  /** markSteps is under way (it writes the notes too), and notes were asked for meanwhile. */
  let marking = false;
  let notesWanted = false;
  /** The guards' warnings, and the worker's word on push certificates created anew instead of renewed, beside what they concern. */
  const syncNotes = () => {
    // Never in the middle of the badges: dropping that run would leave the page without them.
    if (marking) {
      notesWanted = true;
      return;
    }
    const run = ++notesRun;
    runSliced(noteSteps(), () => live() && run === notesRun, () => undefined);
  };
  function* noteSteps(): Steps<void> {
    const list = noteSpecs();
    yield;
    yield* notes.syncSteps(list);
    keepClearOf(list);
  }
  function noteSpecs(): BadgeSpec[] {
    const prefix = t('badgePrefix');
    const list: BadgeSpec[] = guardNotes(document, scan.console, guide).map((n) => ({ anchor: n.anchor, urgency: n.level, text: guardText(n), prefix }));
    for (const r of reporter.replaced()) {
      const anchor = scan.credentials[r.index]?.anchor;
      if (anchor) list.push({ anchor, urgency: r.newer ? 'danger' : 'warn', text: t(r.newer ? 'replacedPushNew' : 'replacedPush', r.topic), prefix });
    }
    return list;
  }
  /** What the panel must keep clear of: the notes and what they are about (a change draws it again). */
  function keepClearOf(list: BadgeSpec[]): void {
    const clear = [...list.map((n) => n.anchor), ...notes.elements()];
    if (clear.length !== keepClear.length || clear.some((el, i) => el !== keepClear[i])) {
      keepClear = clear;
      draw();
    }
  }

  const reporter = createReporter(signal, {
    onError: (next) => {
      error = next;
      draw();
    },
    onReplaced: () => syncNotes(),
  });
  const watcher = watchPage(signal, document, { sites, onScan: (result, at) => apply(result, at), regions: () => regions });
  ctx.addEventListener(window, 'wxt:locationchange', () => watcher.schedule());

  // The guide: its state lives in extension storage, written by the background only.
  let guideLoaded = false;
  const stopWatching = watchGuide((state) => {
    guide = state;
    // The first reading scans at once (a click may come before the debounce); changes wait for it.
    if (!guideLoaded) {
      guideLoaded = true;
      handOver();
      if (guide && live()) watcher.rescan();
    } else {
      // The next step's control is looked for now, on the page as last read: until the page is
      // read again, the card would name the last step's control (a file field, by the path it
      // holds) and a press on the next one would not count.
      if (scanned && live()) {
        follow(false);
        draw();
      }
      watcher.schedule();
    }
  });
  signal.addEventListener('abort', stopWatching);
  /**
   * Once both the guide and the page's first scan are known, the presses recorded until then are
   * looked at as if made now (a step's button pressed before the reader could tell it), and the
   * recording stops: from then on the watch sees every press, so none is counted twice.
   */
  function handOver(): void {
    if (!takeEarly || !guideLoaded || !scanned) return;
    const presses = takeEarly();
    takeEarly = undefined;
    if (guide) replayPresses(presses);
  }
  const replayPresses = watchStepDone(signal, document, () => ({ guide, scan, target: targetFor === stepOf(guide) ? target : null }), (stepId) => guideAction({ type: 'done', stepId }));
  watchUploads(signal, document, () => scan);
  watchPanelPrefs(signal, (prefs) => {
    hiddenOn = prefs.hidden;
    dockOn = prefs.dock;
    draw();
  });
  // When the extension is disabled, reloaded or updated, this script is left behind in the page,
  // and no event tells it so (a port to the worker would also close whenever the worker sleeps):
  // reading the context's validity now and then (a property read) aborts the signal, and every
  // feature stops with it.
  ctx.setInterval(() => undefined, 2000);

  signal.addEventListener('abort', () => {
    badges.clear();
    notes.clear();
    const container = ui.container();
    if (container) ui.render(null, container);
    ui.remove();
  });
}
