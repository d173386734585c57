/**
 * A page outline: what an admin can attach to a report when Token Radar could not read a
 * console page. It keeps the page's structure (tags, roles, the attributes that say how a grid
 * is built) and the label texts the reading layer knows; every other text and attribute value
 * is replaced by its shape (`Xxxxxxx XXX`, `9/99/9999`, `x@x.x`, `com.apple.mgmt.External.<uuid>`).
 * Built on the admin's machine, never sent anywhere.
 */
import { TOPIC_RE } from './read';

export interface OutlineOptions {
  /** True for a text that may be kept as it is (a label the reading layer knows, such as "Expiration date"). */
  isLabel(text: string): boolean;
  /** A header for the file: the console and page kind, never the URL. */
  header: string[];
  /** At most this many lines (a huge page is cut, and says so). */
  maxLines?: number;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const URL_LIKE = /\b(?:https?|ftp|file):\/\/\S+/gi;
const KEPT_ATTRIBUTES = ['lang', 'dir', 'role', 'aria-level', 'aria-rowcount', 'aria-colcount', 'aria-rowindex', 'aria-colindex', 'aria-expanded', 'aria-selected', 'colspan', 'type', 'data-automationid', 'data-automation-key', 'data-item-key'];
const LABEL_ATTRIBUTES = ['aria-label', 'title', 'placeholder'];
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'PATH', 'path', 'LINK', 'META']);

function shapeWords(text: string): string {
  return text
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{L}/gu, (c) => (c === 'X' ? c : 'x'))
    .replace(/\p{N}/gu, '9');
}

const SPECIAL = new RegExp(`(${TOPIC_RE.source})|(${EMAIL.source})|(${URL_LIKE.source})`, 'gi');

/** The shape of a text: letters become X or x, digits 9, addresses and topics their pattern. */
export function shapeOf(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SPECIAL)) {
    out += shapeWords(text.slice(last, m.index));
    out += m[1] ? 'com.apple.mgmt.External.<uuid>' : m[2] ? 'x@x.x' : '<url>';
    last = m.index + m[0].length;
  }
  return out + shapeWords(text.slice(last));
}

function keepOrShape(text: string, opts: OutlineOptions): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return '';
  if (clean.length <= 80 && !/[@\d]/.test(clean) && !TOPIC_RE.test(clean) && opts.isLabel(clean)) return JSON.stringify(clean);
  return `~${JSON.stringify(shapeOf(clean.length > 120 ? `${clean.slice(0, 120)}…` : clean))}`;
}

/** The outline of a document or element, as text lines. */
export function pageOutline(root: Document | Element, opts: OutlineOptions): string {
  const max = opts.maxLines ?? 4000;
  const lines: string[] = [...opts.header.map((h) => `# ${h}`), ''];
  let cut = false;
  const visit = (el: Element, depth: number) => {
    if (lines.length >= max) {
      cut = true;
      return;
    }
    if (SKIP.has(el.tagName) || el.tagName.startsWith('TOKEN-RADAR')) return;
    const attrs: string[] = [];
    for (const name of KEPT_ATTRIBUTES) {
      const v = el.getAttribute(name);
      if (v === null) continue;
      // Counts and indexes are structure; a column key is kept only as a camelCase identifier (`expirationDate`), a row key never.
      const keep = /^\d{1,6}$/.test(v) || (name.startsWith('data-') && name.endsWith('key') ? /^[a-z][A-Za-z]{0,40}$/.test(v) : /^[A-Za-z][A-Za-z0-9_-]{0,40}$/.test(v));
      attrs.push(`${name}=${keep ? v : shapeOf(v)}`);
    }
    for (const name of LABEL_ATTRIBUTES) {
      const v = el.getAttribute(name);
      if (v) attrs.push(`${name}=${keepOrShape(v, opts)}`);
    }
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
      const value = (el as HTMLInputElement).value ?? el.getAttribute('value') ?? '';
      if (value && (el as HTMLInputElement).type !== 'file') attrs.push(`value=${keepOrShape(value, { ...opts, isLabel: () => false })}`);
    }
    // Text directly in this element (not in its children), kept if it is a known label, else shaped.
    const own = Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join(' ');
    const text = keepOrShape(own, opts);
    lines.push(`${'  '.repeat(depth)}${el.tagName.toLowerCase()}${attrs.length ? ` [${attrs.join(' ')}]` : ''}${text ? ` ${text}` : ''}`);
    const children = Array.from(el.children);
    if (el.shadowRoot) children.unshift(...Array.from(el.shadowRoot.children));
    // Long runs of alike rows: the first few show the structure; the rest are counted.
    let alike = 0;
    let previous = '';
    for (const child of children) {
      const signature = `${child.tagName}|${child.getAttribute('role') ?? ''}|${child.childElementCount}`;
      alike = signature === previous ? alike + 1 : 0;
      previous = signature;
      if (alike === 5) {
        const rest = children.slice(children.indexOf(child)).filter((c) => `${c.tagName}|${c.getAttribute('role') ?? ''}|${c.childElementCount}` === signature).length;
        lines.push(`${'  '.repeat(depth + 1)}… ${rest} more like the above`);
      }
      if (alike >= 5) continue;
      visit(child, depth + 1);
    }
  };
  const top = (root as Document).documentElement ?? (root as Element);
  if (top) visit(top, 0);
  if (cut) lines.push(`# … cut at ${max} lines`);
  return `${lines.join('\n')}\n`;
}
