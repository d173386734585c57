/**
 * The push certificate request an MDM console hands the admin for the Apple Push Certificates
 * Portal: a plist (usually base64) with the customer's CSR (`PushCertRequestCSR`), the MDM
 * vendor's signing chain (`PushCertCertificateChain`) and the vendor's signature over the CSR
 * (`PushCertSignature`). Apple rejects it when a certificate of that chain has expired or the
 * signature does not verify; a bare CSR, not yet signed by a vendor, is not accepted either.
 */
import forge from 'node-forge';
import { asText, fromBase64, toBinary } from './bytes';
import { attr, certName, found, isoDay, leafOf, mismatch, parseDer } from './common';
import { pemBlocks, pemBytes } from './pem';
import type { FileFacts, FileWarning, SigningCertificate } from './report';

/** A signing certificate that expires within this many days is told about before Apple refuses it. */
export const SIGNER_WARN_DAYS = 30;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(parseInt(e[1] === 'x' || e[1] === 'X' ? e.slice(2) : e.slice(1), e[1] === 'x' || e[1] === 'X' ? 16 : 10) || 32) : (ENTITIES[e.toLowerCase()] ?? m),
  );

/** The `PushCert…` entries of a plist's top dictionary (`<string>` or `<data>` values). Linear: no value holds '<'. */
function plistEntries(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<key>\s*(PushCert[A-Za-z]{1,40})\s*<\/key>\s*<(string|data)>([^<]*)<\/(?:string|data)>/g)) {
    if (!out.has(m[1]!)) out.set(m[1]!, unescapeXml(m[3]!));
  }
  return out;
}

/** The plist inside a file: as it is, or base64 of it. */
export function plistText(text: string): string | null {
  if (/<plist[\s>]/.test(text)) return text;
  if (text.includes('-----BEGIN')) return null;
  const decoded = fromBase64(text);
  const inner = decoded && asText(decoded);
  return inner && /<plist[\s>]/.test(inner) ? inner : null;
}

/** Bytes that are either PEM (one block of `labels`) or base64 of DER. */
function derOf(value: string, labels: string[]): string | null {
  if (value.includes('-----BEGIN')) {
    const block = pemBlocks(value).blocks.find((b) => labels.includes(b.label));
    const bytes = block && pemBytes(block);
    return bytes ? toBinary(bytes) : null;
  }
  const bytes = fromBase64(value);
  return bytes ? toBinary(bytes) : null;
}

/** "CN=…, O=…" from a name's attributes. */
function distinguished(fields: forge.pki.CertificateField[]): string {
  return fields
    .filter((f) => typeof f.value === 'string' && (f.shortName || f.name))
    .map((f) => `${f.shortName ?? f.name}=${f.value as string}`)
    .join(', ');
}

interface RequestFacts {
  subject: string;
  keyBits?: number;
}

/** The CSR's subject and RSA key size; a key node-forge cannot read (EC) leaves the size out. */
function csrFacts(der: string): RequestFacts {
  const asn1 = parseDer(der);
  try {
    const csr = forge.pki.certificationRequestFromAsn1(asn1);
    const n = (csr.publicKey as forge.pki.rsa.PublicKey | null)?.n;
    return { subject: distinguished(csr.subject.attributes), ...(n ? { keyBits: n.bitLength() } : {}) };
  } catch {
    // CertificationRequestInfo: SEQUENCE { version, subject Name, subjectPKInfo, attributes }.
    const info = (asn1.value as forge.asn1.Asn1[])[0];
    const name = Array.isArray(info?.value) ? (info.value[1] as forge.asn1.Asn1 | undefined) : undefined;
    if (!name || !Array.isArray(name.value)) throw new Error('not a CSR');
    const rdn = (forge.pki as unknown as { RDNAttributesAsArray(n: forge.asn1.Asn1): forge.pki.CertificateField[] }).RDNAttributesAsArray(name);
    return { subject: distinguished(rdn) };
  }
}

/** The chain's certificates: PEM text (one or more blocks), or base64 of one DER certificate. */
function chainOf(value: string): forge.pki.Certificate[] {
  let text = value;
  if (!text.includes('-----BEGIN')) {
    const bytes = fromBase64(text);
    if (!bytes) return [];
    const inner = asText(bytes);
    if (inner?.includes('-----BEGIN')) text = inner;
    else {
      try {
        return [forge.pki.certificateFromAsn1(parseDer(toBinary(bytes)))];
      } catch {
        return [];
      }
    }
  }
  const certs: forge.pki.Certificate[] = [];
  for (const b of pemBlocks(text).blocks) {
    if (b.label !== 'CERTIFICATE') continue;
    const bytes = pemBytes(b);
    if (!bytes) continue;
    try {
      certs.push(forge.pki.certificateFromAsn1(parseDer(toBinary(bytes))));
    } catch {
      // A certificate node-forge cannot read (an EC key): nothing is said about it rather than something wrong.
    }
  }
  return certs;
}

/** Whether the vendor's signature over the CSR verifies with the signing certificate's key (SHA-256, or the older SHA-1). */
function signatureVerifies(csrDer: string, signature: string, signer: forge.pki.Certificate): boolean | null {
  const key = signer.publicKey as forge.pki.rsa.PublicKey;
  // A modulus over 8192 bits or a public exponent over 32 bits is no vendor's key, and would make
  // the check take minutes: not checked, rather than freeze.
  if (!key?.n || key.n.bitLength() > 8192 || key.e.bitLength() > 32) return null;
  for (const md of [forge.md.sha256.create(), forge.md.sha1.create()]) {
    try {
      if (key.verify(md.update(csrDer).digest().getBytes(), signature)) return true;
    } catch {
      // Not this digest, or not a signature made with this key at all.
    }
  }
  return false;
}

/** A bare CSR (PEM or DER): what it asks for, and that no vendor has signed it yet. */
export function describeBareCsr(name: string, der: string): FileFacts {
  const facts = csrFacts(der);
  const warnings: FileWarning[] = [...(mismatch(name, 'csr') ? (['extension-mismatch'] as const) : []), 'not-vendor-signed'];
  return found({ kind: 'csr', request: { ...facts, signed: false, container: 'csr' }, warnings });
}

/** A push request plist, or null when the text holds none. */
export function fromPushRequest(name: string, text: string, now: Date): FileFacts | null {
  const xml = plistText(text);
  if (!xml || !/PushCertRequestCSR/.test(xml)) return null;
  const entries = plistEntries(xml);
  const csrDer = derOf(entries.get('PushCertRequestCSR') ?? '', ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
  let facts: RequestFacts = { subject: '' };
  if (csrDer) {
    try {
      facts = csrFacts(csrDer);
    } catch {
      facts = { subject: '' };
    }
  }
  const certs = chainOf(entries.get('PushCertCertificateChain') ?? '');
  const signatureBytes = fromBase64(entries.get('PushCertSignature') ?? '');
  const warnings: FileWarning[] = mismatch(name, 'csr') ? ['extension-mismatch'] : [];
  // The signer: the end of the chain (the vendor's own certificate).
  const signer = leafOf(certs);
  const chain: SigningCertificate[] = certs.map((c) => ({
    name: certName(c),
    issuer: attr(c.issuer.attributes, { shortName: 'CN' }) ?? attr(c.issuer.attributes, { shortName: 'O' }) ?? '',
    startsOn: isoDay(c.validity.notBefore),
    expiresOn: isoDay(c.validity.notAfter),
  }));
  let verified: boolean | null = null;
  if (!signer || !signatureBytes || !csrDer) {
    warnings.push('not-vendor-signed');
  } else {
    const soon = new Date(now.getTime() + SIGNER_WARN_DAYS * 86_400_000);
    // The first to run out decides: the signer itself, else an intermediate or the root.
    const first = [...certs].sort((a, b) => a.validity.notAfter.getTime() - b.validity.notAfter.getTime())[0]!;
    if (first.validity.notAfter < now) warnings.push('signer-expired');
    else if (first.validity.notAfter < soon) warnings.push('signer-expiring');
    verified = signatureVerifies(csrDer, toBinary(signatureBytes), signer);
    if (verified === false) warnings.push('signature-invalid');
  }
  const request = {
    ...facts,
    signed: !warnings.includes('not-vendor-signed'),
    ...(signer ? { signedBy: certName(signer) } : {}),
    ...(verified === null ? {} : { signatureValid: verified }),
    container: 'push-request' as const,
  };
  // The dates are in `signingChain`: the wording names the first to run out.
  return found({ kind: 'csr', request, ...(chain.length ? { signingChain: chain } : {}), warnings });
}
