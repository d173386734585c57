/**
 * Whether a page looks light or dark, from the background it paints (its body's, else its
 * root's): the overlay and the marks then match the console rather than the system setting.
 * Null when the page paints none (transparent): the system setting decides.
 */
export type Theme = 'light' | 'dark';

/** 'rgb(r, g, b)' / 'rgba(r, g, b, a)' as browsers compute colours, or '#rgb' / '#rrggbb'; null for anything else. */
function rgba(color: string): [number, number, number, number] | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((d) => d + d).join('') : hex;
    return [parseInt(full.slice(0, 2), 16), parseInt(full.slice(2, 4), 16), parseInt(full.slice(4, 6), 16), 1];
  }
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** Relative luminance (WCAG), 0 (black) to 1 (white). */
function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function themeOfColor(color: string): Theme | null {
  const c = rgba(color);
  if (!c || c[3] < 0.5) return null;
  // Where white and black text have the same contrast: below it, a background is dark.
  return luminance(c) < 0.179 ? 'dark' : 'light';
}

export function pageTheme(doc: Document): Theme | null {
  const view = doc.defaultView;
  if (!view) return null;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const theme = themeOfColor(view.getComputedStyle(el).backgroundColor);
    if (theme) return theme;
  }
  return null;
}
