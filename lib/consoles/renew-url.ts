/**
 * Where an admin renews a credential: the console page it was last seen on, as an address a tab
 * can open. A source URL may come from an imported file, so it is opened only when it is an https
 * page of the console it was read on (a built-in host or an address the admin added); otherwise
 * the console's own start page, or nothing.
 */
import { consoleForUrl, consoleOf } from './hosts';
import type { AddedSite, ConsoleId } from './types';
import type { Credential } from '../credentials/model';

/** The console's own start page, when it has one that does not depend on the customer. */
function homeOf(id: ConsoleId | null | undefined): string | null {
  if (!id) return null;
  const c = consoleOf(id);
  return c.home ?? c.start ?? null;
}

export function renewUrl(c: Credential, sites: readonly AddedSite[] = []): string | null {
  const pages = c.sources.filter((s) => s.type === 'page' && s.url).sort((a, b) => b.seenAt.localeCompare(a.seenAt));
  // The MDM console is where the renewal ends (the upload); prefer it over the Apple sites.
  const best = pages.find((s) => s.console && consoleOf(s.console).role === 'mdm') ?? pages[0];
  if (!best?.url) return homeOf(c.console);
  let url: URL;
  try {
    url = new URL(best.url);
  } catch {
    return homeOf(best.console);
  }
  const where = consoleForUrl(url.href, sites);
  if (url.protocol !== 'https:' || url.username || url.password || !where || where !== best.console) return homeOf(best.console);
  const site = consoleOf(where);
  return site.renewUrl ? site.renewUrl(url, c.kind) : url.href;
}
