/**
 * Where the admin wants the panel, per console, from the settings in extension storage: the
 * consoles where it is hidden ("Hide on Intune"; the popup can show it again) and the corner it
 * is docked in. Read once, then followed as they change. Stops when `signal` aborts.
 */
import { browser } from 'wxt/browser';
import type { ConsoleId } from '../../lib/consoles/list';
import type { Corner } from '../../lib/dom/place';
import { normaliseSettings } from '../../lib/settings';
import { SETTINGS_KEY } from '../../lib/settings-store';

export interface PanelPrefs {
  hidden: ReadonlySet<ConsoleId>;
  dock: Partial<Record<ConsoleId, Corner>>;
}

export function watchPanelPrefs(signal: AbortSignal, onChange: (prefs: PanelPrefs) => void): void {
  const read = (raw: unknown) => {
    const settings = normaliseSettings(raw);
    onChange({ hidden: new Set(settings.panelHidden), dock: settings.panelDock });
  };
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
