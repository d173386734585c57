/** Where an admin renews a credential: the console page it was last seen on, as an address a tab can open. */
import { consoleOf } from '../consoles/hosts';
import type { Credential } from '../inventory/model';

export function renewUrl(c: Credential): string | null {
  const pages = c.sources.filter((s) => s.type === 'page' && s.url).sort((a, b) => b.seenAt.localeCompare(a.seenAt));
  // The MDM console is where the renewal ends (the upload); prefer it over the Apple sites.
  const best = pages.find((s) => s.console && consoleOf(s.console).role === 'mdm') ?? pages[0];
  if (!best?.url) return null;
  let url: URL;
  try {
    url = new URL(best.url);
  } catch {
    return null;
  }
  const site = best.console ? consoleOf(best.console) : null;
  return site?.renewUrl ? site.renewUrl(url, c.kind) : url.href;
}
