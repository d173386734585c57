/** Warnings placed right after a control on the page ("Download Token resets the token in use"). */
import { Marks, type MarkKind } from './marks';

export const NOTE_TAG = 'token-radar-note';

/** The colours of a level (ok, warn, danger, info), light and dark: shared by notes and upload checks. */
export const LEVEL_STYLE = `
.danger { background: #fce8e6; color: #5c0b05; border-color: #b3261e; }
.warn { background: #fef7e0; color: #4a3000; border-color: #d69e00; }
.ok { background: #e6f4ea; color: #0b3d1c; border-color: #1e8e3e; }
.info, .reading { background: #e8f0fe; color: #0b2e6b; border-color: #0b57d0; }
@media (prefers-color-scheme: dark) {
  .danger { background: #4a0b07; color: #ffdad6; }
  .warn { background: #3d3000; color: #ffe8a8; }
  .ok { background: #0f3d22; color: #d7f5e1; }
  .info, .reading { background: #0b2e6b; color: #d6e4ff; }
}`;

const NOTE_STYLE = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 4px 6px; max-width: 420px; }
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
