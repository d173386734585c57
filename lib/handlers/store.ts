/**
 * The inventory as the worker's handlers use it: opened once per worker, and changed one change
 * at a time, so that checks and writes never interleave. A failure becomes the message the admin
 * reads (a full disk, a database another version holds, or one that cannot open).
 */
import { t } from '../i18n';
import { Inventory, InventoryError, toInventoryError } from '../inventory/db';
import type { Credential } from '../credentials/model';
import type { Failure } from '../messages';
import { createSerial } from '../serial';

let inventoryPromise: Promise<Inventory> | null = null;
export function inventory(): Promise<Inventory> {
  inventoryPromise ??= Inventory.open().catch((e) => {
    inventoryPromise = null;
    throw e;
  });
  return inventoryPromise;
}

/** One change at a time in this worker: checks and writes never interleave. */
export const serial = createSerial();

/** A change to the whole inventory, after the ones before it. */
export function write(change: Parameters<Inventory['update']>[0]): Promise<void> {
  return serial(async () => {
    await (await inventory()).update(change);
  });
}

/** Changes one credential by id, after the writes before it; an id no longer there changes nothing. */
export function updateOne(id: string, change: (c: Credential) => Credential): Promise<void> {
  return write((all) => {
    const c = all.find((x) => x.id === id);
    return c ? { put: [change(c)] } : {};
  });
}

export async function credentialsById(ids: string[]): Promise<Credential[]> {
  const all = await (await inventory()).all();
  return ids.map((id) => all.find((c) => c.id === id)).filter((c): c is Credential => !!c);
}

export function failure(error: unknown): Failure {
  const e = error instanceof InventoryError ? error : toInventoryError(error);
  const message = e.code === 'quota' ? t('errorQuota') : e.code === 'blocked' ? t('errorBlocked') : t('errorUnavailable');
  return { ok: false, code: e.code, error: message };
}

export function invalid(error: string): Failure {
  return { ok: false, code: 'invalid', error };
}
