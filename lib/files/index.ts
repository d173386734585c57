/**
 * Reads the files admins download from Apple and upload to the console, on their own machine,
 * with node-forge: bytes in, a description or a specific error out. Pure apart from the UI
 * language of the message. Nothing read here is kept: no token, no key, no password.
 *
 * Contract (other tools import it): inspectFile(name, bytes, opts?) -> FileReport.
 */
import forge from 'node-forge';
import { formatDate } from '../wording/describe';
import { projectedExpiry } from '../credentials/urgency';
import { t } from '../i18n';
import { asText, fromBase64, startsWith, toBinary } from './bytes';
import { attr, certName, Fail, fail, finish, isoDay, mismatch, parseDer, UID_OID } from './common';
import { pemBlocks, type PemBlock } from './pem';
import { describeBareCsr, fromPushRequest } from './push-request';
import type { FileKind, FileReport, FileWarning, InspectOptions } from './report';

export type { FileKind, FileReport, FileError, FileWarning, InspectOptions, RequestInfo, SigningCertificate } from './report';

import { MAX_BYTES } from './limits';

export { MAX_BYTES } from './limits';
const MDM_TOPIC = /^com\.apple\.mgmt\.[A-Za-z0-9_-]+\.[0-9a-fA-F-]{36}$/;
const OID_ENVELOPED = forge.pki.oids.envelopedData;

// ---- certificates -----------------------------------------------------------------------

/**
 * What says a certificate without a push topic is the MDM server's public key for ADE: its
 * file name or subject ("PublicKey.pem", "… DEP …", "… enrollment …"), or the upload field it
 * goes to (`InspectOptions.expect`).
 */
const PUBLIC_KEY_USE = /public[\s_-]?key|(^|[^a-z])(dep|ade)([^a-z]|$)|enrol|inscription|登録/i;

function describeCertificate(fileName: string, cert: forge.pki.Certificate, der: string, now: Date, opts: InspectOptions): FileReport {
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
  if (kind === 'apns-certificate') {
    return finish({ ...base, ...(uid ? { topic: uid } : {}) }, t('file_apns', uid ?? cn, formatDate(base.expiresOn)));
  }
  if (kind === 'public-key') return finish(base, t('file_public_key_cert', cn || base.issuer, formatDate(base.expiresOn)));
  return finish(base, t('file_other_cert', cn || base.issuer, formatDate(base.expiresOn)));
}

function certificateFromDer(der: string): forge.pki.Certificate {
  return forge.pki.certificateFromAsn1(parseDer(der));
}

// ---- PEM ---------------------------------------------------------------------------------

const KEY_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'EC PRIVATE KEY']);

/**
 * A PEM file, every block of it, in any order: the push certificate (the certificate with a push
 * topic, else the first) is described; the chain's other certificates are named; a private key
 * is told as a warning (never kept), and one that is not the certificate's gets its own.
 */
function fromPem(name: string, text: string, now: Date, opts: InspectOptions): FileReport | Promise<FileReport> | null {
  const { blocks, truncated } = pemBlocks(text);
  if (blocks.length === 0) {
    if (truncated) throw new Fail('truncated');
    return null;
  }
  const der = (b: PemBlock) => {
    const bytes = fromBase64(b.body.replace(/^[A-Za-z-]+:.*$/gm, ''));
    if (!bytes) throw new Fail('truncated');
    return toBinary(bytes);
  };
  const certs = blocks.filter((b) => b.label === 'CERTIFICATE' || b.label === 'TRUSTED CERTIFICATE').map((b) => {
    const bin = der(b);
    return { bin, cert: certificateFromDer(bin) };
  });
  const keys = blocks.filter((b) => KEY_LABELS.has(b.label));
  if (certs.length) {
    const leaf = certs.find((c) => attr(c.cert.subject.attributes, { type: UID_OID })) ?? certs[0]!;
    const report = describeCertificate(name, leaf.cert, leaf.bin, now, opts);
    if (!report.ok) return report;
    const extra: string[] = [];
    const others = certs.filter((c) => c !== leaf).map((c) => certName(c.cert));
    if (others.length) extra.push(t('fileChain', others.join(', ')));
    const warnings = [...report.warnings];
    if (keys.length) {
      warnings.push('contains-private-key');
      extra.push(t('fileWarn_contains_private_key'));
      // An unencrypted RSA key can be compared with the certificate; an encrypted one cannot, here.
      const plain = keys.find((k) => k.label !== 'ENCRYPTED PRIVATE KEY');
      if (plain && keys.every((k) => !matchesCertificate(k, leaf.cert))) {
        warnings.push('key-mismatch');
        extra.push(t('fileWarn_key_mismatch'));
      }
    }
    return { ...report, warnings, message: [report.message, ...extra].join(' '), ...(others.length ? { chain: others } : {}) };
  }
  const first = (labels: string[]) => blocks.find((b) => labels.includes(b.label));
  const csr = first(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
  if (csr) return describeBareCsr(name, der(csr));
  const pub = first(['PUBLIC KEY', 'RSA PUBLIC KEY']);
  if (pub) {
    parseDer(der(pub));
    return finish({ kind: 'public-key', warnings: mismatch(name, 'public-key') ? ['extension-mismatch'] : [] }, t('file_public_key'));
  }
  const p7 = first(['PKCS7']);
  if (p7) return fromPkcs7(name, der(p7), now, opts);
  // Only a private key: nothing Apple issued is in it.
  if (keys.length) throw new Fail('no-certificate');
  return null;
}

/** Whether a private key block is the certificate's (RSA: the same modulus); false when it cannot be read. */
function matchesCertificate(key: PemBlock, cert: forge.pki.Certificate): boolean {
  try {
    const k = forge.pki.privateKeyFromPem(key.pem) as forge.pki.rsa.PrivateKey;
    const pub = cert.publicKey as forge.pki.rsa.PublicKey;
    return !!k.n && !!pub.n && k.n.equals(pub.n);
  } catch {
    return key.label === 'ENCRYPTED PRIVATE KEY' || key.label === 'EC PRIVATE KEY';
  }
}

// ---- S/MIME and PKCS#7: the ADE server token ---------------------------------------------

function fromSmime(name: string, text: string, now: Date, opts: InspectOptions): FileReport | Promise<FileReport> | null {
  if (!/application\/(x-)?pkcs7-mime/i.test(text)) return null;
  const split = text.search(/\r?\n\r?\n/);
  if (split === -1) throw new Fail('truncated');
  const der = fromBase64(text.slice(split));
  if (!der) throw new Fail('truncated');
  return fromPkcs7(name, toBinary(der), now, opts);
}

/** The download time Apple writes into an ADE token's name: `<Server>_Token_<YYYY-MM-DDTHH-MM-SSZ>_smime.p7m`. */
const DOWNLOADED_AT = /_Token_(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z/i;

/** One year after the token's download, from its name, else from the file's date; null without either (or with one in the future). */
function adeEstimate(name: string, lastModified: number | undefined, now: Date): { on: string; from: 'file-name' | 'file-date' } | null {
  const m = DOWNLOADED_AT.exec(name);
  if (m) {
    const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    const at = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
    if (at.getUTCMonth() === mo - 1 && at.getUTCDate() === d && at.getTime() <= now.getTime() + 86_400_000) return { on: projectedExpiry(at, 'UTC'), from: 'file-name' };
  }
  if (typeof lastModified === 'number' && Number.isFinite(lastModified) && lastModified > 0 && lastModified <= now.getTime() + 86_400_000) {
    return { on: projectedExpiry(new Date(lastModified), 'UTC'), from: 'file-date' };
  }
  return null;
}

function fromPkcs7(name: string, bin: string, now: Date, opts: InspectOptions): FileReport {
  const asn1 = parseDer(bin);
  const oid = forge.asn1.derToOid((asn1.value as forge.asn1.Asn1[])[0]!.value as string);
  if (oid !== OID_ENVELOPED) throw new Fail('unrecognised');
  const msg = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsEnvelopedData & {
    recipients: { issuer: forge.pki.CertificateField[]; serialNumber: string }[];
    decrypt(recipient: unknown, key: forge.pki.rsa.PrivateKey): void;
    content?: forge.util.ByteStringBuffer;
  };
  const recipient = msg.recipients[0];
  if (!recipient) throw new Fail('truncated');
  const issuer = [attr(recipient.issuer, { shortName: 'CN' }), attr(recipient.issuer, { shortName: 'O' })].filter(Boolean).join(', ');
  const warnings: FileWarning[] = mismatch(name, 'ade-token') ? ['extension-mismatch'] : [];
  const base = { kind: 'ade-token' as const, issuer, serial: recipient.serialNumber.toUpperCase(), appleIssued: false };
  if (!opts.privateKeyPem) {
    // Apple does not put the expiry outside the encrypted part. A token lasts a year from its
    // download: estimate it from evidence only, and say which; never as the expiry of record.
    const main = t('file_ade', issuer || recipient.serialNumber);
    const estimate = adeEstimate(name, opts.lastModified, now);
    if (!estimate) return finish({ ...base, warnings: [...warnings, 'expiry-unknown'] }, main);
    const past = estimate.on < isoDay(now);
    const said = t(estimate.from === 'file-name' ? 'fileEstimateFromName' : 'fileEstimateFromDate', formatDate(estimate.on));
    return finish(
      { ...base, estimatedExpiry: estimate.on, estimatedFrom: estimate.from, warnings: [...warnings, 'expiry-estimated', ...(past ? (['probably-expired'] as const) : [])] },
      main,
      { 'expiry-estimated': said },
    );
  }
  let key: forge.pki.rsa.PrivateKey;
  try {
    key = forge.pki.privateKeyFromPem(opts.privateKeyPem);
  } catch {
    throw new Fail('wrong-key');
  }
  // A key no MDM server uses (over 8192 bits, or exponents longer than its modulus) would keep
  // the RSA arithmetic busy for minutes.
  if (!saneRsaKey(key)) throw new Fail('wrong-key');
  try {
    msg.decrypt(recipient, key);
  } catch {
    throw new Fail('wrong-key');
  }
  const plain = msg.content?.getBytes() ?? '';
  const json = /\{[\s\S]*\}/.exec(forge.util.decodeUtf8(plain))?.[0];
  if (!json) throw new Fail('wrong-key');
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(json) as Record<string, unknown>;
  } catch {
    throw new Fail('wrong-key');
  }
  const expiry = typeof data.access_token_expiry === 'string' ? data.access_token_expiry : '';
  const expiresOn = /^\d{4}-\d{2}-\d{2}/.exec(expiry)?.[0];
  const serverName = ['server_name', 'serverName', 'org_name', 'orgName'].map((k) => data[k]).find((v): v is string => typeof v === 'string');
  // The tokens themselves (consumer_key, access_secret …) are dropped here with `data`.
  const report = { ...base, warnings: [...warnings], ...(expiresOn ? { expiresOn } : {}), ...(serverName ? { serverName } : {}) };
  if (expiresOn && expiresOn < isoDay(now)) report.warnings.push('expired');
  return finish(report, t('file_ade_decrypted', serverName ?? issuer, expiresOn ? formatDate(expiresOn) : '—'));
}

/** RSA numbers of a size real keys have: a modulus of at most 8192 bits, no part longer than it. */
export function saneRsaKey(key: { n?: forge.jsbn.BigInteger; e?: forge.jsbn.BigInteger; d?: forge.jsbn.BigInteger; dP?: forge.jsbn.BigInteger; dQ?: forge.jsbn.BigInteger; p?: forge.jsbn.BigInteger; q?: forge.jsbn.BigInteger }): boolean {
  const bits = key.n?.bitLength() ?? 0;
  if (bits === 0 || bits > 8192) return false;
  return [key.e, key.d, key.dP, key.dQ, key.p, key.q].every((x) => !x || x.bitLength() <= bits);
}

// ---- .vpptoken ---------------------------------------------------------------------------

function fromVppToken(name: string, text: string, now: Date): FileReport | null {
  const trimmed = text.trim();
  let json: string | null = null;
  if (trimmed.startsWith('{')) json = trimmed;
  else {
    const decoded = fromBase64(trimmed);
    const inner = decoded && asText(decoded);
    if (inner?.trim().startsWith('{')) json = inner.trim();
  }
  if (!json) {
    // Named .vpptoken and base64, but not a JSON object inside: a damaged token.
    if (name.toLowerCase().endsWith('.vpptoken') && /^[A-Za-z0-9+/=\s]+$/.test(trimmed)) throw new Fail('bad-vpptoken');
    return null;
  }
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(json) as Record<string, unknown>;
  } catch {
    if (name.toLowerCase().endsWith('.vpptoken')) throw new Fail('bad-vpptoken');
    return null;
  }
  if (!('expDate' in data) && !('token' in data)) return null;
  const expDate = typeof data.expDate === 'string' ? data.expDate : '';
  const expiresOn = /^(\d{4}-\d{2}-\d{2})/.exec(expDate)?.[1];
  const orgName = typeof data.orgName === 'string' ? data.orgName : '';
  if (!expiresOn || !orgName) throw new Fail('bad-vpptoken');
  const warnings: FileWarning[] = [];
  if (expiresOn < isoDay(now)) warnings.push('expired');
  if (mismatch(name, 'vpp-token')) warnings.push('extension-mismatch');
  // `token` is never copied out of `data`.
  return finish({ kind: 'vpp-token', expiresOn, orgName, warnings }, t('file_vpp', orgName, formatDate(expiresOn)));
}

// ---- binary: DER certificate, PKCS#12, PKCS#7 --------------------------------------------

function fromDer(name: string, bytes: Uint8Array, now: Date, opts: InspectOptions): FileReport {
  if (bytes[0] !== 0x30) throw new Fail('unrecognised');
  const bin = toBinary(bytes);
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = parseDer(bin);
  } catch {
    throw new Fail(bytes.length < 64 ? 'unrecognised' : 'truncated');
  }
  const parts = asn1.value as forge.asn1.Asn1[];
  const first = parts[0];
  // PKCS#12: SEQUENCE { INTEGER 3, ContentInfo, MacData }
  if (first && first.type === forge.asn1.Type.INTEGER && parts.length >= 2) return fromP12(name, asn1, now, opts);
  // PKCS#7 ContentInfo: SEQUENCE { OID, [0] content }
  if (first && first.type === forge.asn1.Type.OID) return fromPkcs7(name, bin, now, opts);
  // X.509: SEQUENCE { tbsCertificate SEQUENCE, algorithm, signature }
  try {
    return describeCertificate(name, forge.pki.certificateFromAsn1(asn1), bin, now, opts);
  } catch {
    try {
      return describeBareCsr(name, bin);
    } catch {
      throw new Fail('unrecognised');
    }
  }
}

/**
 * The largest key-derivation iteration count a .p12 may ask for. node-forge derives keys on the
 * page's thread, linearly in the count: 2^21 iterations take about 5 s. Files made by macOS,
 * Windows and OpenSSL use 2,048 to a few hundred thousand.
 */
export const MAX_P12_ITERATIONS = 500_000;
/** … and in all: a file of many bags, each under the cap, would add up to minutes. */
export const MAX_P12_TOTAL_ITERATIONS = 1_500_000;

/** The iteration counts a PFX asks for: its MAC's, and those of its encrypted bags' PBE and PBKDF2 parameters. */
function p12Iterations(asn1: forge.asn1.Asn1): number[] {
  const counts: number[] = [];
  const integer = (node: forge.asn1.Asn1 | undefined): number | null => {
    if (!node || node.type !== forge.asn1.Type.INTEGER || typeof node.value !== 'string') return null;
    // More than four bytes is more than any count we accept: count it as huge without converting.
    return node.value.length > 4 ? Number.MAX_SAFE_INTEGER : forge.util.createBuffer(node.value).getInt(node.value.length * 8);
  };
  const parts = Array.isArray(asn1.value) ? asn1.value : [];
  // PFX: version, authSafe, macData { mac, macSalt, iterations }.
  const macData = parts[2];
  if (macData && Array.isArray(macData.value)) {
    const n = integer(macData.value[2] as forge.asn1.Asn1 | undefined);
    if (n !== null) counts.push(n);
  }
  // Inside the authenticated safe: every SEQUENCE { OCTET STRING salt, INTEGER iterations, … }.
  const walk = (node: forge.asn1.Asn1, depth: number) => {
    if (depth > 24 || !Array.isArray(node.value)) return;
    const [a, b] = node.value as forge.asn1.Asn1[];
    if (node.type === forge.asn1.Type.SEQUENCE && a?.type === forge.asn1.Type.OCTETSTRING && b) {
      const n = integer(b);
      if (n !== null) counts.push(n);
    }
    for (const child of node.value as forge.asn1.Asn1[]) walk(child, depth + 1);
  };
  try {
    const authSafe = parts[1] as forge.asn1.Asn1 | undefined;
    const content = Array.isArray(authSafe?.value) ? (authSafe!.value[1] as forge.asn1.Asn1 | undefined) : undefined;
    const octets = content && Array.isArray(content.value) ? (content.value[0] as forge.asn1.Asn1 | undefined) : undefined;
    if (octets && typeof octets.value === 'string') walk(parseDer(octets.value), 0);
  } catch {
    // Not the structure we looked for: node-forge will say what is wrong with it.
  }
  return counts;
}

function fromP12(name: string, asn1: forge.asn1.Asn1, now: Date, opts: InspectOptions): FileReport {
  const counts = p12Iterations(asn1);
  if (counts.some((n) => n > MAX_P12_ITERATIONS) || counts.reduce((a, n) => a + n, 0) > MAX_P12_TOTAL_ITERATIONS) throw new Fail('too-slow');
  if (opts.password === undefined) {
    // Some .p12 files have an empty password: try it before asking.
    try {
      return certFromP12(name, forge.pkcs12.pkcs12FromAsn1(asn1, false, ''), now, opts);
    } catch {
      throw new Fail('password-needed');
    }
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, opts.password);
  } catch (e) {
    throw new Fail(/MAC|password|Invalid/i.test(String((e as Error).message)) ? 'wrong-password' : 'truncated');
  }
  return certFromP12(name, p12, now, opts);
}

function certFromP12(name: string, p12: forge.pkcs12.Pkcs12Pfx, now: Date, opts: InspectOptions): FileReport {
  const bags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag!] ?? [];
  const certs = bags.map((b) => b.cert).filter((c): c is forge.pki.Certificate => !!c);
  if (!certs.length) throw new Fail('no-certificate');
  // The leaf: the certificate that issued no other in the file.
  const leaf = certs.find((c) => !certs.some((o) => o !== c && o.issuer.hash === c.subject.hash)) ?? certs[0]!;
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(leaf)).getBytes();
  // The private key in the bag is never read out; the p12 object goes out of scope here.
  return describeCertificate(name, leaf, der, now, opts);
}

// ---- the entry point ---------------------------------------------------------------------

function inspect(name: string, bytes: Uint8Array, opts: InspectOptions): FileReport {
  const now = opts.now ?? new Date();
  if (bytes.length === 0) return fail('empty');
  if (bytes.length > MAX_BYTES) return fail('too-large');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return fail('zip');
  try {
    const text = asText(bytes);
    if (text !== null) {
      // A push request carries its signing chain as PEM blocks: it is read before any PEM file.
      const found =
        fromPushRequest(name, text, now) ??
        fromPem(name, text, now, opts) ??
        fromSmime(name, text, now, opts) ??
        fromVppToken(name, text, now);
      if (found) return found as FileReport;
      // Base64 of a DER file (some tools save certificates that way).
      const der = fromBase64(text);
      if (der && der[0] === 0x30 && der.length > 64) return fromDer(name, der, now, opts);
      return fail(text.trim() === '' ? 'empty' : 'unrecognised');
    }
    return fromDer(name, bytes, now, opts);
  } catch (e) {
    if (e instanceof Fail) return fail(e.code);
    // node-forge throws plain errors on damaged structures: the file is cut short or corrupt.
    return fail('truncated');
  }
}

/**
 * What a file is, read locally. Returns synchronously; the signature allows a Promise for
 * readers that may need one later.
 */
export function inspectFile(name: string, bytes: Uint8Array, opts: InspectOptions = {}): FileReport | Promise<FileReport> {
  return inspect(name, bytes, opts);
}
