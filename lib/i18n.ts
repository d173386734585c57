import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

/** Every UI string has a key in public/_locales/en/messages.json; fr and ja must have the same keys. */
export type MessageKey = keyof typeof en;

/** The translated string for `key`, with `$1`… substitutions. Falls back to the key, never to ''. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  return text || key;
}

/** The UI language (`en`, `fr`, `ja` …), for Intl formatting that matches the translated strings. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage() || 'en';
}
