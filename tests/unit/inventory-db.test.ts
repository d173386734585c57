import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, Inventory, InventoryError, MIGRATIONS, toInventoryError } from '../../lib/inventory/db';
import type { Observation } from '../../lib/observation';

const NOW = new Date('2026-11-22T12:00:00Z');
let seq = 0;
const fresh = () => `test-${++seq}`;
const opened: Inventory[] = [];
async function open(name: string) {
  const inv = await Inventory.open(name);
  opened.push(inv);
  return inv;
}
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

const observation: Observation = {
  console: 'intune', page: 'ade-token-list', url: 'https://intune.microsoft.com/', seenAt: NOW.toISOString(),
  credentials: [
    { kind: 'ade', name: 'HQ', expiresOn: '2026-12-05' },
    { kind: 'ade', name: 'Stores', expiresOn: '2027-06-30' },
  ],
};

describe('inventory database', () => {
  it('upgrades from every earlier schema version', async () => {
    for (let from = 0; from < DB_VERSION; from++) {
      const name = fresh();
      if (from > 0) {
        const db = await openDB(name, from, {
          upgrade(d, old, _new, tx) {
            for (let v = old; v < from; v++) MIGRATIONS[v]!(d as never, tx as never);
          },
        });
        db.close();
      }
      const inv = await open(name);
      expect(await inv.all()).toEqual([]);
      await inv.observe(observation, NOW);
      expect((await inv.all()).map((c) => c.name).sort()).toEqual(['HQ', 'Stores']);
    }
  });

  it('stores observations and merges repeats', async () => {
    const inv = await open(fresh());
    await inv.observe(observation, NOW);
    await inv.observe(observation, NOW);
    const all = await inv.all();
    expect(all).toHaveLength(2);
    expect(all.every((c) => c.sources.length === 1)).toBe(true);
  });

  it('writes nothing when a change fails halfway', async () => {
    const inv = await open(fresh());
    await inv.observe(observation, NOW);
    const before = await inv.all();
    await expect(
      inv.update((all) => ({ put: [{ ...all[0]!, name: 'changed' }, { ...all[1]!, id: undefined as unknown as string }] })),
    ).rejects.toBeInstanceOf(InventoryError);
    expect(await inv.all()).toEqual(before);
  });

  it('replaces everything in one go', async () => {
    const inv = await open(fresh());
    await inv.observe(observation, NOW);
    const [one] = await inv.all();
    await inv.replaceAll([{ ...one!, id: 'only' }]);
    expect((await inv.all()).map((c) => c.id)).toEqual(['only']);
  });

  it('restores its own backup on top of itself without losing anything', async () => {
    const inv = await open(fresh());
    await inv.observe(observation, NOW);
    const backup = await inv.all();
    expect(backup.length).toBeGreaterThan(1);
    await inv.replaceAll(backup);
    expect(await inv.all()).toEqual(backup);
    // A backup that shares some ids and adds others: the shared ones are overwritten, the rest removed.
    const [first] = backup;
    await inv.replaceAll([{ ...first!, name: 'restored' }, { ...first!, id: 'new' }]);
    const after = await inv.all();
    expect(after.map((c) => c.id).sort()).toEqual([first!.id, 'new'].sort());
    expect(after.find((c) => c.id === first!.id)?.name).toBe('restored');
  });

  it('explains a database written by a newer version', async () => {
    const name = fresh();
    const db = await openDB(name, DB_VERSION + 1);
    db.close();
    await expect(Inventory.open(name)).rejects.toMatchObject({ code: 'blocked', message: expect.stringMatching(/newer version/) });
  });

  it('turns a quota error into a clear message', () => {
    const e = toInventoryError(Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' }));
    expect(e.code).toBe('quota');
    expect(e.message).toMatch(/full/);
  });
});
