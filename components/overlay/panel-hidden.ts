/**
 * The consoles where the admin hid the panel ("Hide on Intune"), from the settings in extension
 * storage: read once, then followed as they change (the popup can show the panel again).
 * Stops when `signal` aborts.
 */
import { browser } from 'wxt/browser';
import type { ConsoleId } from '../../lib/consoles/list';
import { normaliseSettings } from '../../lib/settings';
import { SETTINGS_KEY } from '../../lib/settings-store';

export function watchPanelHidden(signal: AbortSignal, onChange: (hidden: ReadonlySet<ConsoleId>) => void): void {
  const read = (raw: unknown) => onChange(new Set(normaliseSettings(raw).panelHidden));
  void browser.storage.local.get(SETTINGS_KEY).then(
    (stored) => !signal.aborted && read(stored[SETTINGS_KEY]),
    () => undefined,
  );
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes && !signal.aborted) read(changes[SETTINGS_KEY]!.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}
