/** The consoles Token Radar reads. The ids are part of the `scanPage` contract. */
export type ConsoleId = 'intune' | 'maas360' | 'abm' | 'asm' | 'apple-push';

/**
 * Where a console lives. `host` is an exact host name, or `*.` followed by a domain for the
 * domain and every sub-domain (the same meaning as in a WebExtension match pattern).
 * `pathPrefix` narrows the permission to one part of a site.
 */
export interface ConsoleHost {
  host: string;
  pathPrefix?: string;
}

export interface ConsoleSite {
  id: ConsoleId;
  /** Product name as the admin knows it; not translated (it is a brand). */
  product: string;
  hosts: ConsoleHost[];
}
