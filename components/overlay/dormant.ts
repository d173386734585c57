/**
 * A console frame that shows nothing to read stays dormant: the small script every console frame
 * loads (entrypoints/console.content) asks, in idle time, whether any of the frame's text could be
 * about a credential (the reader's own first test, lib/credentials/seeds.ts), whether it holds a file
 * field, and whether a renewal guide is under way. Until one of these is true, the reader, the
 * panel and their styles are not loaded into the frame at all; a MutationObserver looks only at
 * what the page adds or changes. `wake` is called once, and everything stops with `signal`.
 */
import { browser } from 'wxt/browser';
import { CANDIDATE, inCandidateSpan } from '../../lib/credentials/seeds';
import { GUIDE_KEY } from '../../lib/guide/store';
import { anyText } from '../../lib/dom/collect';
import type { Steps } from '../../lib/steps';
import { cancelIdle, requestIdle } from './idle';

/** The longest a slice of the first look may hold the page's main thread. */
const SLICE_MS = 4;
/** Above this, an added subtree's text is not searched: it wakes the frame. */
const MAX_ADDED_TEXT = 200_000;
const FILE_FIELD = 'input[type="file"]';

const candidate = (text: string) => CANDIDATE.test(text);
/** `candidate` for a subtree's whole text (its texts joined). */
const inSpan = inCandidateSpan;

/** A guide that is following steps (or paused on one): any console frame may hold its next control. */
export function guiding(state: unknown): boolean {
  const status = (state as { status?: unknown } | null | undefined)?.status;
  return status === 'active' || status === 'paused';
}

/** Whether a node the page added or changed makes the frame worth reading. Costs what changed, not the page. */
export function wakesFrame(node: Node): boolean {
  if (node.nodeType === 3) return candidate((node as Text).data);
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  if (el.matches(FILE_FIELD) || el.querySelector(FILE_FIELD)) return true;
  const text = el.textContent ?? '';
  return text.length > MAX_ADDED_TEXT || inSpan(text);
}

/** True when a batch of the page's changes makes the frame worth reading. */
export function changesWake(records: readonly MutationRecord[]): boolean {
  for (const r of records) {
    if (r.type === 'characterData') {
      if (wakesFrame(r.target)) return true;
      continue;
    }
    // A tab panel or a section shown by removing its `hidden` attribute.
    if (r.type === 'attributes') {
      if (!(r.target as Element).hasAttribute('hidden') && wakesFrame(r.target)) return true;
      continue;
    }
    for (const n of Array.from(r.addedNodes)) if (wakesFrame(n)) return true;
  }
  return false;
}

/** The open shadow roots of `el` and of the elements under it. */
function shadowRoots(el: Element): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  if (el.shadowRoot) out.push(el.shadowRoot);
  const all = el.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) if (all[i]!.shadowRoot) out.push(all[i]!.shadowRoot!);
  return out;
}

/** What a shadow root holds now: a file field, or text the reader could read. */
function rootWakes(root: ShadowRoot): boolean {
  if (root.querySelector(FILE_FIELD)) return true;
  const text = root.textContent ?? '';
  return text.length > MAX_ADDED_TEXT || inSpan(text);
}

/** A custom element may get its shadow root after it is added (once its definition loads): looked at again this much later. */
const LATE_SHADOW_MS = 1000;

export function watchDormant(signal: AbortSignal, doc: Document, wake: () => void): void {
  let done = false;
  let idle: number | undefined;
  let look: Steps<boolean> | undefined;
  const later = new Set<number>();
  const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden'] };
  const watched = new WeakSet<ShadowRoot>();
  /** Watches the shadow roots under `el` too (the document's observer does not see into them); true when one already holds something to read. */
  const watchShadows = (el: Element): boolean => {
    for (const root of shadowRoots(el)) {
      if (watched.has(root)) continue;
      watched.add(root);
      if (rootWakes(root)) return true;
      observer.observe(root, OPTIONS);
    }
    return false;
  };
  const observer = new MutationObserver((records) => {
    if (changesWake(records)) return finish();
    for (const r of records) {
      for (const n of Array.from(r.addedNodes)) {
        if (n.nodeType !== 1) continue;
        if (watchShadows(n as Element)) return finish();
        if ((n as Element).tagName.includes('-')) {
          const id = window.setTimeout(() => {
            later.delete(id);
            if (!done && n.isConnected && watchShadows(n as Element)) finish();
          }, LATE_SHADOW_MS);
          later.add(id);
        }
      }
    }
  });
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && GUIDE_KEY in changes && guiding(changes[GUIDE_KEY]!.newValue)) finish();
  };
  const stop = () => {
    done = true;
    observer.disconnect();
    try {
      browser.storage.onChanged.removeListener(onStorage);
    } catch {
      // The extension was reloaded or removed: its API is gone with it.
    }
    for (const id of later) clearTimeout(id);
    if (idle !== undefined) cancelIdle(idle);
    look?.return(false);
  };
  function finish() {
    if (done) return;
    stop();
    if (!signal.aborted) wake();
  }
  signal.addEventListener('abort', stop);

  observer.observe(doc.documentElement, OPTIONS);
  browser.storage.onChanged.addListener(onStorage);
  void browser.storage.local.get(GUIDE_KEY).then(
    (stored) => guiding(stored[GUIDE_KEY]) && finish(),
    () => undefined,
  );

  // The first look, a slice at a time in idle time: the console's own start-up goes first.
  const slice = () => {
    idle = undefined;
    if (done) return;
    if (!look) {
      if (doc.querySelector(FILE_FIELD)) return finish();
      look = anyText(doc.body ?? doc.documentElement, candidate, inSpan);
    }
    const end = performance.now() + SLICE_MS;
    for (;;) {
      const next = look.next();
      if (next.done) {
        look = undefined;
        // Nothing yet: the shadow roots of the page are watched from now on, as the document is.
        if (next.value || watchShadows(doc.documentElement)) finish();
        return;
      }
      if (performance.now() >= end) break;
    }
    idle = requestIdle(slice);
  };
  idle = requestIdle(slice);
}
