/**
 * Keeps the overlay in step with the page: scans once, then again after the page changes
 * (one debounced MutationObserver per document, plus single-page navigation), re-renders the
 * panel and the renewal guide, moves the badges and warnings, and reports new observations
 * and guide progress to the background.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { expiryView } from '../../lib/credentials/describe';
import { findStepTarget } from '../../lib/guide/find';
import { flowById } from '../../lib/guide/flows';
import { guardNotes } from '../../lib/guide/guards';
import { guideMatches, type GuideAction, type GuideState } from '../../lib/guide/machine';
import { watchGuide } from '../../lib/guide/store';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messages';
import { observationKey, toObservation } from '../../lib/observation';
import { scanPage, type FoundCredential, type PageScan } from '../../lib/scan';
import { stepText } from '../../lib/guide/describe';
import { outlineOf } from '../../lib/consoles/outline';
import { Badges, BADGE_TAG } from './badges';
import { createNotes, NOTE_TAG } from './notes';
import { Overlay } from './Overlay';
import { GUARD_TAG, watchUploads } from './upload-guard';

/** Quiet time after the last page change before a rescan. */
const DEBOUNCE_MS = 300;
const OWN_TAGS = new Set([BADGE_TAG, GUARD_TAG, NOTE_TAG, 'token-radar-overlay'].map((x) => x.toUpperCase()));

function isOwn(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && OWN_TAGS.has((n as Element).tagName)) return true;
    if (n.nodeType === 11) n = (n as ShadowRoot).host ?? null; // inside our shadow roots
    if (!n) return false;
  }
  return false;
}

/** True when a mutation batch touches the page itself, not only our badges and panel. */
function touchesPage(records: MutationRecord[]): boolean {
  return records.some((r) => {
    if (isOwn(r.target)) return false;
    if (r.type === 'childList') {
      const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
      return nodes.some((n) => !(n.nodeType === 1 && OWN_TAGS.has((n as Element).tagName)));
    }
    return true;
  });
}

export function startOverlay(ctx: ContentScriptContext, container: HTMLElement): () => void {
  const badges = new Badges(document);
  const notes = createNotes(document);
  const isMain = window === window.top;
  let lastKey = '';
  let timer: number | undefined;
  let error: string | undefined;
  let scan: PageScan = { console: null, page: null, credentials: [] };
  let now = new Date();
  let guide: GuideState | null = null;
  let target: Element | null = null;
  let lagging = false;
  let reportedRenewal = '';

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
    const flow = guide ? flowById(guide.flowId) : undefined;
    const step = flow && guide ? flow.steps[guide.step] : undefined;
    const view = guide && scan.console ? { state: guide, targetFound: !!target, lagging } : null;
    render(
      <Overlay
        scan={scan}
        now={now}
        error={error}
        guide={view}
        showGuide={!!view && (isMain || !!target)}
        highlight={guide?.status === 'active' && target && step ? { target, label: stepText(step, guide) } : null}
        onGuide={guideAction}
        onShowTarget={showTarget}
        onStartGuide={startGuide}
        onAddByHand={addByHand}
        onSaveOutline={saveOutline}
      />,
      container,
    );
  };

  /** Where the guide stands on this page: the current step's control, and whether the console already shows the renewal. */
  const follow = () => {
    target = null;
    lagging = false;
    const flow = guide ? flowById(guide.flowId) : undefined;
    if (!guide || !flow || (guide.status !== 'active' && guide.status !== 'paused')) return;
    const step = flow.steps[guide.step];
    if (step && scan.console && step.sites.includes(scan.console)) {
      target = findStepTarget(document, step, guide);
      // A click that navigated (Renew opens another page) may not have been reported before the
      // page went away: when this page shows the next step's control and not this one's, it was done.
      const next = flow.steps[guide.step + 1];
      if (!target && guide.status === 'active' && step.done.type === 'click' && next?.sites.includes(scan.console) && findStepTarget(document, next, guide)) {
        guideAction({ type: 'done', stepId: step.id });
      }
    }
    if (scan.console === flow.console) {
      const shown = scan.credentials.find((c) => guideMatches(guide!, c) && c.expiresOn);
      if (shown?.expiresOn && (!guide.oldExpiry || shown.expiresOn > guide.oldExpiry)) {
        if (reportedRenewal !== shown.expiresOn) {
          reportedRenewal = shown.expiresOn;
          guideAction({ type: 'renewed', expiresOn: shown.expiresOn });
        }
      } else if (shown && step?.done.type === 'renewed') {
        lagging = true;
      }
    }
  };

  const rescan = () => {
    timer = undefined;
    if (!ctx.isValid) return;
    now = new Date();
    scan = scanPage(location.href, document, now, { locale: navigator.language });
    follow();
    draw();
    const prefix = t('badgePrefix');
    badges.sync(
      scan.credentials.flatMap((c) => {
        if (!c.anchor) return [];
        const view = expiryView(c.kind, c.expiresOn, now);
        return [{ anchor: c.anchor, urgency: view.urgency, text: view.text, prefix }];
      }),
    );
    notes.sync(guardNotes(document, scan.console, guide).map((n) => ({ anchor: n.anchor, urgency: n.level, text: n.text, prefix })));
    const observation = toObservation(scan, location.href, now);
    if (observation) {
      const key = observationKey(observation);
      if (key !== lastKey) {
        lastKey = key;
        send({ type: 'observe', observation })
          .then((answer) => {
            // A storage failure (full disk, newer inventory) is told where the admin is looking.
            const next = answer && !answer.ok ? answer.error : undefined;
            if (next !== error) {
              error = next;
              draw();
            }
            if (next) lastKey = '';
          })
          .catch(() => {
            // The background is restarting or the extension was updated: the next change resends.
            lastKey = '';
          });
      }
    }
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(rescan, DEBOUNCE_MS);
  };

  const observer = new MutationObserver((records) => {
    if (touchesPage(records)) schedule();
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
    const flow = guide ? flowById(guide.flowId) : undefined;
    const step = flow?.steps[guide?.step ?? -1];
    if (!guide || guide.status !== 'active' || !step || step.done.type !== kind || !scan.console || !step.sites.includes(scan.console)) return;
    // The page may have changed since the last scan: look for the control again if needed.
    const control = target?.isConnected ? target : findStepTarget(document, step, guide);
    if (!control || !(event.target instanceof Node) || !control.contains(event.target)) return;
    if (kind === 'file' && !((event.target as HTMLInputElement).files?.length)) return;
    guideAction({ type: 'done', stepId: step.id });
  };
  ctx.addEventListener(document, 'click', (e: Event) => stepDone('click', e), { capture: true, passive: true });
  ctx.addEventListener(document, 'change', (e: Event) => stepDone('file', e), { capture: true, passive: true });

  rescan();
  watchUploads(ctx, () => scan);
  // When the extension is disabled, reloaded or updated, this script is left behind in the page:
  // checking the context now and then (a property read) lets the overlay remove itself.
  ctx.setInterval(() => undefined, 2000);

  const stop = () => {
    observer.disconnect();
    stopWatching();
    if (timer !== undefined) clearTimeout(timer);
    badges.clear();
    notes.clear();
    render(null, container);
  };
  ctx.onInvalidated(stop);
  return stop;
}
