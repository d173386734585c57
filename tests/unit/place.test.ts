/** Where the overlay's boxes go so that they never cover the control to press or a guard's warning. */
import { describe, expect, it } from 'vitest';
import { boxAt, cornerToward, cornersFrom, intersects, nearestCorner, placeCallout, placeStack, type Box } from '../../lib/dom/place';
import { firstSentence } from '../../components/overlay/notes';

const view = { width: 1280, height: 800 };
const open = { width: 380, height: 300 };
const tab = { width: 170, height: 32 };

describe('the stack (guide card and panel)', () => {
  it('stays in the admin\'s corner when it covers nothing to keep clear', () => {
    expect(placeStack(view, open, tab, [], 'bottom-right')).toEqual({ corner: 'bottom-right', folded: false });
    expect(placeStack(view, open, tab, [{ top: 10, left: 10, width: 100, height: 30 }], 'top-right')).toEqual({ corner: 'top-right', folded: false });
  });

  it('moves to the other side, then the other edge, when its corner would cover the control to press', () => {
    const control: Box = { top: 600, left: 1000, width: 80, height: 30 };
    expect(placeStack(view, open, tab, [control], 'bottom-right')).toEqual({ corner: 'bottom-left', folded: false });
    const both: Box[] = [control, { top: 700, left: 100, width: 80, height: 30 }];
    expect(placeStack(view, open, tab, both, 'bottom-right')).toEqual({ corner: 'top-right', folded: false });
  });

  it('keeps a margin: a control just beside its box counts as covered', () => {
    const right = boxAt('bottom-right', open, view);
    const touching: Box = { top: right.top + 10, left: right.left - 5, width: 4, height: 20 };
    expect(placeStack(view, open, tab, [touching], 'bottom-right').corner).not.toBe('bottom-right');
  });

  it('folds to a tab when every corner would cover something, in a corner where the tab covers nothing', () => {
    const corners: Box[] = (['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const).map((c) => {
      const b = boxAt(c, open, view);
      return { top: b.top + b.height / 2, left: b.left + 20, width: 40, height: 20 };
    });
    const placed = placeStack(view, open, tab, corners, 'bottom-right');
    expect(placed.folded).toBe(true);
    const folded = boxAt(placed.corner, tab, view);
    expect(corners.some((c) => intersects(folded, c))).toBe(false);
  });

  it('folds when it is taller than the window, and ignores what is scrolled out of view', () => {
    expect(placeStack({ width: 800, height: 280 }, open, tab, [{ top: 5, left: 5, width: 10, height: 10 }], 'bottom-right').folded).toBe(true);
    expect(placeStack(view, open, tab, [{ top: 2000, left: 1000, width: 80, height: 30 }, { top: -400, left: 1000, width: 80, height: 30 }], 'bottom-right')).toEqual({ corner: 'bottom-right', folded: false });
  });

  it('tries corners from the admin\'s own, and docks where a drag ends or an arrow points', () => {
    expect(cornersFrom('top-left')).toEqual(['top-left', 'top-right', 'bottom-left', 'bottom-right']);
    expect(nearestCorner(view, 100, 700)).toBe('bottom-left');
    expect(nearestCorner(view, 1200, 50)).toBe('top-right');
    expect(cornerToward('bottom-right', 'ArrowUp')).toBe('top-right');
    expect(cornerToward('bottom-right', 'ArrowLeft')).toBe('bottom-left');
    expect(cornerToward('top-left', 'ArrowDown')).toBe('bottom-left');
    expect(cornerToward('top-left', 'Enter')).toBeNull();
  });
});

describe('the callout beside the highlighted control', () => {
  const size = { width: 240, height: 40 };
  it('goes below the control, else above, never over it or over a warning', () => {
    const ring: Box = { top: 200, left: 300, width: 80, height: 30 };
    expect(placeCallout(view, ring, size, [])).toEqual({ top: 236, left: 300 });
    // A note right below the control (the row's warning): above instead.
    const note: Box = { top: 240, left: 300, width: 300, height: 22 };
    const above = placeCallout(view, ring, size, [note])!;
    expect(above.top + size.height).toBeLessThanOrEqual(ring.top);
    expect(intersects({ ...above, ...size }, note)).toBe(false);
  });

  it('stays inside the window at its edges', () => {
    const low: Box = { top: 770, left: 1200, width: 70, height: 24 };
    const p = placeCallout(view, low, size, [])!;
    expect(p.top + size.height).toBeLessThanOrEqual(view.height);
    expect(p.left + size.width).toBeLessThanOrEqual(view.width);
    expect(intersects({ ...p, ...size }, low)).toBe(false);
  });

  it('is not drawn while the control is scrolled out of view', () => {
    expect(placeCallout(view, { top: -200, left: 300, width: 80, height: 30 }, size, [])).toBeNull();
    expect(placeCallout(view, { top: 900, left: 300, width: 80, height: 30 }, size, [])).toBeNull();
  });
});

describe('the stack, as the page scrolls', () => {
  it('stays where it is while that covers nothing, instead of hopping back to the admin\'s corner', () => {
    const somewhere: Box = { top: 5, left: 5, width: 10, height: 10 };
    expect(placeStack(view, open, tab, [somewhere], 'bottom-right', { corner: 'bottom-left', folded: false })).toEqual({ corner: 'bottom-left', folded: false });
    // Covering something there now: it moves, the admin's corner first.
    const there = boxAt('bottom-left', open, view);
    expect(placeStack(view, open, tab, [{ ...there, width: 20, height: 20 }], 'bottom-right', { corner: 'bottom-left', folded: false })).toEqual({ corner: 'bottom-right', folded: false });
  });

  it('never folds with nothing in view to keep clear, however tall it is', () => {
    expect(placeStack({ width: 800, height: 280 }, open, tab, [], 'top-left')).toEqual({ corner: 'top-left', folded: false });
  });
});

describe('a note beside a control: one line, the rest on demand', () => {
  it('splits the first sentence from the rest, in English, French and Japanese', () => {
    expect(firstSentence('Careful: “Download Token” resets the token the MDM uses now. Only press it when you finish the renewal.')).toEqual([
      'Careful: “Download Token” resets the token the MDM uses now.',
      'Only press it when you finish the renewal.',
    ]);
    expect(firstSentence('Revoking stops every device from receiving MDM commands at once.')).toEqual(['Revoking stops every device from receiving MDM commands at once.', '']);
    expect(firstSentence('Attention : ne pas créer. Renouvelez plutôt.')).toEqual(['Attention : ne pas créer.', 'Renouvelez plutôt.']);
    expect(firstSentence('新しい証明書は作らないでください。既存の行を更新します。')).toEqual(['新しい証明書は作らないでください。', '既存の行を更新します。']);
    // A dot inside a topic or a version is not the end of a sentence.
    expect(firstSentence('Not this row: its subject ID is not com.apple.mgmt.External.4f1c (v1.2).')).toEqual(['Not this row: its subject ID is not com.apple.mgmt.External.4f1c (v1.2).', '']);
    // Nor inside a quoted name.
    expect(firstSentence('Not this server: the renewal under way is for “Contoso Inc. HQ”. Careful: it resets the token.')).toEqual([
      'Not this server: the renewal under way is for “Contoso Inc. HQ”.',
      'Careful: it resets the token.',
    ]);
    expect(firstSentence('「Yahoo! Japan。本社」の更新ステップです。トークンをダウンロードします。')).toEqual(['「Yahoo! Japan。本社」の更新ステップです。', 'トークンをダウンロードします。']);
  });
});
