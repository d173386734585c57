/**
 * The detection contract: which console a page belongs to, which credential page it is, and
 * the credentials on it. Pure: no browser APIs, no clock (`now` is passed in).
 */
import type { FoundCredential, ScanContext } from './consoles/adapter';
import { consoleForUrl } from './consoles/hosts';
import { adapterFor } from './consoles/registry';
import type { ConsoleId } from './consoles/types';

export type { ConsoleId } from './consoles/types';
export type { CredentialKind } from './credentials/kinds';
export type { FoundCredential } from './consoles/adapter';

export interface PageScan {
  /** null when the URL is not a console we support. */
  console: ConsoleId | null;
  /** The adapter's page kind, e.g. 'ade-token-list'; null if not a credential page. */
  page: string | null;
  /** Tenant / organisation / billing account when visible. */
  account?: string;
  /** Empty on pages that show no credential. */
  credentials: FoundCredential[];
}

export function scanPage(url: string, doc: Document, now: Date): PageScan {
  const consoleId = consoleForUrl(url);
  if (!consoleId) return { console: null, page: null, credentials: [] };
  const ctx: ScanContext = {
    url: new URL(url),
    doc,
    now,
    lang: (doc.documentElement?.getAttribute('lang') ?? '').trim().toLowerCase(),
  };
  const adapter = adapterFor(consoleId);
  for (const reader of adapter.pages) {
    const found = reader.read(ctx);
    if (found) {
      const scan: PageScan = { console: consoleId, page: found.page, credentials: found.credentials };
      const account = found.account ?? adapter.account?.(ctx);
      if (account) scan.account = account;
      return scan;
    }
  }
  return { console: consoleId, page: null, credentials: [] };
}
