/**
 * What a console is: one module per console (lib/consoles/<id>/index.ts), listed once in
 * lib/consoles/list.ts, from which `ConsoleId` is derived. Pure data and functions: this
 * module graph is also imported by wxt.config.ts (in Node), so keep it free of browser APIs.
 */
import type { MessageKey } from '../i18n';
import type { PageKind, ScanContext } from './adapter';
import type { CredentialKind } from '../credentials/kinds';
import type { ConsoleId } from './list';

export type { ConsoleId } from './list';

/**
 * Where a console lives. `host` is an exact host name, or `*.` followed by a domain for the
 * domain and every sub-domain (the same meaning as in a WebExtension match pattern).
 * `pathPrefix` narrows the permission to one part of a site.
 */
export interface ConsoleHost {
  host: string;
  pathPrefix?: string;
}

/** A console the admin added at its own address (`https://host[:port]`). Part of the `scanPage` contract. */
export interface AddedSite {
  console: ConsoleId;
  origin: string;
}

/** The warnings a site puts beside its costliest controls (lib/guide/guards.ts draws them). */
export type GuardId = 'download-token' | 'create-certificate' | 'revoke' | 'get-started' | 'renew-row';

/**
 * A page of a console that shows credentials, for the welcome page: visited once, it fills the
 * inventory. `path` is the console's own menu, in the words it shows (not translated: the admin
 * looks for exactly these labels); `url` when the address is the same for every customer.
 */
export interface ConsolePlace {
  holds: readonly ('apns' | 'ade' | 'vpp')[];
  path: string;
  url?: string;
}

/**
 * A console's own words, added to the shared vocabulary (lib/consoles/vocabulary.ts) on its pages
 * only: what the console calls each credential where the general words do not say it (CLOMO
 * PANEL's push certificate is its "MDM 構成プロファイル"). Written as the page shows them; they
 * are normalised as the page's text is.
 */
export interface ConsoleWords {
  /** Phrases that name a credential's kind for certain on this console's pages. */
  kinds: Partial<Record<CredentialKind, readonly string[]>>;
}

export interface ConsoleModule<Id extends string = string> {
  id: Id;
  /** Product name as the admin knows it; not translated (it is a brand). */
  product: string;
  /** For a console that is not a brand ("other"): its name, translated. */
  productKey?: MessageKey;
  /** An MDM console (where a renewal ends with an upload), or an Apple site (where the files are made). */
  role: 'mdm' | 'apple';
  /** Hosts in the manifest: read wherever the extension is installed. */
  hosts: readonly ConsoleHost[];
  /** The console's cloud hosts, asked for (an optional permission) when the admin turns it on. */
  optionalHosts?: readonly ConsoleHost[];
  /** The admin can add it at an address of its own (on-premises, or a per-customer address). */
  ownAddress?: boolean;
  /** Its own words for the credentials, beside the shared vocabulary. */
  words?: ConsoleWords;
  /** Page kinds, tried in order; the first that recognises the document wins. Pages of no known kind are read by the shared layer alone. */
  pages: readonly PageKind[];
  /** The tenant / billing account / organisation when the document shows it. */
  account?(ctx: ScanContext): string | undefined;
  /** Where alert sentences are read: on any page of the console (default), or only on the page kinds that allow them. */
  sentences?: 'anywhere' | 'recognised';
  /** The console's start page when it is the same for every customer (opened when no page of it is known). */
  home?: string;
  /** Where a flow's first steps on this site begin (an Apple site's start page). */
  start?: string;
  /** Where to send the admin to renew a credential last seen at `url` on this console. Default: that page. */
  renewUrl?(url: URL, kind: string): string;
  /** What every upload field of this site expects. Default: the page kind's credential file. */
  upload?: 'csr' | 'public-key';
  guards?: readonly GuardId[];
  /** What lapsing means in this console when it differs from the general case (Intune's doubled apps), by credential kind. */
  lapse?: Partial<Record<'apns' | 'ade' | 'vpp', MessageKey>>;
  /** Said under the quiet "watching; no credential on this page" note: where this console shows its dates when this page does not. */
  quietHint?: MessageKey;
  /** Where its credentials are shown; none when that is not known (the welcome page then says so). */
  places?: readonly ConsolePlace[];
}
