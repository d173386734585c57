/**
 * Fuzzing every file reader (#9): random bytes, real files mutated, and files built at random in
 * each format's own shape (PEM bundles, push request plists, .vpptoken JSON, S/MIME, PKCS#12).
 * Every case must answer (never throw), with an error or a report whose fields are well formed,
 * and must never echo token material. `FUZZ_RUNS` sets the number of cases (10,000 in `npm
 * test`); `npm run soak:files` runs 1,000,000 and also fails on any case slower than 1 s.
 * The suite prints its counts and the slowest case; timing is reported, not asserted, here.
 */
import fc from 'fast-check';
import forge from 'node-forge';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectFile, type FileReport } from '../../lib/files';
import { makeFiles, SECRET_ACCESS, SECRET_TOKEN, utf8 } from './support/make-files';

const TOTAL = Number(process.env.FUZZ_RUNS ?? 10_000);
/** Fixed in `npm test` (repeatable CI), random in the soak unless FUZZ_SEED is given. */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20261130;
const SOAK = TOTAL > 100_000;
const NOW = new Date('2026-11-22T12:00:00Z');
const f = makeFiles();

const KINDS = new Set(['apns-certificate', 'vpp-token', 'ade-token', 'csr', 'public-key', 'other-certificate']);
const ERRORS = new Set(['empty', 'too-large', 'zip', 'unrecognised', 'truncated', 'password-needed', 'wrong-password', 'no-certificate', 'bad-vpptoken', 'wrong-key', 'too-slow', 'timed-out']);
const WARNINGS = new Set([
  'expired', 'not-yet-valid', 'not-apple-issued', 'not-mdm-topic', 'extension-mismatch', 'expiry-estimated', 'probably-expired', 'contains-private-key',
  'key-mismatch', 'expiry-unknown', 'no-push-topic', 'not-vendor-signed', 'signer-expired', 'signer-expiring', 'signature-invalid',
]);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SECRETS = new RegExp([SECRET_TOKEN, SECRET_ACCESS, 'CS_secret', 'AS_secret', 'PRIVATE KEY-----', 'correct horse'].join('|'));

const stats = { cases: 0, ok: 0, errors: 0, slowestMs: 0, slowest: '' };

/** One case: it answers, the answer is well formed, nothing secret is in it. */
function check(name: string, data: Uint8Array, opts: { password?: string; privateKeyPem?: string; lastModified?: number } = {}) {
  const started = performance.now();
  let r: FileReport;
  try {
    r = inspectFile(name, data, { now: NOW, ...opts }) as FileReport;
  } catch (e) {
    throw new Error(`${name} (${data.length} bytes) threw: ${(e as Error).message}`);
  }
  const ms = performance.now() - started;
  stats.cases++;
  if (ms > stats.slowestMs) Object.assign(stats, { slowestMs: ms, slowest: `${name}, ${data.length} bytes` });
  if (SOAK && ms > 1000) throw new Error(`${name} (${data.length} bytes) took ${Math.round(ms)} ms`);
  expect(typeof r.message).toBe('string');
  expect(r.message.length).toBeGreaterThan(0);
  if (r.ok) {
    stats.ok++;
    expect(KINDS.has(r.kind), r.kind).toBe(true);
    for (const w of r.warnings) expect(WARNINGS.has(w), w).toBe(true);
    for (const d of [r.expiresOn, r.startsOn, r.estimatedExpiry]) if (d !== undefined) expect(d).toMatch(DAY);
    for (const c of r.signingChain ?? []) expect(c.expiresOn).toMatch(DAY);
  } else {
    stats.errors++;
    expect(ERRORS.has(r.error), r.error).toBe(true);
  }
  expect(JSON.stringify(r)).not.toMatch(SECRETS);
}

const runs = (share: number) => ({ numRuns: Math.max(1, Math.round(TOTAL * share)), ...(SEED === undefined ? {} : { seed: SEED }) });
const names = fc.constantFrom('a.pem', 'a.cer', 'a.crt', 'a.der', 'a.p12', 'a.pfx', 'a.p7m', 'x_smime.p7m', 'a.vpptoken', 'IntuneCSR.csr', 'a.plist', 'a.txt', 'a');

/** A real file with bytes changed, cut, repeated or spliced. */
const mutated = (seeds: Uint8Array[]) =>
  fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
      fc.nat({ max: 4096 }),
      fc.nat(),
      fc.boolean(),
    )
    .map(([seed, flips, cut, splice, twice]) => {
      let data = seed.slice(0, Math.max(1, seed.length - (cut % Math.max(1, seed.length))));
      for (const [at, value] of flips) data[at % data.length] = value;
      if (twice) {
        const at = splice % data.length;
        const joined = new Uint8Array(data.length * 2 - at);
        joined.set(data, 0);
        joined.set(data.slice(at), data.length);
        data = joined;
      }
      return data;
    });

const b64 = (s: string) => forge.util.encode64(s);
const pemOf = (label: string, body: string) => `-----BEGIN ${label}-----\n${forge.util.encode64(body, 64)}\n-----END ${label}-----\n`;

describe(`fuzzing the file readers (${TOTAL.toLocaleString('en')} cases)`, () => {
  afterAll(() => {
    console.log(`file fuzz: ${stats.cases.toLocaleString('en')} cases, ${stats.ok.toLocaleString('en')} read, ${stats.errors.toLocaleString('en')} refused with a message, 0 exceptions; slowest ${stats.slowestMs.toFixed(1)} ms (${stats.slowest})`);
  });

  it('random bytes, any name', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), names, (data, name) => check(name, data)), runs(0.2));
  });

  it('random text, any name (PEM-looking, base64-looking, XML-looking)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 2000 }),
      fc.base64String({ maxLength: 4000 }),
      fc.array(fc.constantFrom('-----BEGIN CERTIFICATE-----\n', '-----END CERTIFICATE-----\n', 'MIIB', '<plist>', '<key>PushCertRequestCSR</key>', '<string>', '</string>', '{"expDate":', '"token":"x"', 'Content-Type: application/pkcs7-mime\r\n\r\n', '\r\n'), { maxLength: 60 }).map((a) => a.join('')),
    );
    fc.assert(fc.property(text, names, (s, name) => check(name, utf8(s))), runs(0.15));
  });

  it('real certificates, tokens and requests mutated', () => {
    const seeds = [utf8(f.apnsPem), f.apnsDer, utf8(f.adeSmime), f.adeDer, f.adeBer, utf8(f.vpptoken), utf8(f.signedCsrPlist), utf8(f.pushRequest({ raw: true })), utf8(f.csrPem), utf8(f.mdmPublicCertPem), utf8(f.publicKeyPem)];
    fc.assert(fc.property(mutated(seeds), names, fc.boolean(), (data, name, key) => check(name, data, key ? { privateKeyPem: f.mdmPrivateKeyPem } : {})), runs(0.25));
  });

  it('PKCS#12 files mutated, with and without the password', () => {
    fc.assert(fc.property(mutated([f.p12, f.p12Legacy, f.p12Aes, f.p12EmptyPassword]), fc.constantFrom(undefined, '', f.p12Password, 'wrong'), (data, password) => check('push.p12', data, password === undefined ? {} : { password })), runs(0.03));
  });

  it('PEM bundles built at random: blocks of every kind, in any order, with junk, cut anywhere', () => {
    const blocks = [f.apnsPem, f.webServerPem, f.neutralSelfSignedPem, f.mdmPublicCertPem, f.pushPrivateKeyPem, f.otherPrivateKeyPem, f.csrPem, f.publicKeyPem, pemOf('CERTIFICATE', 'not der'), pemOf('PKCS7', '\x30\x03\x06\x01\x00'), '-----BEGIN CERTIFICATE-----\nMIIB\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...blocks), { maxLength: 6 }), fc.array(fc.constantFrom('Bag Attributes\n', 'junk\n', '\r\n', ''), { maxLength: 6 }), fc.nat(), fc.boolean(), (chosen, junk, cut, crlf) => {
        let text = chosen.map((b, i) => (junk[i] ?? '') + b).join('');
        if (crlf) text = text.replace(/\n/g, '\r\n');
        text = text.slice(0, text.length - (cut % Math.max(1, text.length + 1)));
        check('bundle.pem', utf8(text));
      }),
      runs(0.12),
    );
  });

  it('push request plists built at random: any entries, any values, base64 or raw', () => {
    const value = fc.oneof(fc.constantFrom(f.apnsPem + f.webServerPem, b64('garbage'), f.csrPem, b64(forge.asn1.toDer(forge.pki.certificationRequestToAsn1(forge.pki.certificationRequestFromPem(f.csrPem))).getBytes()), ''), fc.base64String({ maxLength: 400 }), fc.string({ maxLength: 80 }));
    const entry = fc.tuple(fc.constantFrom('PushCertRequestCSR', 'PushCertCertificateChain', 'PushCertSignature', 'PushCertOther'), value, fc.constantFrom('string', 'data'));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), fc.boolean(), (entries, raw) => {
        const xml = `<?xml version="1.0"?><plist version="1.0"><dict>${entries.map(([k, v, t]) => `<key>${k}</key><${t}>${v.replace(/</g, '&lt;')}</${t}>`).join('')}<key>PushCertRequestCSR</key><string></string></dict></plist>`;
        check('IntuneCSR.csr', utf8(raw ? xml : b64(xml)));
      }),
      runs(0.1),
    );
  });

  it('.vpptoken JSON built at random: any dates, offsets, names and types', () => {
    const date = fc.oneof(
      fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().replace('Z', fc.sample(fc.constantFrom('+0000', '+10:00', '-0700', 'Z', ''), 1)[0]!)),
      fc.string({ maxLength: 30 }),
      fc.constantFrom('2027-02-30T00:00:00+0000', '2027-13-01', '9999-99-99', ''),
    );
    const field = fc.oneof(date, fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }));
    fc.assert(
      fc.property(field, fc.oneof(fc.string({ maxLength: 60 }), fc.integer()), fc.boolean(), fc.boolean(), (expDate, orgName, withToken, encoded) => {
        const json = JSON.stringify({ expDate, ...(withToken ? { token: SECRET_TOKEN } : {}), orgName });
        check('sToken.vpptoken', utf8(encoded ? b64(forge.util.encodeUtf8(json)) : json));
      }),
      runs(0.1),
    );
  });

  it('S/MIME wrappers built at random around real and damaged bodies, any name and file date', () => {
    const body = fc.oneof(fc.constant(forge.util.encode64(forge.asn1.toDer(forge.asn1.fromDer(forge.util.createBuffer(String.fromCharCode(...f.adeDer)))).getBytes(), 76)), fc.base64String({ maxLength: 600 }), fc.string({ maxLength: 100 }));
    const name = fc.oneof(fc.constant('smime.p7m'), fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => `X_Token_${d.toISOString().slice(0, 19).replace(/:/g, '-')}Z_smime.p7m`), fc.string({ maxLength: 40 }).map((s) => `${s}_Token_2026-02-30T99-00-00Z_smime.p7m`));
    fc.assert(
      fc.property(body, name, fc.option(fc.integer({ min: -1e13, max: 1e13 })), fc.constantFrom('\r\n', '\n'), (b, n, lastModified, eol) => {
        const text = ['Content-Type: application/pkcs7-mime; name=smime.p7m; smime-type=enveloped-data', 'Content-Transfer-Encoding: base64', '', b].join(eol);
        check(n, utf8(text), lastModified === null ? {} : { lastModified });
      }),
      runs(0.05),
    );
  });
});
