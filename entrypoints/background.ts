import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { check, CHECK_ALARM, ensureAlarm, handleRaw, openFor, permissionsRemoved, snoozeFor, syncContentScript, upgradeGuide, welcomeOnInstall } from '../lib/handlers';
import { SETTINGS_KEY } from '../lib/settings-store';

export default defineBackground({
  type: 'module',
  main() {
    // MV3: the worker is stopped whenever idle; every listener is registered synchronously here.
    // Every message is checked against one schema and its sender's rights first (lib/requests.ts).
    browser.runtime.onMessage.addListener((message: unknown, sender) => handleRaw(message, sender));
    browser.runtime.onInstalled.addListener((details) => {
      void welcomeOnInstall(details).catch(() => undefined);
      void ensureAlarm().then(() => check());
    });
    browser.runtime.onStartup.addListener(() => void ensureAlarm().then(() => check()));
    // The consoles the admin added: registered again whenever the background starts (an update
    // drops Chromium's registrations; Firefox keeps them only while its background page lives).
    void syncContentScript().catch(() => undefined);
    // A host taken back in the browser's own settings turns its console off in ours.
    browser.permissions.onRemoved.addListener((removed) => void permissionsRemoved(removed.origins ?? []).catch(() => undefined));
    void upgradeGuide().catch(() => undefined);
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === CHECK_ALARM) void check();
    });
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && SETTINGS_KEY in changes) void check();
    });
    browser.notifications.onClicked.addListener((id) => void openFor(id));
    browser.notifications.onButtonClicked?.addListener((id, button) => void (button === 0 ? openFor(id) : snoozeFor(id)));
  },
});
