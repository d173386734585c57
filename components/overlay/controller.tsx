/**
 * Keeps the overlay in step with the page: scans once, then again after the page changes
 * (one debounced MutationObserver per document, plus single-page navigation), re-renders the
 * panel, moves the badges, and reports new observations to the background.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messages';
import { observationKey, toObservation } from '../../lib/observation';
import { scanPage, type PageScan } from '../../lib/scan';
import { expiryView } from '../../lib/credentials/describe';
import { Badges, BADGE_TAG } from './badges';
import { Overlay } from './Overlay';
import { GUARD_TAG, watchUploads } from './upload-guard';

/** Quiet time after the last page change before a rescan. */
const DEBOUNCE_MS = 300;
const OWN_TAGS = new Set([BADGE_TAG.toUpperCase(), GUARD_TAG.toUpperCase(), 'TOKEN-RADAR-OVERLAY']);

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
  let lastKey = '';
  let timer: number | undefined;
  let error: string | undefined;
  let draw = () => {};
  let lastScan: PageScan = { console: null, page: null, credentials: [] };

  const rescan = () => {
    timer = undefined;
    if (!ctx.isValid) return;
    const now = new Date();
    const scan = scanPage(location.href, document, now);
    lastScan = scan;
    draw = () => render(<Overlay scan={scan} now={now} error={error} />, container);
    draw();
    const prefix = t('badgePrefix');
    badges.sync(
      scan.credentials.flatMap((c) => {
        if (!c.anchor) return [];
        const view = expiryView(c.kind, c.expiresOn, now);
        return [{ anchor: c.anchor, urgency: view.urgency, text: view.text, prefix }];
      }),
    );
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
  rescan();
  watchUploads(ctx, () => lastScan);

  const stop = () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    badges.clear();
    render(null, container);
  };
  ctx.onInvalidated(stop);
  return stop;
}
