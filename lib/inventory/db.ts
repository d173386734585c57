/**
 * The inventory in IndexedDB, through idb. Every change happens in one readwrite transaction,
 * so a worker killed mid-write leaves the previous state whole (IndexedDB aborts the
 * transaction). Schema changes are numbered migrations, applied in order from the version on disk.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Observation } from '../observation';
import { mergeObservation } from '../credentials/merge';
import type { Credential } from '../credentials/model';

export const DB_NAME = 'token-radar';

export interface InventorySchema extends DBSchema {
  credentials: {
    key: string;
    value: Credential;
    indexes: { 'by-kind': string; 'by-topic': string };
  };
}

type UpgradeTx = IDBPTransaction<InventorySchema, ArrayLike<'credentials'>, 'versionchange'>;

/**
 * The migrations: entry i takes the database from version i to i + 1. Never edit a shipped
 * entry; add one. Tests open a database at every earlier version and upgrade it.
 */
export const MIGRATIONS: ((db: IDBPDatabase<InventorySchema>, tx: UpgradeTx) => void)[] = [
  // 0 -> 1: the credentials store.
  (db) => {
    const store = db.createObjectStore('credentials', { keyPath: 'id' });
    store.createIndex('by-kind', 'kind');
    store.createIndex('by-topic', 'topic');
  },
];
export const DB_VERSION = MIGRATIONS.length;

export type InventoryErrorCode = 'quota' | 'blocked' | 'unavailable';

/** A storage failure the admin must hear about, with a code the UI translates. */
export class InventoryError extends Error {
  constructor(
    readonly code: InventoryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InventoryError';
  }
}

export function toInventoryError(error: unknown): InventoryError {
  if (error instanceof InventoryError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = (error as { message?: string } | null)?.message ?? String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return new InventoryError('quota', 'The browser refused to store more data: the disk or the extension storage quota is full.');
  }
  return new InventoryError('unavailable', `The inventory could not be opened or written: ${message}`);
}

/** Freezes a stored record and everything in it: the in-memory copy is shared, and nothing may change it in place. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

export class Inventory {
  /**
   * Every credential as last written, by id: this connection is the only writer (the worker's,
   * one change at a time), so after the first read the database is read again only when a
   * write failed. Records are frozen; a change makes new ones. Without it, every observation
   * and every check read the whole store again (10,000 records: most of a second).
   */
  private cache: Map<string, Credential> | null = null;

  private constructor(private readonly db: IDBPDatabase<InventorySchema>) {}

  static async open(name = DB_NAME): Promise<Inventory> {
    try {
      const db = await openDB<InventorySchema>(name, DB_VERSION, {
        upgrade(database, oldVersion, _newVersion, tx) {
          for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(database, tx);
        },
        blocked() {
          // Another page of the extension holds an older version open; it closes on 'blocking'.
        },
        blocking() {
          db.close();
        },
      });
      return new Inventory(db);
    } catch (error) {
      if ((error as { name?: string }).name === 'VersionError') {
        throw new InventoryError('blocked', 'The inventory was written by a newer version of Token Radar. Update the extension.');
      }
      throw toInventoryError(error);
    }
  }

  close(): void {
    this.db.close();
  }

  async all(): Promise<Credential[]> {
    if (this.cache) return [...this.cache.values()];
    try {
      const all = await this.db.getAll('credentials');
      this.remember(all);
      return all;
    } catch (error) {
      throw toInventoryError(error);
    }
  }

  async get(id: string): Promise<Credential | undefined> {
    return this.cache ? this.cache.get(id) : this.db.get('credentials', id);
  }

  private remember(all: Credential[]): void {
    this.cache = new Map(all.map((c) => [c.id, frozen(c)]));
  }

  /**
   * Reads every credential, lets `change` decide what to write and delete, and writes it, all
   * in one transaction: either everything lands or nothing does.
   */
  async update(change: (all: Credential[]) => { put?: Credential[]; remove?: string[] }): Promise<Credential[]> {
    let tx;
    try {
      tx = this.db.transaction('credentials', 'readwrite');
      const done = tx.done;
      done.catch(() => {}); // awaited below; an abort is reported through the error thrown here
      const store = tx.store;
      // From memory when it is there (no request in between: the transaction stays open for the writes).
      const all = this.cache ? [...this.cache.values()] : await store.getAll();
      if (!this.cache) this.remember(all);
      const { put = [], remove = [] } = change(all);
      const requests: Promise<unknown>[] = [];
      try {
        for (const c of put) requests.push(store.put(c));
        for (const id of remove) requests.push(store.delete(id));
      } finally {
        // Requests already made reject when the transaction aborts; the first error is what we report.
        for (const r of requests) r.catch(() => {});
      }
      await Promise.all(requests);
      await done;
      for (const c of put) this.cache?.set(c.id, frozen(c));
      for (const id of remove) this.cache?.delete(id);
      return put;
    } catch (error) {
      // What is on disk is not known for certain now: read it again next time.
      this.cache = null;
      // A request that failed before reaching the database does not abort the transaction by itself.
      try {
        tx?.abort();
      } catch {
        // already finished or aborted
      }
      throw toInventoryError(error);
    }
  }

  /** Merges an observation from a console page (merge.ts has the rules). */
  async observe(obs: Observation, now: Date): Promise<Credential[]> {
    return (await this.observeAll(obs, now)).changed;
  }

  /** Merges an observation; returns what changed and the whole inventory after it, read in the same transaction. */
  async observeAll(obs: Observation, now: Date): Promise<{ changed: Credential[]; all: Credential[] }> {
    let after: Credential[] = [];
    const changed = await this.update((all) => {
      const put = mergeObservation(all, obs, now);
      const ids = new Set(put.map((c) => c.id));
      after = all.filter((c) => !ids.has(c.id)).concat(put);
      return { put };
    });
    return { changed, all: after };
  }

  /**
   * Replaces the whole inventory (import) in one transaction: what is imported is written, and
   * only the credentials the import does not contain are removed. (Deleting every old id after
   * writing would delete the imported records that share an id with the current ones, which is
   * every record when an admin restores their own backup.)
   */
  async replaceAll(credentials: Credential[]): Promise<void> {
    const kept = new Set(credentials.map((c) => c.id));
    await this.update((all) => ({ put: credentials, remove: all.map((c) => c.id).filter((id) => !kept.has(id)) }));
  }
}
