/**
 * Where the guide's state lives: extension storage, written by the background only. Content
 * scripts and the popup read it and follow its changes through these two functions.
 */
import { browser } from 'wxt/browser';
import type { GuideState } from './machine';

export const GUIDE_KEY = 'guide';

export async function loadGuide(): Promise<GuideState | null> {
  const stored = await browser.storage.local.get(GUIDE_KEY);
  return (stored[GUIDE_KEY] as GuideState | undefined) ?? null;
}

export async function saveGuide(state: GuideState): Promise<void> {
  await browser.storage.local.set({ [GUIDE_KEY]: state });
}

/** Calls `onChange` with the state now and on every change; returns the function that stops watching. */
export function watchGuide(onChange: (state: GuideState | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && GUIDE_KEY in changes) onChange((changes[GUIDE_KEY]!.newValue as GuideState | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(listener);
  void loadGuide().then(onChange);
  return () => browser.storage.onChanged.removeListener(listener);
}
