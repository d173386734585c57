/** Settings in extension storage: read (always valid, with defaults) and written here only. */
import { browser } from 'wxt/browser';
import { normaliseSettings, type Settings } from './settings';

export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normaliseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const next = normaliseSettings(settings);
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}
