import type { CredentialKind } from '../credentials/kinds';
import type { Health } from '../credentials/health';

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
  /** The MDM vendor a push certificate was made for (the Apple portal's Vendor column): a detail, never its name. */
  vendor?: string;
  /** The state its status, a badge or a notice says ('unknown' for status words not known; absent when the page says none). */
  health?: Health;
  /** 'alert' when read from a sentence about it (a home page notice) rather than its own row or panel. */
  via?: 'alert';
  /** Where on the page it was read, for the overlay. */
  anchor?: Element;
}

export interface ScanContext {
  url: URL;
  doc: Document;
  now: Date;
  /** The page's language (`<html lang>`), lower case, '' when the page does not say. */
  lang: string;
  /** The page's titles: title, headings, grid labels, the selected tab (normalised, lower case). */
  titles: readonly string[];
  /** The page's whole text, read once per scan however many page kinds ask. */
  text(): string;
  /** The column headers of every table and grid on the page, read once per scan. */
  columns(): readonly string[];
}

/**
 * One kind of page a console shows. `detect` says whether a document is that page (by its URL,
 * then by its content); reading is the shared layer's, with the page's kind as the default kind
 * of what it lists. A recognised page that yields nothing says so; it does not pass to the next page kind.
 */
export interface PageKind {
  page: string;
  /** The kind of credential the page lists; null when each row says its own (a connector status page). */
  holds: CredentialKind | null;
  detect(ctx: ScanContext): boolean;
  /** Read alert sentences on this page. Default: true. */
  sentences?: boolean;
}
