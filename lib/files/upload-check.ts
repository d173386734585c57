/**
 * The upload guard's verdict: is the file the admin just picked in a console's upload field
 * the right one? Which kind the page expects comes from the page kind (or the field's accept
 * list); the push topic in use comes from the same page's scan.
 */
import { consoleOf } from '../consoles/hosts';
import type { ConsoleId } from '../consoles/types';
import type { CredentialKind } from '../credentials/kinds';
import { formatDate } from '../wording/describe';
import { codeKey, t } from '../i18n';
import type { FileKind, FileReport } from './report';

/** The file that renews each kind of credential in an MDM console's upload field. */
const BY_KIND: Partial<Record<CredentialKind, FileKind>> = { apns: 'apns-certificate', ade: 'ade-token', vpp: 'vpp-token' };

/** What a console's upload field wants, or null when we cannot tell. */
export function expectedKind(consoleId: ConsoleId | null, page: string | null, accept: string): FileKind | null {
  const site = consoleId ? consoleOf(consoleId) : null;
  if (site?.upload) return site.upload;
  const holds = site?.pages.find((p) => p.page === page)?.holds;
  if (holds && BY_KIND[holds]) return BY_KIND[holds]!;
  const a = accept.toLowerCase();
  if (a.includes('.vpptoken')) return 'vpp-token';
  if (a.includes('.p7m')) return 'ade-token';
  if (a.includes('.pem')) return 'apns-certificate';
  return null;
}

export interface Verdict {
  /** 'info': nothing wrong found, and nothing to confirm it with (an ADE token without the MDM server's key). */
  level: 'ok' | 'info' | 'warn' | 'danger';
  lines: string[];
}

const kindNoun = (k: FileKind) => t(codeKey('fileKind_', k));

export function uploadVerdict(report: FileReport, expected: FileKind | null, currentTopic: string | undefined): Verdict {
  if (!report.ok) return { level: 'danger', lines: [report.message] };
  const lines = [report.message];
  // An ADE token without its key: an estimate or nothing, never a confirmed expiry: never "ok".
  const unconfirmed = report.kind === 'ade-token' && !report.expiresOn;
  let level: Verdict['level'] = report.warnings.some((w) => w !== 'expiry-estimated' && w !== 'expiry-unknown') ? 'warn' : unconfirmed ? 'info' : 'ok';
  const wrongKind = expected !== null && report.kind !== expected;
  if (unconfirmed && !wrongKind) lines.push(t('guardCannotConfirm'));
  if (wrongKind) {
    level = 'danger';
    lines.push(t('guardWrongKind', kindNoun(expected)));
  }
  if (!wrongKind && report.kind === 'apns-certificate' && currentTopic) {
    if (report.topic === currentTopic) lines.push(t('guardSameTopic'));
    else {
      level = 'danger';
      lines.push(t('guardOtherTopic', currentTopic));
    }
  }
  // A push request Apple will reject: its signing chain has run out, or its signature is wrong.
  if (report.warnings.some((w) => w === 'signer-expired' || w === 'signature-invalid')) level = 'danger';
  if (report.warnings.includes('expired')) {
    level = 'danger';
    lines.push(t('guardExpired'));
  } else if (!wrongKind && report.expiresOn && (report.kind === 'apns-certificate' || report.kind === 'vpp-token' || report.kind === 'ade-token')) {
    lines.push(t('guardNewExpiry', formatDate(report.expiresOn)));
  }
  return { level, lines };
}
