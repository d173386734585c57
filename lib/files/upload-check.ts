/**
 * The upload guard's verdict: is the file the admin just picked in a console's upload field
 * the right one? Which kind the page expects comes from the page kind (or the field's accept
 * list); the push topic in use comes from the same page's scan.
 */
import { consoleOf } from '../consoles/hosts';
import type { ConsoleId } from '../consoles/types';
import type { CredentialKind } from '../credentials/kinds';
import type { FileFacts, FileKind } from './report';

/** The file that renews each kind of credential in an MDM console's upload field. */
const BY_KIND: Partial<Record<CredentialKind, FileKind>> = { apns: 'apns-certificate', ade: 'ade-token', vpp: 'vpp-token' };

/**
 * What a console's upload field wants, or null when we cannot tell: the site's one kind of upload,
 * else what its page holds, else what the words around the field name (`near`, lib/files/upload-field.ts),
 * else its accept list.
 */
export function expectedKind(consoleId: ConsoleId | null, page: string | null, accept: string, near: CredentialKind | null = null): FileKind | null {
  const site = consoleId ? consoleOf(consoleId) : null;
  if (site?.upload) return site.upload;
  const holds = site?.pages.find((p) => p.page === page)?.holds;
  if (holds && BY_KIND[holds]) return BY_KIND[holds]!;
  if (near && BY_KIND[near]) return BY_KIND[near]!;
  const a = accept.toLowerCase();
  if (a.includes('.vpptoken')) return 'vpp-token';
  if (a.includes('.p7m')) return 'ade-token';
  if (a.includes('.pem')) return 'apns-certificate';
  return null;
}

/** What the guard has to say beyond the file's own line; worded by `verdictLines` (lib/wording/file.ts). */
export type VerdictNote =
  /** An ADE token without the MDM server's key: nothing wrong found, nothing to confirm it with. */
  | { say: 'cannot-confirm' }
  /** This field takes another kind of file. */
  | { say: 'wrong-kind'; expected: FileKind }
  /** The push certificate has the topic in use on this page: the right one. */
  | { say: 'same-topic' }
  /** … or another topic: renewing with it breaks every enrolled device. */
  | { say: 'other-topic'; topic: string }
  | { say: 'expired' }
  /** The expiry the console will show once it is uploaded. */
  | { say: 'new-expiry'; on: string };

export interface Verdict {
  /** 'info': nothing wrong found, and nothing to confirm it with (an ADE token without the MDM server's key). */
  level: 'ok' | 'info' | 'warn' | 'danger';
  notes: VerdictNote[];
}

/** The verdict on a file read for an upload field that expects `expected`, on a page whose push topic is `currentTopic`. */
export function uploadVerdict(report: FileFacts, expected: FileKind | null, currentTopic: string | undefined): Verdict {
  if (!report.ok) return { level: 'danger', notes: [] };
  const notes: VerdictNote[] = [];
  // An ADE token without its key: an estimate or nothing, never a confirmed expiry: never "ok".
  const unconfirmed = report.kind === 'ade-token' && !report.expiresOn;
  let level: Verdict['level'] = report.warnings.some((w) => w !== 'expiry-estimated' && w !== 'expiry-unknown') ? 'warn' : unconfirmed ? 'info' : 'ok';
  const wrongKind = expected !== null && report.kind !== expected;
  if (unconfirmed && !wrongKind) notes.push({ say: 'cannot-confirm' });
  if (wrongKind) {
    level = 'danger';
    notes.push({ say: 'wrong-kind', expected });
  }
  if (!wrongKind && report.kind === 'apns-certificate' && currentTopic) {
    if (report.topic === currentTopic) notes.push({ say: 'same-topic' });
    else {
      level = 'danger';
      notes.push({ say: 'other-topic', topic: currentTopic });
    }
  }
  // A push request Apple will reject: its signing chain has run out, or its signature is wrong.
  if (report.warnings.some((w) => w === 'signer-expired' || w === 'signature-invalid')) level = 'danger';
  if (report.warnings.includes('expired')) {
    level = 'danger';
    notes.push({ say: 'expired' });
  } else if (!wrongKind && report.expiresOn && (report.kind === 'apns-certificate' || report.kind === 'vpp-token' || report.kind === 'ade-token')) {
    notes.push({ say: 'new-expiry', on: report.expiresOn });
  }
  return { level, notes };
}
