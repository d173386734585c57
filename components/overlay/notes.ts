/**
 * Warnings placed right after a control on the page ("Download Token resets the token in use"):
 * one line each, its first sentence, so that several in one row do not pile up over the page;
 * the rest, and the whole first sentence when it does not fit, on demand (a disclosure the
 * keyboard opens too). The full text is also the mark's tooltip.
 */
import { Marks, setText, type MarkKind } from './marks';

export const NOTE_TAG = 'token-radar-note';

/** The colours of a level (ok, warn, danger, info), light and dark: shared by notes and upload checks. */
export const LEVEL_STYLE = `
.danger { background: light-dark(#fce8e6, #4a0b07); color: light-dark(#5c0b05, #ffdad6); border-color: #b3261e; }
.warn { background: light-dark(#fef7e0, #3d3000); color: light-dark(#4a3000, #ffe8a8); border-color: #d69e00; }
.ok { background: light-dark(#e6f4ea, #0f3d22); color: light-dark(#0b3d1c, #d7f5e1); border-color: #1e8e3e; }
.info, .reading { background: light-dark(#e8f0fe, #0b2e6b); color: light-dark(#0b2e6b, #d6e4ff); border-color: #0b57d0; }`;

const NOTE_STYLE = `
:host { all: initial !important; color-scheme: light dark; display: inline-block !important; vertical-align: middle !important;
  margin: 2px 6px !important; max-width: min(360px, 100%) !important; visibility: visible !important; }
:host([data-theme='light']) { color-scheme: light; }
:host([data-theme='dark']) { color-scheme: dark; }
.b { display: block; font: 400 12px/1.4 system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', sans-serif;
  border-radius: 6px; border: 1px solid; border-inline-start-width: 4px; }
summary { display: block; list-style: none; cursor: pointer; padding: 2px 8px 2px 6px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-radius: 5px; }
summary::-webkit-details-marker { display: none; }
summary::before { content: '▸' / ''; display: inline-block; width: 1.1em; }
.b[open] summary::before { content: '▾' / ''; }
.b[open] summary { white-space: normal; }
summary:focus-visible { outline: 2px solid currentColor; outline-offset: 1px; }
.more { display: block; padding: 0 8px 4px calc(6px + 1.1em); }
.more:empty { display: none; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
${LEVEL_STYLE}`;

const QUOTES: Record<string, string> = { '“': '”', '«': '»', '「': '」', '『': '』', '"': '"', '(': ')', '（': '）' };

/**
 * The first sentence, and the rest ('' when there is one sentence). A sentence ends at . ! ?
 * followed by a space, or at 。！？; never inside quotes or brackets (a name such as “Contoso
 * Inc. HQ” or a topic stays whole).
 */
export function firstSentence(text: string): [string, string] {
  const s = text.trim();
  const open: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (open.length && c === open.at(-1)) open.pop();
    else if (c in QUOTES && !(c === '"' && open.at(-1) === '"')) open.push(QUOTES[c]!);
    else if (!open.length && ('。！？'.includes(c) || ('.!?'.includes(c) && /\s/.test(s[i + 1] ?? '')))) {
      const rest = s.slice(i + 1).trim();
      if (rest) return [s.slice(0, i + 1), rest];
    }
  }
  return [s, ''];
}

const NOTE_KIND: MarkKind = {
  eager: true,
  tag: NOTE_TAG,
  style: NOTE_STYLE,
  place: (anchor, mark) => anchor.insertAdjacentElement('afterend', mark),
  placed: (anchor, mark) => anchor.nextElementSibling === mark,
  build(doc, shadow, host) {
    const details = doc.createElement('details');
    details.className = 'b';
    const summary = doc.createElement('summary');
    const sr = doc.createElement('span');
    sr.className = 'sr';
    const head = doc.createElement('span');
    head.className = 't';
    summary.append(sr, head);
    const more = doc.createElement('span');
    more.className = 'more';
    details.append(summary, more);
    shadow.append(details);
    // Opening a note is not a click on the page's row or control it sits in, nor a key press for
    // the page's own widgets (only Enter and Space, which open it, are kept from the page).
    for (const type of ['click', 'pointerdown', 'mousedown']) host.addEventListener(type, (e) => e.stopPropagation());
    for (const type of ['keydown', 'keyup']) {
      host.addEventListener(type, (e) => {
        const key = (e as KeyboardEvent).key;
        if (key === 'Enter' || key === ' ') e.stopPropagation();
      });
    }
  },
  write(shadow, spec) {
    const [head, rest] = firstSentence(spec.text);
    setText(shadow.querySelector('.sr')!, `${spec.prefix} `);
    setText(shadow.querySelector('.t')!, head);
    setText(shadow.querySelector('.more')!, rest);
  },
};

export function createNotes(doc: Document): Marks {
  return new Marks(doc, NOTE_KIND);
}
