/** Warnings placed right after a control on the page ("Download Token resets the token in use"). */
import { Marks, type MarkKind } from './marks';

export const NOTE_TAG = 'token-radar-note';

/** The colours of a level (ok, warn, danger, info), light and dark: shared by notes and upload checks. */
export const LEVEL_STYLE = `
.danger { background: light-dark(#fce8e6, #4a0b07); color: light-dark(#5c0b05, #ffdad6); border-color: #b3261e; }
.warn { background: light-dark(#fef7e0, #3d3000); color: light-dark(#4a3000, #ffe8a8); border-color: #d69e00; }
.ok { background: light-dark(#e6f4ea, #0f3d22); color: light-dark(#0b3d1c, #d7f5e1); border-color: #1e8e3e; }
.info, .reading { background: light-dark(#e8f0fe, #0b2e6b); color: light-dark(#0b2e6b, #d6e4ff); border-color: #0b57d0; }`;

const NOTE_STYLE = `
:host { all: initial; color-scheme: light dark; display: inline-block; vertical-align: middle; margin: 4px 6px; max-width: 420px; }
:host([data-theme='light']) { color-scheme: light; }
:host([data-theme='dark']) { color-scheme: dark; }
.b { display: block; font: 500 12px/1.4 system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', sans-serif;
  padding: 4px 8px; border-radius: 6px; border: 1px solid; border-inline-start-width: 4px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
${LEVEL_STYLE}`;

const NOTE_KIND: MarkKind = {
  tag: NOTE_TAG,
  style: NOTE_STYLE,
  place: (anchor, mark) => anchor.insertAdjacentElement('afterend', mark),
  placed: (anchor, mark) => anchor.nextElementSibling === mark,
};

export function createNotes(doc: Document): Marks {
  return new Marks(doc, NOTE_KIND);
}
