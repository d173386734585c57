/**
 * Checks a file the moment the admin picks it in a console's upload field, before they confirm:
 * the right kind of file, the push topic in use, already expired, the new expiry. It reads the
 * file in this frame with the file reader the background injects on demand; it never blocks
 * the page and never sends the file anywhere.
 */
import { LEVEL_STYLE } from './notes';
import { pageTheme } from '../../lib/dom/theme';
import { MAX_BYTES } from '../../lib/files/limits';
import type { inspectFile } from '../../lib/files';
import { expectedKind, uploadVerdict, type Verdict } from '../../lib/files/upload-check';
import { fieldKind } from '../../lib/files/upload-field';
import { consoleOf } from '../../lib/consoles/hosts';
import { t } from '../../lib/i18n';
import { verdictLines } from '../../lib/wording/file';
import { send } from '../../lib/messages';
import type { PageScan } from '../../lib/scan';

export const GUARD_TAG = 'token-radar-upload-check';
type Inspect = typeof inspectFile;

const STYLE = `
:host { all: initial; color-scheme: light dark; display: block; margin: 6px 0; max-width: 640px; }
:host([data-theme='light']) { color-scheme: light; }
:host([data-theme='dark']) { color-scheme: dark; }
.box { font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', sans-serif; border-radius: 8px;
  padding: 8px 10px; border: 1px solid; border-inline-start-width: 5px; }
.danger { font-weight: 400; }
p { margin: 2px 0; }
.title { font-weight: 600; }
.foot { font-size: 11px; opacity: 0.85; margin-top: 4px; }
${LEVEL_STYLE}`;

async function loadInspector(): Promise<Inspect> {
  const holder = globalThis as unknown as { __tokenRadarInspectFile?: Inspect };
  if (!holder.__tokenRadarInspectFile) {
    const answer = await send({ type: 'load-inspector' });
    if (!answer.ok) throw new Error(answer.error);
  }
  if (!holder.__tokenRadarInspectFile) throw new Error('file reader not loaded');
  return holder.__tokenRadarInspectFile;
}

function noteFor(input: HTMLInputElement): HTMLElement {
  const next = input.nextElementSibling;
  if (next && next.tagName.toLowerCase() === GUARD_TAG) return next as HTMLElement;
  const host = input.ownerDocument.createElement(GUARD_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = input.ownerDocument.createElement('style');
  style.textContent = STYLE;
  const box = input.ownerDocument.createElement('div');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  shadow.append(style, box);
  const theme = pageTheme(input.ownerDocument);
  if (theme) host.dataset.theme = theme;
  input.insertAdjacentElement('afterend', host);
  return host;
}

function show(host: HTMLElement, verdict: { level: Verdict['level']; lines: string[] } | 'reading'): void {
  const box = host.shadowRoot!.querySelector('div')!;
  const doc = host.ownerDocument;
  box.className = `box ${verdict === 'reading' ? 'reading' : verdict.level}`;
  host.dataset.level = verdict === 'reading' ? 'reading' : verdict.level;
  const lines = verdict === 'reading' ? [t('guardReading')] : verdict.lines;
  // Text only: file names and certificate fields are never parsed as HTML.
  box.replaceChildren(
    ...lines.map((line, i) => {
      const p = doc.createElement('p');
      p.textContent = i === 0 ? `${t('badgePrefix')} ${line}` : line;
      if (i === 0) p.className = 'title';
      return p;
    }),
  );
  if (verdict !== 'reading') {
    const foot = doc.createElement('p');
    foot.className = 'foot';
    foot.textContent = t('guardLocal');
    box.append(foot);
  }
}

/** Checks every file the admin picks in this document's upload fields, until `signal` aborts (then its notes go too). */
export function watchUploads(signal: AbortSignal, doc: Document, currentScan: () => PageScan): void {
  let generation = 0;
  const onChange = async (event: Event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    const file = input.files?.[0];
    const existing = input.nextElementSibling?.tagName.toLowerCase() === GUARD_TAG ? input.nextElementSibling : null;
    if (!file) {
      existing?.remove();
      return;
    }
    // Only a file the admin picked is read: a page's own script can fill a file field and fire 'change'.
    if (!event.isTrusted) return;
    const mine = ++generation;
    const host = noteFor(input);
    show(host, 'reading');
    const scan = currentScan();
    const expected = expectedKind(scan.console, scan.page, input.accept ?? '', fieldKind(input, scan.console ? consoleOf(scan.console).words : undefined));
    const topic = scan.credentials.find((c) => c.kind === 'apns' && c.topic)?.topic;
    try {
      // Reading past the limit is pointless: the reader turns such a file away by its size.
      const bytes = new Uint8Array(await file.slice(0, MAX_BYTES + 1).arrayBuffer());
      const inspect = await loadInspector();
      const report = await inspect(file.name, bytes, { now: new Date(), lastModified: file.lastModified, ...(expected ? { expect: expected } : {}) });
      if (mine !== generation || signal.aborted) return;
      const { level, notes } = uploadVerdict(report, expected, topic);
      show(host, { level, lines: verdictLines(report, notes) });
    } catch {
      if (mine === generation) host.remove();
    }
  };
  doc.addEventListener('change', (e: Event) => void onChange(e), { capture: true, passive: true, signal });
  signal.addEventListener('abort', () => {
    for (const el of Array.from(doc.querySelectorAll(GUARD_TAG))) el.remove();
  });
}
