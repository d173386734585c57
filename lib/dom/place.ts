/**
 * Where the overlay's boxes go so that they never cover what the admin must see on the page:
 * the control the guide points at, its callout, and the controls a guard warns about with their
 * notes. Pure geometry on viewport rectangles; the Overlay measures and draws.
 */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];
export const isCorner = (value: unknown): value is Corner => typeof value === 'string' && (CORNERS as readonly string[]).includes(value);

export interface Viewport {
  width: number;
  height: number;
}

/** Space between the overlay and the window's edge (the stack's CSS inset). */
export const EDGE = 16;
/** Space kept clear around anything that must stay visible. */
export const CLEAR = 8;

export function intersects(a: Box, b: Box, margin = 0): boolean {
  return a.left < b.left + b.width + margin && b.left - margin < a.left + a.width && a.top < b.top + b.height + margin && b.top - margin < a.top + a.height;
}

const inView = (b: Box, view: Viewport) => b.width > 0 && b.height > 0 && intersects(b, { top: 0, left: 0, width: view.width, height: view.height });

/** The box a `size` takes in `corner`. */
export function boxAt(corner: Corner, size: { width: number; height: number }, view: Viewport): Box {
  return {
    left: corner.endsWith('right') ? view.width - EDGE - size.width : EDGE,
    top: corner.startsWith('bottom') ? view.height - EDGE - size.height : EDGE,
    width: size.width,
    height: size.height,
  };
}

/** The admin's corner first, then the other side, then the other edge, then across. */
export function cornersFrom(prefer: Corner): Corner[] {
  const [v, h] = prefer.split('-') as ['top' | 'bottom', 'left' | 'right'];
  const ov = v === 'top' ? 'bottom' : 'top';
  const oh = h === 'left' ? 'right' : 'left';
  return [prefer, `${v}-${oh}`, `${ov}-${h}`, `${ov}-${oh}`] as Corner[];
}

export interface StackPlace {
  corner: Corner;
  /** No corner leaves the boxes to avoid clear: the stack folds to a small tab. */
  folded: boolean;
}

/**
 * The corner for the stack (the guide card and panel), given its size unfolded and folded to a
 * tab: where it is now (`current`) while that covers nothing, so that it does not hop between
 * corners as the page scrolls; else the admin's corner, else the first corner that covers nothing;
 * else folded to a tab in the first corner where the tab covers nothing (or the admin's).
 */
export function placeStack(
  view: Viewport,
  open: { width: number; height: number },
  tab: { width: number; height: number },
  avoid: readonly Box[],
  prefer: Corner,
  current?: StackPlace,
): StackPlace {
  const visible = avoid.filter((b) => inView(b, view));
  if (visible.length === 0) return { corner: prefer, folded: false };
  const clear = (box: Box) => !visible.some((b) => intersects(box, b, CLEAR));
  const order = cornersFrom(prefer);
  if (current && !current.folded) order.unshift(current.corner);
  // Taller than the window, it cannot keep anything clear.
  if (open.height <= view.height - 2 * EDGE) {
    const corner = order.find((c) => clear(boxAt(c, open, view)));
    if (corner) return { corner, folded: false };
  }
  return { corner: order.find((c) => clear(boxAt(c, tab, view))) ?? prefer, folded: true };
}

/**
 * Where the callout beside the highlighted control goes: below it, else above, else after it,
 * else before it; the first place inside the window that covers neither the control nor
 * anything to avoid. Returns its top-left corner.
 */
export function placeCallout(view: Viewport, ring: Box, size: { width: number; height: number }, avoid: readonly Box[]): { top: number; left: number } | null {
  // The control is scrolled out of view: a callout beside nothing would only mislead.
  if (!inView(ring, view)) return null;
  const gap = 6;
  const clamp = (v: number, max: number) => Math.max(CLEAR, Math.min(v, max - CLEAR));
  const x = clamp(ring.left, view.width - size.width);
  const y = clamp(ring.top, view.height - size.height);
  const candidates = [
    { top: ring.top + ring.height + gap, left: x },
    { top: ring.top - gap - size.height, left: x },
    { top: y, left: ring.left + ring.width + gap },
    { top: y, left: ring.left - gap - size.width },
  ];
  const fits = (p: { top: number; left: number }) => p.top >= 0 && p.left >= 0 && p.top + size.height <= view.height && p.left + size.width <= view.width;
  const others = avoid.filter((b) => inView(b, view));
  const free = (p: { top: number; left: number }) => {
    const box = { ...p, ...size };
    return !intersects(box, ring) && !others.some((b) => intersects(box, b));
  };
  return candidates.find((p) => fits(p) && free(p)) ?? candidates.find((p) => fits(p) && !intersects({ ...p, ...size }, ring)) ?? candidates[0]!;
}

/** The corner nearest a point (where a dragged panel is dropped). */
export function nearestCorner(view: Viewport, x: number, y: number): Corner {
  return `${y < view.height / 2 ? 'top' : 'bottom'}-${x < view.width / 2 ? 'left' : 'right'}` as Corner;
}

/** The corner an arrow key moves to from `from`. */
export function cornerToward(from: Corner, key: string): Corner | null {
  const [v, h] = from.split('-') as [string, string];
  switch (key) {
    case 'ArrowUp':
      return `top-${h}` as Corner;
    case 'ArrowDown':
      return `bottom-${h}` as Corner;
    case 'ArrowLeft':
      return `${v}-left` as Corner;
    case 'ArrowRight':
      return `${v}-right` as Corner;
    default:
      return null;
  }
}
