/**
 * Keeps the overlay's boxes off what the admin must see: measures the highlighted control, the
 * guards' controls and notes, the stack (guide card and panel) and the callout, once per frame
 * and only after something moved (scroll, resize, a size change, a render), then places them
 * with lib/dom/place.ts. Reads all boxes just after a frame is drawn (the layout is fresh then, so
 * reading costs nothing), then writes state once: no layout thrashing, no forced layout.
 * With nothing to keep clear, it measures nothing and the stack sits in the admin's corner.
 */
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { placeCallout, placeStack, type Box, type Corner, type Viewport } from '../../lib/dom/place';

export interface Placement {
  corner: Corner;
  folded: boolean;
  /** The highlighted control's box, padded (null when there is none or it has no box). */
  ring: Box | null;
  callout: { top: number; left: number } | null;
  /** It would be folded, and is open only because the admin opened it. */
  aside?: boolean;
}

const RING_PAD = 4;
const box = (r: DOMRect, pad = 0): Box => ({ top: r.top - pad, left: r.left - pad, width: r.width + 2 * pad, height: r.height + 2 * pad });
/** The box around an element's children (the stack itself spans its full width, mostly empty). */
function unionOf(children: HTMLCollection): { width: number; height: number } | null {
  let top = Infinity, left = Infinity, right = -Infinity, bottom = -Infinity;
  for (const child of Array.from(children)) {
    const r = child.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    top = Math.min(top, r.top);
    left = Math.min(left, r.left);
    right = Math.max(right, r.right);
    bottom = Math.max(bottom, r.bottom);
  }
  return top === Infinity ? null : { width: right - left, height: bottom - top };
}

const same = (a: Placement, b: Placement) =>
  a.corner === b.corner &&
  a.folded === b.folded &&
  JSON.stringify(a.ring) === JSON.stringify(b.ring) &&
  JSON.stringify(a.callout) === JSON.stringify(b.callout);

/** The window without its scrollbars: what fixed boxes are placed in. */
export function viewport(): Viewport {
  const root = document.documentElement;
  return { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight };
}

export function usePlacement(opts: {
  stack: RefObject<HTMLElement>;
  callout: RefObject<HTMLElement>;
  target: Element | null;
  avoid: readonly Element[];
  prefer: Corner;
  /** The admin opened the folded stack: show it even where it covers something. */
  forced: boolean;
}): Placement {
  const { stack, callout, target, avoid, prefer, forced } = opts;
  const [place, setPlace] = useState<Placement>({ corner: prefer, folded: false, ring: null, callout: null });
  // The stack's size the last time it was open, and the tab's: either is only measurable while shown.
  const sizes = useRef({ open: { width: 0, height: 0 }, tab: { width: 180, height: 34 } });
  const frame = useRef(0);
  const after = useRef<number | undefined>(undefined);
  const current = useRef(place);
  const lastPrefer = useRef(prefer);
  current.current = place;
  const watching = !!target || avoid.length > 0;

  const cancel = () => {
    cancelAnimationFrame(frame.current);
    clearTimeout(after.current);
  };
  // Read just after the next frame is drawn, when the page's layout is fresh: reading inside the
  // frame (in requestAnimationFrame) would make the browser lay the whole console out then, in our
  // task, after whatever the page changed.
  const measure = () => {
    cancel();
    frame.current = requestAnimationFrame(() => {
      after.current = window.setTimeout(read, 0);
    });
  };
  const read = () => {
    const view = viewport();
    // Reads first.
    const targetRect = target?.isConnected ? target.getBoundingClientRect() : null;
    const others = avoid.filter((el) => el.isConnected).map((el) => box(el.getBoundingClientRect()));
    const stackRect = stack.current && unionOf(stack.current.children);
    const calloutRect = callout.current?.getBoundingClientRect();
    if (stackRect && stackRect.height > 0) {
      if (current.current.folded && !forced) sizes.current.tab = { width: stackRect.width, height: stackRect.height };
      else sizes.current.open = { width: stackRect.width, height: stackRect.height };
    }
    // Then the placement, from numbers only.
    const ring = targetRect && (targetRect.width > 0 || targetRect.height > 0) ? box(targetRect, RING_PAD) : null;
    const calloutAt = ring && calloutRect ? placeCallout(view, ring, { width: calloutRect.width, height: calloutRect.height }, others) : null;
    const keep = [...(ring ? [ring] : []), ...(calloutAt && calloutRect ? [{ ...calloutAt, width: calloutRect.width, height: calloutRect.height }] : []), ...others];
    const open = sizes.current.open.height > 0 ? sizes.current.open : sizes.current.tab;
    // Where it is now, unless the admin just docked it elsewhere.
    const now = lastPrefer.current === prefer ? current.current : undefined;
    lastPrefer.current = prefer;
    const stacked = placeStack(view, open, sizes.current.tab, keep, prefer, now);
    const next: Placement = { corner: stacked.folded && forced ? prefer : stacked.corner, folded: stacked.folded, ring, callout: calloutAt };
    if (!same(next, current.current)) setPlace(next);
  };

  // After every render: the content (and so the size) may have changed.
  useLayoutEffect(() => {
    if (watching) measure();
    else if (current.current.corner !== prefer || current.current.folded || current.current.ring) setPlace({ corner: prefer, folded: false, ring: null, callout: null });
  });

  useEffect(() => {
    if (!watching) return;
    window.addEventListener('scroll', measure, { capture: true, passive: true });
    window.addEventListener('resize', measure, { passive: true });
    // The page may move things without scrolling: the control or the page around it changes size.
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    if (target) resized?.observe(target);
    // A note opened or closed changes size without scrolling anything.
    for (const el of avoid) resized?.observe(el);
    if (document.body) resized?.observe(document.body);
    if (stack.current) resized?.observe(stack.current);
    return () => {
      cancel();
      resized?.disconnect();
      window.removeEventListener('scroll', measure, { capture: true });
      window.removeEventListener('resize', measure);
    };
  }, [watching, target, avoid, prefer, forced]);

  // Opened by the admin: at once, not a frame later.
  return forced && place.folded ? { ...place, folded: false, aside: true } : place;
}
