/**
 * Reads the files admins download from Apple and upload to the console, on their own machine,
 * with node-forge: bytes in, what the file is (codes and data) or a specific error code out.
 * One module per format (certificate, pem-file, pkcs12, ade-token, vpp-token, push-request);
 * this one tells which. Pure: `now` comes in with the options, no words are made here
 * (lib/wording/file.ts says it), nothing read is kept: no token, no key, no password.
 */
import forge from 'node-forge';
import { asText, fromBase64, startsWith, toBinary } from './bytes';
import { Fail, fail, parseDer } from './common';
import { describeCertificate } from './certificate';
import { fromPem } from './pem-file';
import { fromPkcs7, fromSmime } from './ade-token';
import { fromVppToken } from './vpp-token';
import { fromP12 } from './pkcs12';
import { MAX_BYTES } from './limits';
import { describeBareCsr, fromPushRequest } from './push-request';
import type { FileFacts, InspectOptions } from './report';

/** A binary file: a PKCS#12, a PKCS#7 (the ADE token), a certificate or a CSR, by its ASN.1. */
function fromDer(name: string, bytes: Uint8Array, now: Date, opts: InspectOptions): FileFacts {
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

// ---- the entry point ---------------------------------------------------------------------

export function readFacts(name: string, bytes: Uint8Array, opts: InspectOptions = {}): FileFacts {
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
      if (found) return found;
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
