/** A PEM file, every block of it: certificates (a chain), keys, a CSR, a public key, a PKCS#7. */
import forge from 'node-forge';
import { toBinary } from './bytes';
import { attr, certName, Fail, found, mismatch, parseDer, UID_OID } from './common';
import { certificateFromDer, describeCertificate } from './certificate';
import { fromPkcs7 } from './ade-token';
import { pemBlocks, pemBytes, type PemBlock } from './pem';
import { describeBareCsr } from './push-request';
import type { FileFacts, InspectOptions } from './report';

const KEY_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'EC PRIVATE KEY']);

/**
 * A PEM file, every block of it, in any order: the push certificate (the certificate with a push
 * topic, else the first) is described; the chain's other certificates are named; a private key
 * is told as a warning (never kept), and one that is not the certificate's gets its own.
 */
export function fromPem(name: string, text: string, now: Date, opts: InspectOptions): FileFacts | null {
  const { blocks, truncated } = pemBlocks(text);
  if (blocks.length === 0) {
    if (truncated) throw new Fail('truncated');
    return null;
  }
  const der = (b: PemBlock) => {
    const bytes = pemBytes(b);
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
    const others = certs.filter((c) => c !== leaf).map((c) => certName(c.cert));
    const warnings = [...report.warnings];
    if (keys.length) {
      warnings.push('contains-private-key');
      // An unencrypted RSA key can be compared with the certificate; an encrypted one cannot, here.
      const plain = keys.find((k) => k.label !== 'ENCRYPTED PRIVATE KEY');
      if (plain && keys.every((k) => !matchesCertificate(k, leaf.cert))) warnings.push('key-mismatch');
    }
    return { ...report, warnings, ...(others.length ? { chain: others } : {}) };
  }
  const first = (labels: string[]) => blocks.find((b) => labels.includes(b.label));
  const csr = first(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
  if (csr) return describeBareCsr(name, der(csr));
  const pub = first(['PUBLIC KEY', 'RSA PUBLIC KEY']);
  if (pub) {
    parseDer(der(pub));
    return found({ kind: 'public-key', warnings: mismatch(name, 'public-key') ? ['extension-mismatch'] : [] });
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
