import type { CredentialKind } from '../credentials/kinds';
import type { ConsoleId } from './types';

/** One credential as read from a page. Part of the `scanPage` contract. */
export interface FoundCredential {
  kind: CredentialKind;
  /** As displayed; '' when the page shows none (e.g. a lone push certificate). */
  name: string;
  /** Calendar date as displayed, 'YYYY-MM-DD'; null when absent or not certain. */
  expiresOn: string | null;
  appleId?: string;
  /** APNs topic / subject UID, 'com.apple.mgmt.External.<uuid>'. */
  topic?: string;
  /** As displayed (Active, Expired, 有効 …). */
  status?: string;
  /** Where on the page it was read, for the overlay. */
  anchor?: Element;
}

/** What an adapter's page reader found on a page it recognised. */
export interface PageRead {
  page: string;
  account?: string;
  credentials: FoundCredential[];
}

export interface ScanContext {
  url: URL;
  doc: Document;
  now: Date;
  /** The page's language (`<html lang>`), lower case, '' when the page does not say. */
  lang: string;
}

/**
 * Reads one kind of page. `read` returns null when the document is not that page, so that
 * the adapter can try its next reader; a recognised page with nothing on it returns an empty list.
 */
export interface PageReader {
  page: string;
  read(ctx: ScanContext): PageRead | null;
}

export interface ConsoleAdapter {
  id: ConsoleId;
  /** Tried in order; the first that recognises the document wins. */
  pages: readonly PageReader[];
  /** The tenant / billing account / organisation when the document shows it outside the page reader's reach. */
  account?(ctx: ScanContext): string | undefined;
}
