/**
 * What a file check says, in the UI language: the readers in lib/files find codes and data
 * (`FileFacts`); this turns them into the one line the admin reads. Worded where the extension
 * API is: in the page that asked, never in the worker that read the file.
 */
import { codeKey, t } from '../i18n';
import type { FileFacts, FileReport, FileWarning } from '../files/report';
import type { VerdictNote } from '../files/upload-check';
import { formatDate } from './describe';

type Found = Extract<FileFacts, { ok: true }>;

const date = (iso: string | undefined) => (iso ? formatDate(iso) : '—');

/** The first sentence: what the file is. */
function mainLine(f: Found): string {
  const who = f.commonName || f.issuer || '';
  switch (f.kind) {
    case 'apns-certificate':
      return t('file_apns', f.topic ?? f.commonName ?? '', date(f.expiresOn));
    case 'public-key':
      // A bare public key block has no dates; the MDM server's certificate has.
      return f.expiresOn ? t('file_public_key_cert', who, date(f.expiresOn)) : t('file_public_key');
    case 'other-certificate':
      return t('file_other_cert', who, date(f.expiresOn));
    case 'vpp-token':
      return t('file_vpp', f.orgName ?? '', date(f.expiresOn));
    case 'ade-token':
      // Read without the MDM server's key, the reader says the expiry is estimated or unknown.
      return readWithoutKey(f) ? t('file_ade', f.issuer || f.serial || '') : t('file_ade_decrypted', f.serverName ?? f.issuer ?? '', date(f.expiresOn));
    case 'csr': {
      const r = f.request;
      const subject = r?.subject || '—';
      const key = r?.keyBits ? t('fileKeyRsa', r.keyBits) : t('fileKeyUnknown');
      if (r?.container !== 'push-request') return t('file_csr', subject, key);
      // The dates are in the signing chain (and in a warning when one has run out or is about to).
      return [t('file_push_request', subject, key), ...(r.signedBy ? [t('fileSignedBy', r.signedBy)] : [])].join(' ');
    }
  }
}

const readWithoutKey = (f: Found) => f.warnings.includes('expiry-estimated') || f.warnings.includes('expiry-unknown');

/** The signing certificate that runs out first: the one a signer warning is about. */
function firstToExpire(f: Found) {
  return [...(f.signingChain ?? [])].sort((a, b) => a.expiresOn.localeCompare(b.expiresOn))[0];
}

/** One sentence per warning; those that need a name or a date get it from the facts. */
function warningLine(f: Found, w: FileWarning): string {
  switch (w) {
    case 'expiry-estimated':
      return t(f.estimatedFrom === 'file-name' ? 'fileEstimateFromName' : 'fileEstimateFromDate', date(f.estimatedExpiry));
    case 'signer-expired':
    case 'signer-expiring': {
      const c = firstToExpire(f);
      return t(w === 'signer-expired' ? 'fileWarn_signer_expired' : 'fileWarn_signer_expiring', c?.name ?? '?', date(c?.expiresOn));
    }
    default:
      return t(codeKey('fileWarn_', w));
  }
}

/** The line the admin reads about a file: what it is, the rest of its chain, then each warning. */
export function fileMessage(f: FileFacts): string {
  if (!f.ok) return t(codeKey('fileErr_', f.error));
  const chain = f.chain?.length ? [t('fileChain', f.chain.join(', '))] : [];
  // The contract keeps warnings as strings; the readers only write FileWarning codes.
  return [mainLine(f), ...chain, ...f.warnings.map((w) => warningLine(f, w as FileWarning))].join(' ');
}

/** The facts with their message: the `FileReport` of the contract. */
export function worded(f: FileFacts): FileReport {
  return { ...f, message: fileMessage(f) } as FileReport;
}

/** The upload guard's lines: the file's own line, then what the guard adds. */
export function verdictLines(report: FileReport, notes: readonly VerdictNote[]): string[] {
  return [report.message, ...notes.map(noteLine)];
}

function noteLine(n: VerdictNote): string {
  switch (n.say) {
    case 'cannot-confirm':
      return t('guardCannotConfirm');
    case 'wrong-kind':
      return t('guardWrongKind', t(codeKey('fileKind_', n.expected)));
    case 'same-topic':
      return t('guardSameTopic');
    case 'other-topic':
      return t('guardOtherTopic', n.topic);
    case 'expired':
      return t('guardExpired');
    case 'new-expiry':
      return t('guardNewExpiry', formatDate(n.on));
  }
}
