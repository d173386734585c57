/**
 * What tells a credential apart for the admin, as data. Tokens have names the consoles give
 * them; a push certificate has none (one per console), and Apple's portal lists it by the vendor
 * it was made for, which every tenant of that MDM shares. So a push certificate is named by the
 * tenant of the MDM console it is used in; without one, the wording falls back on its topic.
 */
import { consoleOf } from '../consoles/hosts';
import type { Credential } from '../credentials/model';
import { sourceAccount } from '../credentials/merge';

export function identifyingName(c: Pick<Credential, 'kind' | 'name' | 'account' | 'console'> & { sources?: Credential['sources'] }): string {
  if (c.name) return c.name;
  if (c.kind !== 'apns') return '';
  const mdm = (id: Credential['console']) => !!id && consoleOf(id).role === 'mdm';
  if (c.account && mdm(c.console)) return c.account;
  // First seen on Apple's portal, then on the MDM console: the tenant that console showed.
  for (const s of c.sources ?? []) {
    const account = mdm(s.console) ? sourceAccount(s) : undefined;
    if (account) return account;
  }
  return '';
}

/** A push topic's short form, the first part of its UUID ('com.apple.mgmt.External.4f1c2a9e-…' -> '4f1c2a9e'). */
export function shortTopic(topic: string): string {
  const uuid = /([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.exec(topic);
  return uuid ? uuid[1]!.toLowerCase() : topic.slice(-12);
}
