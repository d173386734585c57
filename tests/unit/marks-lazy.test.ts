/**
 * Badges of a long list wait until their row comes near the view; notes (warnings beside a
 * control) never wait. A list that becomes short shows its badges at once, and a badge that was
 * waiting does not come back later with an older text.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LAZY_ABOVE, Marks, type BadgeSpec } from '../../components/overlay/marks';
import { createNotes } from '../../components/overlay/notes';

/** A stand-in IntersectionObserver whose callback the test calls for the anchors it names. */
class FakeObserver {
  static last: FakeObserver | undefined;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  /** The anchors come into view: the observer's callback, as the browser would call it. */
  show(els: Element[]) {
    this.callback(els.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), this as unknown as IntersectionObserver);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function anchors(n: number): Element[] {
  document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p><span id="a${i}">3/${i + 1}/2027</span> <button id="b${i}">Download Token</button></p>`).join('');
  return Array.from({ length: n }, (_, i) => document.getElementById(`a${i}`)!);
}
const spec = (anchor: Element, text: string): BadgeSpec => ({ anchor, urgency: 'ok', text, prefix: 'Token Radar:' });
const textOf = (anchor: Element) => anchor.querySelector('token-radar-badge')?.shadowRoot?.querySelector('.t')?.textContent;

describe('marks in a long list', () => {
  it('a badge that waited is shown with the newest text, also once its row comes into view after the list got short', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const list = anchors(LAZY_ABOVE + 3);
    const marks = new Marks(document);
    marks.sync(list.map((a) => spec(a, 'old')));
    expect(marks.elements()).toHaveLength(0);
    FakeObserver.last!.show([list[0]!]);
    expect(textOf(list[0]!)).toBe('old');
    // The list is filtered down to a few rows: shown at once, with the new text.
    const short = list.slice(0, 5);
    marks.sync(short.map((a) => spec(a, 'new')));
    expect(short.map(textOf)).toEqual(['new', 'new', 'new', 'new', 'new']);
    // The browser reports a row that had been waiting as now in view: it keeps its new text.
    FakeObserver.last!.show([list[3]!]);
    expect(textOf(list[3]!)).toBe('new');
    expect(FakeObserver.last!.observed.has(list[3]!)).toBe(false);
  });

  it('notes beside controls are all made at once, however many', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    anchors(40);
    const notes = createNotes(document);
    const buttons = Array.from(document.querySelectorAll('button'));
    notes.sync(buttons.map((anchor) => ({ anchor, urgency: 'danger' as const, text: '“Download Token” resets the token', prefix: 'Token Radar:' })));
    expect(document.querySelectorAll('token-radar-note')).toHaveLength(40);
  });
});
