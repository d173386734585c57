/** A PKCS#12 (.p12, .pfx): its rounds bounded before any is run, the leaf certificate read, the key never. */
import forge from 'node-forge';
import { Fail, leafOf, parseDer } from './common';
import { describeCertificate } from './certificate';
import type { FileFacts, InspectOptions } from './report';

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

export function fromP12(name: string, asn1: forge.asn1.Asn1, now: Date, opts: InspectOptions): FileFacts {
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

function certFromP12(name: string, p12: forge.pkcs12.Pkcs12Pfx, now: Date, opts: InspectOptions): FileFacts {
  const bags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag!] ?? [];
  const certs = bags.map((b) => b.cert).filter((c): c is forge.pki.Certificate => !!c);
  if (!certs.length) throw new Fail('no-certificate');
  const leaf = leafOf(certs)!;
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(leaf)).getBytes();
  // The private key in the bag is never read out; the p12 object goes out of scope here.
  return describeCertificate(name, leaf, der, now, opts);
}
