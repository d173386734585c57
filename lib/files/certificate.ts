/** A certificate: a push certificate (its topic), the MDM server's public key for ADE, or another one. */
import forge from 'node-forge';
import { attr, found, isoDay, mismatch, parseDer, UID_OID } from './common';
import type { FileFacts, FileKind, FileWarning, InspectOptions } from './report';

const MDM_TOPIC = /^com\.apple\.mgmt\.[A-Za-z0-9_-]+\.[0-9a-fA-F-]{36}$/;

/**
 * What says a certificate without a push topic is the MDM server's public key for ADE: its
 * file name or subject ("PublicKey.pem", "… DEP …", "… enrollment …"), or the upload field it
 * goes to (`InspectOptions.expect`).
 */
const PUBLIC_KEY_USE = /public[\s_-]?key|(^|[^a-z])(dep|ade)([^a-z]|$)|enrol|inscription|登録/i;

export function describeCertificate(fileName: string, cert: forge.pki.Certificate, der: string, now: Date, opts: InspectOptions): FileFacts {
  const uid = attr(cert.subject.attributes, { type: UID_OID });
  const cn = attr(cert.subject.attributes, { shortName: 'CN' }) ?? '';
  const issuerCn = attr(cert.issuer.attributes, { shortName: 'CN' }) ?? '';
  const issuerO = attr(cert.issuer.attributes, { shortName: 'O' }) ?? '';
  const appleIssued = issuerO === 'Apple Inc.' && /^Apple /.test(issuerCn);
  const fingerprint = forge.md.sha256.create().update(der).digest().toHex().toUpperCase().match(/.{2}/g)!.join(':');
  const warnings: FileWarning[] = [];
  if (cert.validity.notAfter < now) warnings.push('expired');
  if (cert.validity.notBefore > now) warnings.push('not-yet-valid');
  const isPush = !!uid && (MDM_TOPIC.test(uid) || /^APSP:/.test(cn));
  const subject = cert.subject.attributes.map((a) => (typeof a.value === 'string' ? a.value : '')).join(' ');
  let kind: FileKind;
  if (isPush) {
    kind = 'apns-certificate';
    if (!uid || !MDM_TOPIC.test(uid)) warnings.push('not-mdm-topic');
    if (!appleIssued) warnings.push('not-apple-issued');
  } else if (!appleIssued && (opts.expect === 'public-key' || PUBLIC_KEY_USE.test(fileName) || PUBLIC_KEY_USE.test(subject))) {
    // The MDM server's own certificate, downloaded from the console to create the MDM server in ABM.
    kind = 'public-key';
  } else {
    kind = 'other-certificate';
    warnings.push('no-push-topic');
  }
  if (mismatch(fileName, kind)) warnings.push('extension-mismatch');
  const base = {
    kind,
    expiresOn: isoDay(cert.validity.notAfter),
    startsOn: isoDay(cert.validity.notBefore),
    issuer: [issuerCn, issuerO].filter(Boolean).join(', '),
    fingerprint,
    commonName: cn,
    serial: cert.serialNumber.toUpperCase(),
    appleIssued,
    warnings,
  };
  return found(kind === 'apns-certificate' && uid ? { ...base, topic: uid } : base);
}

export function certificateFromDer(der: string): forge.pki.Certificate {
  return forge.pki.certificateFromAsn1(parseDer(der));
}
