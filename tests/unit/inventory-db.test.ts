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

  it('a database written by the first release (schema version 1, records without health or alert sources) opens intact and keeps working', async () => {
    const name = fresh();
    // Written with the bare IndexedDB API, as version 1 created it: no code of today involved.
    const first = [
      {
        id: 'v1-push', kind: 'apns', console: 'intune', account: 'Contoso', name: '', expiresOn: '2026-12-04', appleId: 'mdm@contoso.example',
        topic: 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34', status: 'Active',
        sources: [{ type: 'page', key: 'page:intune:apns-certificate:Contoso', console: 'intune', page: 'apns-certificate', url: 'https://intune.microsoft.com/', expiresOn: '2026-12-04', seenAt: '2025-12-04T09:00:00.000Z' }],
        history: [{ from: '2025-12-04', to: '2026-12-04', noticedAt: '2025-12-04T09:00:00.000Z', source: 'page:intune:apns-certificate:Contoso' }],
        alerts: { 't:30': '2026-11-04T09:00:00.000Z' }, archived: false, createdAt: '2024-12-04T09:00:00.000Z', updatedAt: '2025-12-04T09:00:00.000Z',
      },
      {
        id: 'v1-vpp', kind: 'vpp', name: 'HQ', expiresOn: '2027-01-10', owner: 'Jane', notes: 'renew with the finance Apple ID',
        sources: [{ type: 'file', key: 'file:sToken_for_HQ.vpptoken', fileName: 'sToken_for_HQ.vpptoken', expiresOn: '2027-01-10', seenAt: '2026-01-10T09:00:00.000Z' }],
        history: [], alerts: {}, snoozedUntil: '2026-11-25T00:00:00.000Z', archived: false, createdAt: '2026-01-10T09:00:00.000Z', updatedAt: '2026-01-10T09:00:00.000Z',
      },
      {
        id: 'v1-manual', kind: 'other', name: 'Symantec-era cert', expiresOn: null,
        sources: [{ type: 'manual', key: 'manual', expiresOn: null, seenAt: '2025-06-01T09:00:00.000Z' }],
        history: [], alerts: {}, archived: true, createdAt: '2025-06-01T09:00:00.000Z', updatedAt: '2025-06-01T09:00:00.000Z',
      },
    ];
    await new Promise<void>((done, failed) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore('credentials', { keyPath: 'id' });
        store.createIndex('by-kind', 'kind');
        store.createIndex('by-topic', 'topic');
        for (const record of first) store.put(record);
      };
      request.onsuccess = () => {
        request.result.close();
        done();
      };
      request.onerror = () => failed(request.error);
    });

    const inv = await open(name);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((await inv.all()).sort(byId)).toEqual([...first].sort(byId));
    // Today's code works on them: a renewal read on the page, and every export.
    await inv.observe({ console: 'intune', page: 'apns-certificate', account: 'Contoso', url: 'https://intune.microsoft.com/', seenAt: NOW.toISOString(), credentials: [{ kind: 'apns', name: '', expiresOn: '2027-12-04', topic: first[0]!.topic!, status: 'Active', health: 'active' }] }, NOW);
    const all = await inv.all();
    const push = all.find((c) => c.id === 'v1-push')!;
    expect(push).toMatchObject({ expiresOn: '2027-12-04', appleId: 'mdm@contoso.example', alerts: {}, health: { state: 'active' } });
    expect(push.history.map((h) => h.to)).toEqual(['2026-12-04', '2027-12-04']);
    const { exportJson, parseImport } = await import('../../lib/export/json');
    const { exportCsv } = await import('../../lib/export/csv');
    const { exportIcs } = await import('../../lib/export/ics');
    const { DEFAULT_SETTINGS } = await import('../../lib/settings');
    expect(parseImport(exportJson(all, NOW))).toEqual({ ok: true, credentials: all });
    const { csvWords } = await import('../../lib/wording/csv');
    expect(exportCsv(all, NOW, csvWords(), 'UTC').split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(exportIcs(all, DEFAULT_SETTINGS, NOW, { summary: (c) => c.name || c.kind, description: () => '' }).match(/BEGIN:VEVENT/g)).toHaveLength(2);
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

  it('keeps what it wrote in memory, frozen, and agrees with the disk after every write, failed or not', async () => {
    const name = fresh();
    const inv = await open(name);
    await inv.observe(observation, NOW);
    const [one] = await inv.all();
    // Shared, so never changed in place: a change makes a new record.
    expect(Object.isFrozen(one)).toBe(true);
    expect(() => (one!.sources as unknown[]).push({})).toThrow(TypeError);
    await inv.update((all) => ({ put: [{ ...all[0]!, name: 'renamed' }], remove: [all[1]!.id] }));
    const onDisk = async () => {
      const other = await open(name);
      const all = await other.all();
      other.close();
      return all.map((c) => c.name).sort();
    };
    expect((await inv.all()).map((c) => c.name)).toEqual(['renamed']);
    expect(await onDisk()).toEqual(['renamed']);
    // A failed write leaves memory as the disk is.
    await expect(inv.update((all) => ({ put: [{ ...all[0]!, name: 'lost' }, { ...all[0]!, id: undefined as unknown as string }] }))).rejects.toBeInstanceOf(InventoryError);
    expect((await inv.all()).map((c) => c.name)).toEqual(['renamed']);
    expect(await onDisk()).toEqual(['renamed']);
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
