/**
 * A push certificate created anew instead of renewed. Renewing keeps the certificate's topic and
 * every enrolled device keeps working; a new certificate has another topic, and uploading it to
 * the console means enrolling every device again. Pure: the inventory in, the pairs out.
 *
 * Two push certificates are such a pair when they have different topics and either
 *  - belong to the same console and account (the console showed both over time), or
 *  - one is the console's and the other was only seen in Apple's portal under the same Apple ID,
 *    expiring later (so created after it).
 * The older one is the one to renew; the newer one is flagged as created anew.
 */
import { consoleOf } from '../consoles/hosts';
import type { ConsoleId } from '../consoles/types';
import type { Credential } from '../credentials/model';

export interface Replaced {
  /** The other certificate's topic. */
  topic: string;
  /** True for the certificate created anew (the one not to upload); false for the one to renew. */
  newer: boolean;
}

/** Apple's side (the push certificates portal): where certificates are made, not used. */
const onApple = (id: ConsoleId | undefined): boolean => !!id && consoleOf(id).role === 'apple';

function seenOnConsole(c: Credential): boolean {
  return c.sources.some((s) => s.type === 'page' && !!s.console && !onApple(s.console)) || (!!c.console && !onApple(c.console));
}

/** The Apple ID behind a certificate: shown by the console, or the portal account it was listed under. */
function appleIdOf(c: Credential): string | undefined {
  return (c.appleId ?? (onApple(c.console) ? c.account : undefined))?.toLowerCase();
}

function sameApple(a: Credential, b: Credential): boolean {
  const id = appleIdOf(a);
  return !!id && id === appleIdOf(b);
}

/** For each push certificate that is half of such a pair, what to tell about it. */
export function replacedPushCertificates(all: readonly Credential[]): Map<string, Replaced> {
  const out = new Map<string, Replaced>();
  const certs = all.filter((c) => c.kind === 'apns' && c.topic && !c.archived && c.expiresOn);
  for (const a of certs) {
    for (const b of certs) {
      if (a === b || a.topic === b.topic || b.expiresOn! <= a.expiresOn!) continue;
      // a is older (expires first), b newer.
      const sameConsole = !!a.console && !onApple(a.console) && a.console === b.console && (a.account ?? '') === (b.account ?? '');
      const portalOnly = seenOnConsole(a) && !seenOnConsole(b) && sameApple(a, b);
      if (!sameConsole && !portalOnly) continue;
      if (!out.has(a.id)) out.set(a.id, { topic: b.topic!, newer: false });
      out.set(b.id, { topic: a.topic!, newer: true });
    }
  }
  return out;
}

/** The push certificates of an observation that are half of such a pair, by their index in it: for the page to say so beside them. */
export function replacedInObservation(observed: readonly { kind: string; topic?: string }[], all: Credential[]): ({ index: number } & Replaced)[] {
  if (!observed.some((c) => c.kind === 'apns' && c.topic)) return [];
  const pairs = replacedPushCertificates(all);
  const out: ({ index: number } & Replaced)[] = [];
  observed.forEach((o, index) => {
    if (o.kind !== 'apns' || !o.topic) return;
    const c = all.find((x) => x.kind === 'apns' && x.topic === o.topic);
    const pair = c && pairs.get(c.id);
    if (pair) out.push({ index, ...pair });
  });
  return out;
}
