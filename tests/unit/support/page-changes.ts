/**
 * Random changes to a page and a copy of it read whole: shared by the unit test of reading a
 * page again (tests/unit/reading-again.test.ts, in the test DOM) and its browser test
 * (tests/e2e/reading-again.spec.ts, in Chromium).
 */
import type { PageScan } from '../../../lib/scan';

/** A small seeded generator: the same run every time. */
export function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const ids = new WeakMap<object, number>();
let next = 0;
export const idOf = (x: object | undefined) => (x ? (ids.get(x) ?? (ids.set(x, ++next), next)) : 0);

const TEXTS = ['Expires 3/14/2027', 'Expiration date', 'Last sync', '12/03/2027', 'Token expires in 12 days', 'Status', 'Revoked', '', 'Menu', 'Apple ID: mdm@contoso.example', 'Gültig bis 07.02.2027', '有効期限'];
const ATTRIBUTES: [string, string][] = [
  ['role', 'grid'],
  ['role', 'row'],
  ['role', 'columnheader'],
  ['aria-label', 'Enrollment program tokens'],
  ['colspan', '3'],
  ['data-automation-key', 'exp'],
  ['aria-rowcount', '400'],
  ['title', '2027-03-14'],
  ['class', 'changed'],
];

/** One random change somewhere in the page (not on a <form>: the test DOM's forms are proxies, and its MutationRecords name the element behind the proxy). */
export function change(pick: () => number): void {
  const all = Array.from(document.body.querySelectorAll('*'));
  const any = <T,>(list: readonly T[]): T | undefined => list[Math.floor(pick() * list.length)];
  const el = any(all);
  if (!el) return;
  const texts: Text[] = [];
  const walker = document.createTreeWalker(document.body, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  switch (Math.floor(pick() * 9)) {
    case 0: {
      const t = any(texts);
      if (t) t.data = any(TEXTS)!;
      break;
    }
    case 1:
      if (el !== document.body) el.remove();
      break;
    case 2: {
      const target = any(all);
      if (target && !el.contains(target)) target.append(el.cloneNode(true));
      break;
    }
    case 3: {
      const target = any(all);
      if (target && !el.contains(target)) target.before(el);
      break;
    }
    case 4:
      if (el.tagName !== 'FORM') el.toggleAttribute('hidden');
      break;
    case 5: {
      if (el.tagName === 'FORM') break;
      const [name, value] = any(ATTRIBUTES)!;
      if (el.getAttribute(name) === value) el.removeAttribute(name);
      else el.setAttribute(name, value);
      break;
    }
    case 6: {
      // A component added with its shadow root (a shadow root attached to an element already in the page is not seen: see READ_WHOLE_EVERY_MS).
      const host = document.createElement(pick() < 0.5 ? 'mdm-card' : 'div');
      host.attachShadow({ mode: 'open' }).innerHTML = `<dl><dt>${any(TEXTS)}</dt><dd>${any(TEXTS)}</dd></dl><slot></slot>`;
      host.textContent = any(TEXTS)!;
      el.append(host);
      break;
    }
    case 7: {
      const shadowed = all.filter((e) => e.shadowRoot);
      const sr = any(shadowed)?.shadowRoot;
      const inner = sr ? any(Array.from(sr.querySelectorAll('*'))) : undefined;
      if (inner) inner.textContent = any(TEXTS)!;
      else el.insertAdjacentHTML('beforeend', `<p>${any(TEXTS)}</p>`);
      break;
    }
    default:
      el.textContent = any(TEXTS)!;
  }
}

/** A copy of the page in a document of its own (open shadow roots too), and which original each copied node stands for. */
export function copyOfPage(): { doc: Document; original: Map<Node, Node> } {
  const doc = document.implementation.createHTMLDocument('');
  const original = new Map<Node, Node>();
  const copy = (node: Node): Node => {
    const c = doc.importNode(node, false);
    original.set(c, node);
    for (let child = node.firstChild; child; child = child.nextSibling) c.appendChild(copy(child));
    const sr = (node as Element).shadowRoot;
    if (sr) {
      const csr = (c as Element).attachShadow({ mode: 'open' });
      for (let child = sr.firstChild; child; child = child.nextSibling) csr.appendChild(copy(child));
    }
    return c;
  };
  const html = copy(document.documentElement);
  doc.documentElement.remove();
  doc.appendChild(html);
  return { doc, original };
}

/** A scan as plain data: anchors by identity (through `original` for a copy). */
export function plainScan(scan: PageScan, original?: Map<Node, Node>): unknown {
  const id = (el: Element | undefined) => idOf(el && (original?.get(el) ?? el));
  return { ...scan, credentials: scan.credentials.map((c) => ({ ...c, anchor: id(c.anchor) })) };
}

