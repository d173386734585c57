/** What every file reader shares: strict DER, failures by code, names. No words: lib/wording/file.ts says it. */
import forge from 'node-forge';
import type { FileError, FileFacts, FileKind } from './report';

export const UID_OID = '0.9.2342.19200300.100.1.1';

/** DER to ASN.1, strictly; trailing bytes are allowed (some tools pad files). */
export function parseDer(bin: string): forge.asn1.Asn1 {
  const fromDer = forge.asn1.fromDer as unknown as (b: string, o: { strict: boolean; parseAllBytes: boolean }) => forge.asn1.Asn1;
  return fromDer(bin, { strict: true, parseAllBytes: false });
}

/** Thrown by a reader that knows what is wrong; `readFacts` turns it into its code. */
export class Fail extends Error {
  constructor(readonly code: FileError) {
    super(code);
  }
}

export function fail(code: FileError): FileFacts {
  return { ok: false, error: code };
}

export type Found = Extract<FileFacts, { ok: true }>;

/** What a reader found. The readers build their warnings as FileWarning (checked there); the contract types them as strings. */
export function found(facts: Omit<Found, 'ok'>): FileFacts {
  return { ok: true, ...facts };
}

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** One attribute of a certificate's subject or issuer, by OID or short name. */
export function attr(name: forge.pki.CertificateField[] | undefined, key: { type?: string; shortName?: string }): string | undefined {
  const found = name?.find((a) => (key.type && a.type === key.type) || (key.shortName && a.shortName === key.shortName));
  return typeof found?.value === 'string' ? found.value : undefined;
}

/** A certificate's name as a person would give it: its common name, else its organisation. */
export const certName = (c: forge.pki.Certificate) => attr(c.subject.attributes, { shortName: 'CN' }) ?? attr(c.subject.attributes, { shortName: 'O' }) ?? '?';

/**
 * The end of a chain: the certificate that issued no other one in the list (a push certificate
 * beside its intermediates, a vendor's own certificate in a signing chain); the first when the
 * list says nothing.
 */
export function leafOf(certs: readonly forge.pki.Certificate[]): forge.pki.Certificate | undefined {
  return certs.find((c) => !certs.some((o) => o !== c && o.issuer.hash === c.subject.hash)) ?? certs[0];
}

/** What the file name says it is. */
function expectedFromName(name: string): FileKind | 'p12' | null {
  const n = name.toLowerCase();
  if (n.endsWith('.vpptoken')) return 'vpp-token';
  if (n.endsWith('.p7m')) return 'ade-token';
  if (n.endsWith('.csr') || n.endsWith('.plist')) return 'csr';
  if (n.endsWith('.p12') || n.endsWith('.pfx')) return 'p12';
  return null; // .pem, .cer, .crt, .der, .txt: a certificate, a key or anything else
}

/** The name says one kind of file and the content is another. */
export function mismatch(name: string, kind: FileKind): boolean {
  const expected = expectedFromName(name);
  if (!expected) return false;
  if (expected === 'p12') return kind !== 'apns-certificate' && kind !== 'other-certificate';
  return expected !== kind;
}
