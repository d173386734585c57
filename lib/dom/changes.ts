/**
 * What changed in a document since it was last read, so that reading it again costs what changed,
 * not the page. One MutationObserver per document (and per open shadow root read in it) writes
 * down the nodes that were added, whose text changed, under which nodes were removed, and whose
 * attributes among those the reader looks at changed. A reader asks `since()` what changed, and
 * `done()` once what it read from the page is kept: changes it did not see (made while it was
 * reading, or because it stopped half way) stay for the next one.
 *
 * When too much changed to be worth following node by node, or the document cannot be watched (a
 * document without a window, from DOMParser), the answer is "everything".
 */

/** The attributes the reading layer looks at (lib/dom/collect.ts, lib/dom/read.ts, lib/consoles/interpret.ts). */
export const READ_ATTRIBUTES = [
  'hidden',
  'role',
  'aria-label',
  'aria-labelledby',
  'aria-describedby',
  'aria-rowcount',
  'aria-colindex',
  'aria-selected',
  'headers',
  'colspan',
  'id',
  'for',
  'datetime',
  'title',
  'data-tooltip',
  'data-item-key',
  'data-automation-key',
  'value',
  'type',
  'lang',
];

/** Attributes that hide a subtree from the reader or show it again: its texts must be searched anew. */
const SEARCH_ATTRIBUTES = new Set(['hidden']);

/** Past this many changes since the last reading, the next one reads everything. */
const MAX_CHANGES = 2000;

export interface Change {
  node: Node;
  /**
   * True when the node's own texts may be new (it was added, its text or its `hidden` changed):
   * they must be searched. False for a node under which something was removed, a node removed,
   * or a node whose other attributes changed: what was read there is no longer sure, but nothing
   * new is to be found in it.
   */
  search: boolean;
  /** What happened: added, text changed, something removed under it, removed itself, an attribute (its name). */
  what: 'added' | 'text' | 'removal' | 'removed' | { attribute: string };
}

export interface Since {
  /** Everything may have changed: the first reading, too many changes, or a document that cannot be watched. */
  all: boolean;
  changes: readonly Change[];
  /** Where the log stood when asked (for `done`). */
  at: number;
}

/**
 * One document's changes. Several readers follow them, each from where it last kept a reading
 * (the collector; the page's titles and column headers).
 */
export interface ChangeLog {
  /** What changed since `reader`'s last kept reading (before its first one: everything). */
  since(reader: string): Since;
  /**
   * `reader`'s reading that asked `since` is kept: what it saw is no longer news to it. False
   * (nothing done) when a reading of the same reader that asked later was kept first: the caller
   * must not keep what it read.
   */
  done(reader: string, since: Since): boolean;
  /** Also watch an open shadow root read in the document (a document's observer does not see inside them). */
  watch(root: ShadowRoot): void;
  /** Stops watching. */
  stop(): void;
}

type Listener = (records: readonly MutationRecord[]) => void;

/**
 * What this world keeps per document under `name`, for every copy of the reading layer in it (a
 * layer loaded again into a frame must not add a second observer): on the world's global object.
 */
function perDocument<T>(name: string): WeakMap<Document, T> {
  return ((globalThis as Record<symbol, unknown>)[Symbol.for(`token-radar.${name}`)] ??= new WeakMap()) as WeakMap<Document, T>;
}

/** The set kept per document under `name`, made on first use. */
function setOf<T>(name: string, doc: Document): Set<T> {
  const all = perDocument<Set<T>>(name);
  let set = all.get(doc);
  if (!set) all.set(doc, (set = new Set()));
  return set;
}

/** The open shadow roots a document's log watches, kept apart from it: a log made again for its listeners watches them too. */
const shadowRootsOf = (doc: Document) => setOf<ShadowRoot>('change-shadow-roots', doc);

/** Whoever listens to a document's changes (`listenToChanges`), kept apart from its log: they outlive it. */
const listenersOf = (doc: Document) => setOf<Listener>('change-listeners', doc);

/**
 * Calls `listener` with every batch of `doc`'s changes as they are written down, until `signal`
 * aborts: the page watcher's question "may this change what a scan finds?" asked of the reading
 * layer's observer, so that a document has one. Also with the changes a reader takes early
 * (`since`), which the observer then does not deliver. A log stopped while someone listens
 * (`stopWatching`: another caller left the page) is made again at once, so a listener is never
 * left deaf. False when `doc` cannot be watched.
 */
export function listenToChanges(doc: Document, listener: Listener, signal: AbortSignal): boolean {
  if (signal.aborted || !changeLog(doc)) return false;
  const listeners = listenersOf(doc);
  listeners.add(listener);
  signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
  return true;
}

/** One log per document for every copy of the reading layer in this world. */
const logs = () => perDocument<ChangeLog>('change-logs');

/**
 * Stops watching `doc` (the reader leaves the page): the next reading of it starts a new log and
 * reads it whole. While someone still listens to its changes, the new log is started at once.
 */
export function stopWatching(doc: Document): void {
  logs().get(doc)?.stop();
  logs().delete(doc);
  // Made again at once, watching the same shadow roots (a reading may not come to add them back
  // before a change inside one is to be heard); else its next reading reads them all anew.
  if (listenersOf(doc).size) changeLog(doc);
  else shadowRootsOf(doc).clear();
}

/** The change log of `doc`, made (and watching) on the first call; null when `doc` cannot be watched. */
export function changeLog(doc: Document): ChangeLog | null {
  const known = logs().get(doc);
  if (known) return known;
  const Observer = doc.defaultView?.MutationObserver;
  if (!Observer || !doc.documentElement) return null;
  const log = makeLog(doc, Observer);
  logs().set(doc, log);
  return log;
}

function makeLog(doc: Document, Observer: typeof MutationObserver): ChangeLog {
  /** The changes some reader has not yet kept a reading after; the first of them is change number `base`. */
  let changes: Change[] = [];
  let base = 0;
  let count = 0;
  /** Each reader's position: the number of changes when its last kept reading asked. */
  const kept = new Map<string, number>();

  const add = (node: Node, search: boolean, what: Change['what']) => {
    changes.push({ node, search, what });
    count++;
    // Too many to follow one by one: every reader reads everything next time.
    if (changes.length > MAX_CHANGES) {
      changes = [];
      base = count;
    }
  };

  const record = (records: MutationRecord[]) => {
    for (const r of records) {
      const type = r.type;
      if (type === 'characterData') add(r.target, true, 'text');
      else if (type === 'attributes') {
        const name = r.attributeName ?? '';
        add(r.target, SEARCH_ATTRIBUTES.has(name), { attribute: name });
      } else {
        const removed = r.removedNodes;
        if (removed.length) {
          add(r.target, false, 'removal');
          for (let i = 0; i < removed.length; i++) if (removed[i]!.nodeType === 1) add(removed[i]!, false, 'removed');
        }
        const added = r.addedNodes;
        for (let i = 0; i < added.length; i++) add(added[i]!, true, 'added');
      }
    }
  };

  const listeners = listenersOf(doc);
  const observer = new Observer((records) => {
    record(records);
    for (const listener of listeners) listener(records);
  });
  const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: READ_ATTRIBUTES };
  observer.observe(doc, OPTIONS);
  // The shadow roots a log watched before this one, while someone listens (see `stopWatching`): watched again.
  const watched = shadowRootsOf(doc);
  for (const root of watched) if (root.host.isConnected) observer.observe(root, OPTIONS);
  let pruneAt = Math.max(64, watched.size * 2);

  return {
    since(reader) {
      // Changes made since the last task are still queued: this reading must see them (and so must the listeners).
      const queued = observer.takeRecords();
      if (queued.length) {
        record(queued);
        for (const listener of listeners) listener(queued);
      }
      const from = kept.get(reader);
      if (from === undefined || from < base) return { all: true, changes: [], at: count };
      return { all: false, changes: changes.slice(from - base), at: count };
    },
    done(reader, { at }) {
      const from = kept.get(reader);
      if (from !== undefined && at < from) return false;
      kept.set(reader, at);
      // What every reader has seen is dropped.
      const oldest = Math.min(...kept.values());
      if (oldest > base) {
        changes.splice(0, oldest - base);
        base = oldest;
      }
      return true;
    },
    watch(root) {
      if (watched.has(root)) return;
      // Roots of components the page removed are let go (each time the set doubles: linear over a page's life).
      if (watched.size >= pruneAt) {
        for (const r of watched) if (!r.host.isConnected) watched.delete(r);
        pruneAt = Math.max(64, watched.size * 2);
      }
      watched.add(root);
      observer.observe(root, OPTIONS);
    },
    stop() {
      // Changes not yet delivered are still news to whoever listens (the next log takes over from here).
      const queued = observer.takeRecords();
      if (queued.length) for (const listener of listeners) listener(queued);
      observer.disconnect();
      changes = [];
    },
  };
}
