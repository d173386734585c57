/**
 * Which inventory credential a file belongs to. A push certificate matches by its topic only:
 * a certificate with another topic is a different certificate, and uploading it in place of
 * the one in use would break every enrolled device once the old one expires.
 */
import { normName } from '../credentials/merge';
import type { Credential } from '../credentials/model';
import type { FileReport } from './report';

type Ok = Extract<FileReport, { ok: true }>;

export type FileMatch =
  /** The credential the file renews or describes. */
  | { type: 'match'; credential: Credential; renews: boolean }
  /** A push certificate whose topic is none of the push certificates in the inventory. */
  | { type: 'topic-mismatch'; inventoryTopics: string[] }
  /** Nothing in the inventory yet: the file can be added. */
  | { type: 'new' }
  /** Not a credential to track (a CSR, a bare public key, another certificate). */
  | { type: 'not-tracked' };

/** The name the file gives its credential: a token's organisation or server, the MDM key's common name. */
export function credentialName(report: Ok): string {
  return report.orgName ?? report.serverName ?? (report.kind === 'public-key' ? (report.commonName ?? '') : '');
}

export function matchFile(report: Ok, all: readonly Credential[]): FileMatch {
  const live = all.filter((c) => !c.archived);
  if (report.kind === 'apns-certificate') {
    const pushes = live.filter((c) => c.kind === 'apns');
    const same = pushes.find((c) => c.topic && c.topic === report.topic);
    if (same) return { type: 'match', credential: same, renews: !!report.expiresOn && (!same.expiresOn || report.expiresOn > same.expiresOn) };
    const topics = pushes.map((c) => c.topic).filter((t): t is string => !!t);
    return topics.length ? { type: 'topic-mismatch', inventoryTopics: topics } : { type: 'new' };
  }
  if (report.kind === 'vpp-token' || report.kind === 'ade-token') {
    const kind = report.kind === 'vpp-token' ? 'vpp' : 'ade';
    const name = credentialName(report);
    if (!name) return { type: 'new' };
    const n = normName(name);
    const same = live.find((c) => c.kind === kind && (normName(c.name) === n || (c.organization && normName(c.organization) === n)));
    if (same) return { type: 'match', credential: same, renews: !!report.expiresOn && (!same.expiresOn || report.expiresOn > same.expiresOn) };
    return { type: 'new' };
  }
  // The MDM server's public key for ADE, as a certificate with dates: kept as an 'other'
  // credential whose name holds the certificate's name.
  if (report.kind === 'public-key' && report.expiresOn && report.commonName) {
    const n = normName(report.commonName);
    const same = live.find((c) => c.kind === 'other' && normName(c.name).includes(n));
    if (same) return { type: 'match', credential: same, renews: !same.expiresOn || report.expiresOn > same.expiresOn };
    return { type: 'new' };
  }
  return { type: 'not-tracked' };
}
