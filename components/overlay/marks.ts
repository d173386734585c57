/**
 * The marks Token Radar puts into a console page: badges beside each credential's date and the
 * notes beside a control (the same machinery, another kind of mark, see notes.ts). A badge is a
 * tiny element with its own shadow root,
 * appended inside the element the date was read from, so the page's layout barely moves and no
 * position is ever measured (the badge moves with its row). One badge per anchor, updated in
 * place; badges whose credential is gone are removed. All badges share one constructed style
 * sheet; in a long list, a badge is created only when its row scrolls into view.
 */
import type { Urgency } from '../../lib/credentials/urgency';
import { drain, type Steps } from '../../lib/steps';

export const BADGE_TAG = 'token-radar-badge';

const STYLE = `
:host { all: initial; color-scheme: light dark; display: inline-block; margin-inline-start: 6px; vertical-align: middle; }
:host([data-theme='light']) { color-scheme: light; }
:host([data-theme='dark']) { color-scheme: dark; }
.b { display: inline-flex; align-items: center; gap: 4px; padding: 1px 7px; border-radius: 999px;
  font: 600 11px/1.5 system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', sans-serif; white-space: nowrap;
  border: 1px solid transparent; }
.b::before { content: ''; width: 7px; height: 7px; border-radius: 50%; background: currentColor; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.ok { background: light-dark(#e6f4ea, #0f3d22); color: light-dark(#0b5c29, #b7f0c9); }
.upcoming { background: light-dark(#fef7e0, #3d3000); color: light-dark(#6b4500, #ffe08a); }
.soon { background: light-dark(#feefc3, #4a2f00); color: light-dark(#6b3500, #ffd27a); border-color: #f0b400; }
.urgent, .today { background: light-dark(#fce4dc, #5c1800); color: light-dark(#8c1c00, #ffc2ad); border-color: #d9480f; }
.grace, .expired { background: light-dark(#b3261e, #f2b8b5); color: light-dark(#ffffff, #4a0b07); }
.unknown { background: light-dark(#eceff1, #2f3437); color: light-dark(#37474f, #d5dde1); }`;

export interface BadgeSpec {
  anchor: Element;
  /** The class that colours it: an urgency for badges, a level (ok, warn, danger, info) for notes. */
  urgency: Urgency | 'ok' | 'warn' | 'danger' | 'info';
  /** Visible text, e.g. "Expires in 12 days". */
  text: string;
  /** Spoken before the text, e.g. "Token Radar:". */
  prefix: string;
}

/** How a set of marks looks and where each goes relative to its anchor. */
export interface MarkKind {
  tag: string;
  style: string;
  /** Puts the mark in the page; `placed` tells whether it is still where `place` put it. */
  place(anchor: Element, mark: HTMLElement): void;
  placed(anchor: Element, mark: HTMLElement): boolean;
  /** Builds a mark's content in its shadow root (a pill with a spoken prefix and its text by default). */
  build?(doc: Document, shadow: ShadowRoot, host: HTMLElement): void;
  /** Writes a spec's text into a mark built by `build`, changing only what differs. */
  write?(shadow: ShadowRoot, spec: BadgeSpec): void;
  /** Every mark made at once, however many: a warning must be there before the admin reaches its control, by any way. */
  eager?: boolean;
}

const BADGE_KIND: MarkKind = {
  tag: BADGE_TAG,
  style: STYLE,
  place: (anchor, mark) => anchor.appendChild(mark),
  placed: (anchor, mark) => mark.parentElement === anchor,
};

/**
 * Above this many badges, a badge is created when its anchor comes near the view: a screenful's
 * worth. Each costs the page a few boxes to lay out, and on a cold page about a quarter of a
 * millisecond of script. (Notes are made at once: see `MarkKind.eager`.)
 */
export const LAZY_ABOVE = 12;

/** One mark per anchor, updated in place; marks whose anchor is no longer wanted are removed. */
export class Marks {
  private readonly byAnchor = new Map<Element, HTMLElement>();
  /** Anchors of a long list whose marks wait until they are in view. */
  private readonly waiting = new Map<Element, BadgeSpec>();
  private observer: IntersectionObserver | undefined;
  private sheet: CSSStyleSheet | null | undefined;
  /** The page's look (light or dark, from its background), or null to follow the system. */
  theme: 'light' | 'dark' | null = null;

  constructor(
    private readonly doc: Document,
    private readonly kind: MarkKind = BADGE_KIND,
  ) {
    // Marks left by an earlier instance of the extension (updated or reloaded) go first.
    for (const old of Array.from(doc.querySelectorAll(kind.tag))) old.remove();
  }

  sync(specs: BadgeSpec[]): void {
    drain(this.syncSteps(specs));
  }

  /** `sync` a few marks at a time: the content script runs it in slices of idle time. Dropped half-way, the next sync finishes the work. */
  *syncSteps(specs: BadgeSpec[]): Steps<void> {
    const wanted = new Set<Element>();
    const lazy = !this.kind.eager && specs.length > LAZY_ABOVE && typeof IntersectionObserver === 'function';
    let n = 0;
    for (const spec of specs) {
      if (!spec.anchor.isConnected || wanted.has(spec.anchor)) continue;
      wanted.add(spec.anchor);
      if (++n % 4 === 0) yield;
      const badge = this.byAnchor.get(spec.anchor);
      if (badge && badge.isConnected && this.kind.placed(spec.anchor, badge)) this.fill(badge, spec);
      else if (lazy) this.wait(spec);
      else {
        // No longer waiting (the list got short): an older spec must not come back when it scrolls into view.
        if (this.waiting.delete(spec.anchor)) this.observer?.unobserve(spec.anchor);
        this.show(spec);
      }
    }
    for (const [anchor, badge] of this.byAnchor) {
      if (!wanted.has(anchor)) {
        badge.remove();
        this.byAnchor.delete(anchor);
      }
    }
    for (const anchor of this.waiting.keys()) {
      if (!wanted.has(anchor)) {
        this.waiting.delete(anchor);
        this.observer?.unobserve(anchor);
      }
    }
  }

  /** The marks in the page now. */
  elements(): HTMLElement[] {
    return [...this.byAnchor.values()].filter((mark) => mark.isConnected);
  }

  clear(): void {
    for (const badge of this.byAnchor.values()) badge.remove();
    this.byAnchor.clear();
    this.waiting.clear();
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private show(spec: BadgeSpec): void {
    this.byAnchor.get(spec.anchor)?.remove();
    const badge = this.create();
    this.kind.place(spec.anchor, badge);
    this.byAnchor.set(spec.anchor, badge);
    this.fill(badge, spec);
  }

  private wait(spec: BadgeSpec): void {
    const known = this.waiting.has(spec.anchor);
    this.waiting.set(spec.anchor, spec);
    if (known) return;
    this.observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const waiting = this.waiting.get(entry.target);
          this.waiting.delete(entry.target);
          this.observer?.unobserve(entry.target);
          if (waiting && entry.target.isConnected) this.show(waiting);
        }
      },
      { rootMargin: '200px 0px' },
    );
    this.observer.observe(spec.anchor);
  }

  /** One style sheet for every mark of this kind (a `<style>` each where sheets cannot be shared). */
  private styleFor(shadow: ShadowRoot): void {
    if (this.sheet === undefined) {
      try {
        const view = this.doc.defaultView as (Window & typeof globalThis) | null;
        this.sheet = view ? new view.CSSStyleSheet() : null;
        this.sheet?.replaceSync(this.kind.style);
      } catch {
        this.sheet = null;
      }
    }
    if (this.sheet) {
      try {
        shadow.adoptedStyleSheets = [this.sheet];
        return;
      } catch {
        this.sheet = null;
      }
    }
    const style = this.doc.createElement('style');
    style.textContent = this.kind.style;
    shadow.append(style);
  }

  private create(): HTMLElement {
    const host = this.doc.createElement(this.kind.tag);
    const shadow = host.attachShadow({ mode: 'open' });
    this.styleFor(shadow);
    if (this.kind.build) {
      this.kind.build(this.doc, shadow, host);
      return host;
    }
    const pill = this.doc.createElement('span');
    pill.className = 'b';
    const sr = this.doc.createElement('span');
    sr.className = 'sr';
    const text = this.doc.createElement('span');
    text.className = 't';
    pill.append(sr, text);
    shadow.append(pill);
    return host;
  }

  private fill(host: HTMLElement, spec: BadgeSpec): void {
    const shadow = host.shadowRoot!;
    const pill = shadow.querySelector('.b')!;
    const cls = `b ${spec.urgency}`;
    if (pill.className !== cls) pill.className = cls;
    if (host.dataset.urgency !== spec.urgency) host.dataset.urgency = spec.urgency;
    // textContent only: page-derived or not, nothing here is ever parsed as HTML.
    if (this.kind.write) this.kind.write(shadow, spec);
    else {
      setText(pill.querySelector('.sr')!, `${spec.prefix} `);
      setText(pill.querySelector('.t')!, spec.text);
    }
    // Only real changes are written: an unchanged attribute set again still invalidates the page's style.
    const title = `${spec.prefix} ${spec.text}`;
    if (host.title !== title) host.title = title;
    if ((host.dataset.theme ?? null) !== this.theme) {
      if (this.theme) host.dataset.theme = this.theme;
      else delete host.dataset.theme;
    }
  }
}

/** Sets an element's text only when it differs (a write, even of the same text, makes the page restyle). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
