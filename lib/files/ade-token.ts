/** The ADE server token: S/MIME or DER PKCS#7 enveloped data, decrypted in memory with the MDM server's key. */
import forge from 'node-forge';
import { projectedExpiry } from '../credentials/urgency';
import { fromBase64, toBinary } from './bytes';
import { attr, Fail, found, isoDay, mismatch, parseDer } from './common';
import type { FileFacts, FileWarning, InspectOptions } from './report';

const OID_ENVELOPED = forge.pki.oids.envelopedData;

export function fromSmime(name: string, text: string, now: Date, opts: InspectOptions): FileFacts | null {
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

export function fromPkcs7(name: string, bin: string, now: Date, opts: InspectOptions): FileFacts {
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
    const estimate = adeEstimate(name, opts.lastModified, now);
    if (!estimate) return found({ ...base, warnings: [...warnings, 'expiry-unknown'] });
    const past = estimate.on < isoDay(now);
    return found({ ...base, estimatedExpiry: estimate.on, estimatedFrom: estimate.from, warnings: [...warnings, 'expiry-estimated', ...(past ? (['probably-expired'] as const) : [])] });
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
  return found(report);
}

/** RSA numbers of a size real keys have: a modulus of at most 8192 bits, no part longer than it. */
export function saneRsaKey(key: { n?: forge.jsbn.BigInteger; e?: forge.jsbn.BigInteger; d?: forge.jsbn.BigInteger; dP?: forge.jsbn.BigInteger; dQ?: forge.jsbn.BigInteger; p?: forge.jsbn.BigInteger; q?: forge.jsbn.BigInteger }): boolean {
  const bits = key.n?.bitLength() ?? 0;
  if (bits === 0 || bits > 8192) return false;
  return [key.e, key.d, key.dP, key.dQ, key.p, key.q].every((x) => !x || x.bitLength() <= bits);
}
