import fc from 'fast-check';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectFile, MAX_BYTES, type FileReport, type InspectOptions } from '../../lib/files';
import { bytes, makeFiles, OTHER_TOPIC, SECRET_ACCESS, SECRET_TOKEN, TOPIC, utf8 } from './support/make-files';

const NOW = new Date('2026-11-22T12:00:00Z');
const f = makeFiles();
const inspect = (name: string, data: Uint8Array, opts: Omit<InspectOptions, 'now'> = {}) =>
  inspectFile(name, data, { now: NOW, ...opts }) as FileReport;
const ok = (r: FileReport) => {
  if (!r.ok) throw new Error(`expected a report, got ${r.error}: ${r.message}`);
  return r;
};

describe('push certificates', () => {
  it('reads a PEM push certificate: topic, dates, issuer, serial, fingerprint', () => {
    const r = ok(inspect('MDM_Microsoft Corporation_Certificate.pem', utf8(f.apnsPem)));
    expect(r).toMatchObject({
      kind: 'apns-certificate', topic: TOPIC, expiresOn: '2027-03-14', startsOn: '2026-03-14',
      commonName: 'APSP:4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34', serial: '0A1B2C3D4E5F', appleIssued: true,
      issuer: 'Apple Application Integration 2 Certification Authority, Apple Inc.', warnings: [],
    });
    expect(r.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(r.message).toBe(`Push certificate (APNs) for topic ${TOPIC}, valid until Mar 14, 2027.`);
  });

  it('reads the same certificate as DER (.cer) with the same fingerprint', () => {
    const pem = ok(inspect('a.pem', utf8(f.apnsPem)));
    const der = ok(inspect('a.cer', f.apnsDer));
    expect(der).toMatchObject({ kind: 'apns-certificate', topic: TOPIC, fingerprint: pem.fingerprint });
  });

  it('warns on an expired one, and on one not issued by Apple', () => {
    expect(ok(inspect('old.pem', utf8(f.expiredApnsPem))).warnings).toEqual(['expired']);
    const self = ok(inspect('self.pem', utf8(f.selfIssuedPushPem)));
    expect(self.warnings).toEqual(['not-apple-issued']);
    expect(self.message).toContain('It was not issued by Apple.');
  });

  it('reads a .p12 with its password and keeps nothing of the key', () => {
    const r = ok(inspect('push.p12', f.p12, { password: f.p12Password }));
    expect(r).toMatchObject({ kind: 'apns-certificate', topic: TOPIC, expiresOn: '2027-03-14' });
    expect(JSON.stringify(r)).not.toMatch(/PRIVATE KEY|correct horse/);
  });

  it('asks for the password, and says when it is wrong', () => {
    expect(inspect('push.p12', f.p12)).toMatchObject({ ok: false, error: 'password-needed', message: 'This .p12 file is protected: enter its password.' });
    expect(inspect('push.pfx', f.p12, { password: 'nope' })).toMatchObject({ ok: false, error: 'wrong-password' });
  });
});

describe('every format that passes today, field by field', () => {
  const push = { kind: 'apns-certificate', topic: TOPIC, startsOn: '2026-03-14', expiresOn: '2027-03-14', appleIssued: true, warnings: [] };
  it.each([
    ['macOS Keychain / OpenSSL -legacy .p12 (RC2-40 certificates, 3DES key, SHA-1 MAC)', 'push.p12', () => f.p12Legacy, f.p12Password],
    ['OpenSSL 3 .p12 (AES-256 PBES2, SHA-256 MAC)', 'push.pfx', () => f.p12Aes, f.p12Password],
    ['a .p12 with an empty password, read without asking', 'push.p12', () => f.p12EmptyPassword, undefined],
    ['forge .p12 (3DES)', 'push.p12', () => f.p12, f.p12Password],
    ['DER .cer', 'MDM_Microsoft Corporation_Certificate.cer', () => f.apnsDer, undefined],
    ['PEM .pem', 'MDM_Microsoft Corporation_Certificate.pem', () => utf8(f.apnsPem), undefined],
  ] as const)('%s', (_, name, data, password) => {
    const r = ok(inspect(name, data(), password === undefined ? {} : { password }));
    expect(r).toMatchObject(push);
    expect(JSON.stringify(r)).not.toMatch(/PRIVATE KEY|correct horse/);
  });

  it('an RC2-40 .p12 without its password asks for it, and says when it is wrong', () => {
    expect(inspect('push.p12', f.p12Legacy)).toMatchObject({ ok: false, error: 'password-needed' });
    expect(inspect('push.p12', f.p12Aes, { password: 'wrong' })).toMatchObject({ ok: false, error: 'wrong-password' });
  });

  it('an ADE token in BER with indefinite lengths, with and without the MDM key', () => {
    expect(ok(inspect('Contoso_smime.p7m', f.adeBer))).toMatchObject({ kind: 'ade-token', issuer: 'Intune ADE public key (test), Test MDM', serial: '05', warnings: ['expiry-unknown'] });
    expect(ok(inspect('Contoso_smime.p7m', f.adeBer, { privateKeyPem: f.mdmPrivateKeyPem }))).toMatchObject({
      kind: 'ade-token', expiresOn: '2027-11-20', serverName: 'Contoso ABM – Headquarters', warnings: [],
    });
  });

  it.each([
    // The date as Apple wrote it, in the token's own offset: near midnight it is not the UTC date.
    ['2027-03-15T00:30:00+10:00', '2027-03-15'],
    ['2027-03-15T00:30:00+1000', '2027-03-15'],
    ['2020-09-15T23:15:16-0700', '2020-09-15'],
    ['2023-05-19T18:40:49+0000', '2023-05-19'],
  ])('a .vpptoken expiring %s reads %s', (expDate, expiresOn) => {
    const token = forge.util.encode64(JSON.stringify({ expDate, token: SECRET_TOKEN, orgName: 'Contoso' }));
    const r = ok(inspect('sToken_for_Contoso.vpptoken', utf8(token)));
    expect(r).toMatchObject({ kind: 'vpp-token', orgName: 'Contoso', expiresOn, warnings: expiresOn < '2026-11-22' ? ['expired'] : [] });
    expect(JSON.stringify(r)).not.toContain(SECRET_TOKEN);
  });
});

describe('other certificates and keys', () => {
  it('names a certificate that is not a push certificate, and says it has no push topic', () => {
    const r = ok(inspect('server.crt', utf8(f.webServerPem)));
    expect(r).toMatchObject({ kind: 'other-certificate', appleIssued: false, commonName: 'mdm.contoso.example', expiresOn: '2027-01-01', warnings: ['no-push-topic'] });
    expect(r.message).toBe('A certificate for “mdm.contoso.example”, valid until Jan 1, 2027. It is not a push certificate: it has no push topic.');
  });

  it('a self-signed certificate is the MDM server public key only when its use says so: its name, its subject or the field it goes to', () => {
    const neutral = utf8(f.neutralSelfSignedPem);
    expect(ok(inspect('cert.pem', neutral))).toMatchObject({ kind: 'other-certificate', warnings: ['no-push-topic'] });
    expect(ok(inspect('MDM_push.pem', neutral))).toMatchObject({ kind: 'other-certificate', warnings: ['no-push-topic'] });
    for (const name of ['PublicKey.pem', 'public_key.pem', 'Jamf DEP key.pem', 'ade-server.pem', 'enrollment.crt']) {
      expect(ok(inspect(name, neutral)), name).toMatchObject({ kind: 'public-key', warnings: [] });
    }
    expect(ok(inspect('cert.pem', neutral, { expect: 'public-key' }))).toMatchObject({ kind: 'public-key', warnings: [] });
    // "made", "shade", "deploy" are not "ADE" or "DEP".
    expect(ok(inspect('made-by-shade-deploy.pem', neutral)).kind).toBe('other-certificate');
    // Its subject says so.
    expect(ok(inspect('cert.pem', utf8(f.mdmPublicCertPem))).kind).toBe('public-key');
  });

  it('the MDM server public key for ADE is read like any certificate: its dates and what it is for', () => {
    const r = ok(inspect('IntunePublicKey.pem', utf8(f.mdmPublicCertPem)));
    expect(r).toMatchObject({ kind: 'public-key', commonName: 'Intune ADE public key (test)', startsOn: '2026-11-20', expiresOn: '2027-11-20', appleIssued: false, warnings: [] });
    expect(r.message).toBe(
      'The MDM server\'s public key for Automated Device Enrollment (“Intune ADE public key (test)”), valid until Nov 20, 2027: upload it to Apple Business Manager when you add or edit the MDM server, not to the console.',
    );
    const bare = ok(inspect('key.pem', utf8(f.publicKeyPem)));
    expect(bare.kind).toBe('public-key');
    expect(bare.expiresOn).toBeUndefined();
    expect(bare.message).toContain('it goes to Apple, not to the console');
  });

  it('Apple Business Manager\'s upload field takes a self-signed certificate as the MDM key, and not a push certificate', async () => {
    const { expectedKind, uploadVerdict } = await import('../../lib/files/upload-check');
    const expected = expectedKind('abm', null, '');
    expect(expected).toBe('public-key');
    expect(uploadVerdict(inspect('cert.pem', utf8(f.neutralSelfSignedPem), { expect: 'public-key' }), expected, undefined).level).toBe('ok');
    expect(uploadVerdict(inspect('push.pem', utf8(f.apnsPem), { expect: 'public-key' }), expected, undefined).level).toBe('danger');
  });
});

describe('real Apple-issued push certificates and the shared mocks (../shared/real-world)', () => {
  const dir = join(__dirname, '../../../shared/real-world/push-certificates');
  const present = existsSync(dir);
  const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
  const now = new Date('2026-11-22T12:00:00Z');

  it.skipIf(!present).each(['apple-issued-2021-nanomdm.pem', 'apple-issued-2024.pem', 'apple-issued-2026-country-IN.pem'])('%s: a push certificate, issued by Apple, with its topic', (name) => {
    const r = ok(inspectFile(name, read(name), { now }) as FileReport);
    expect(r).toMatchObject({ kind: 'apns-certificate', appleIssued: true });
    expect(r.topic).toMatch(/^com\.apple\.mgmt\.External\.[0-9a-f-]{36}$/);
    expect(r.issuer).toContain('Apple Application Integration');
    expect(r.expiresOn! > r.startsOn!).toBe(true);
  });

  it.skipIf(!present)('the self-signed mock without a UID is not a push certificate: it has no push topic', () => {
    const r = ok(inspectFile('mock-self-signed-no-uid.pem', read('mock-self-signed-no-uid.pem'), { now }) as FileReport);
    expect(r).toMatchObject({ kind: 'other-certificate', warnings: ['no-push-topic'] });
    expect(r.message).toContain('it has no push topic');
  });

  it.skipIf(!present)('the mock with a wrong topic prefix is a push certificate whose topic is not MDM\'s, not issued by Apple', () => {
    const r = ok(inspectFile('mock-self-signed-wrong-uid-prefix.pem', read('mock-self-signed-wrong-uid-prefix.pem'), { now }) as FileReport);
    expect(r.kind).toBe('apns-certificate');
    expect(r.warnings).toEqual(expect.arrayContaining(['not-mdm-topic', 'not-apple-issued']));
  });
});

describe('certificate requests', () => {
  const request = (opts: Parameters<typeof f.pushRequest>[0] = {}, name = 'IntuneCSR.csr') => ok(inspect(name, utf8(f.pushRequest(opts))));
  const CHAIN = [
    { name: 'MDM Vendor: Test MDM Corp', issuer: 'Apple Worldwide Developer Relations Certification Authority (test stand-in)', startsOn: '2026-01-01', expiresOn: '2027-06-01' },
    { name: 'Apple Worldwide Developer Relations Certification Authority (test stand-in)', issuer: 'Apple Root CA (test stand-in)', startsOn: '2020-02-19', expiresOn: '2030-02-20' },
    { name: 'Apple Root CA (test stand-in)', issuer: 'Apple Root CA (test stand-in)', startsOn: '2006-04-25', expiresOn: '2035-02-09' },
  ];

  it('a push request signed by a current vendor certificate: the CSR\'s subject and key size, every certificate of the chain with its dates, a signature that verifies', () => {
    const r = request();
    expect(r).toMatchObject({
      kind: 'csr',
      warnings: [],
      request: { subject: 'CN=Test MDM push CSR, O=Contoso', keyBits: 1024, signed: true, signedBy: 'MDM Vendor: Test MDM Corp', signatureValid: true },
      signingChain: CHAIN,
    });
    expect(r.expiresOn).toBeUndefined();
    expect(r.message).toBe(
      'A push certificate request from the MDM console, for “CN=Test MDM push CSR, O=Contoso” (RSA key of 1024 bits): upload it to the Apple Push Certificates Portal, not to the console. Signed by “MDM Vendor: Test MDM Corp”.',
    );
  });

  it.each([
    ['raw XML', { raw: true }],
    ['base64 with CRLF lines', { crlf: true }],
    ['raw XML with CRLF', { raw: true, crlf: true }],
    ['the CSR as PEM', { csrAsPem: true }],
    ['signed with SHA-1', { digest: 'sha1' as const }],
  ])('%s reads the same', (_, opts) => {
    const r = request(opts, 'PushCertRequest.plist');
    expect(r).toMatchObject({ kind: 'csr', warnings: [], request: { keyBits: 1024, signed: true, signatureValid: true }, signingChain: CHAIN });
  });

  it('a vendor certificate that has expired: Apple will reject it, and the upload guard says so loudly', async () => {
    const r = request({ signerTo: '2026-10-01T00:00:00Z' });
    expect(r.warnings).toEqual(['signer-expired']);
    expect(r.message).toContain('The signing certificate “MDM Vendor: Test MDM Corp” expired on Oct 1, 2026: Apple will reject this request.');
    const { uploadVerdict } = await import('../../lib/files/upload-check');
    expect(uploadVerdict(r, 'csr', undefined).level).toBe('danger');
  });

  it('an intermediate that has expired is named the same way', () => {
    const r = request({ intermediateTo: '2026-11-01T00:00:00Z' });
    expect(r.warnings).toEqual(['signer-expired']);
    expect(r.message).toContain('“Apple Worldwide Developer Relations Certification Authority (test stand-in)” expired on Nov 1, 2026');
  });

  it('a vendor certificate expiring within 30 days is a warning, past 30 days nothing', async () => {
    const soon = request({ signerTo: '2026-12-10T00:00:00Z' });
    expect(soon.warnings).toEqual(['signer-expiring']);
    expect(soon.message).toContain('expires on Dec 10, 2026: upload this request to Apple before then');
    const { uploadVerdict } = await import('../../lib/files/upload-check');
    expect(uploadVerdict(soon, 'csr', undefined).level).toBe('warn');
    expect(request({ signerTo: '2026-12-23T00:00:00Z' }).warnings).toEqual([]);
  });

  it('a signature that does not verify against the chain\'s signer', async () => {
    const r = request({ badSignature: true });
    expect(r).toMatchObject({ warnings: ['signature-invalid'], request: { signed: true, signatureValid: false } });
    expect(r.message).toContain('Its signature does not match the signing certificate: Apple will reject it.');
    const { uploadVerdict } = await import('../../lib/files/upload-check');
    expect(uploadVerdict(r, 'csr', undefined).level).toBe('danger');
  });

  it.each(['PushCertSignature', 'PushCertCertificateChain'] as const)('without %s it is not signed', (without) => {
    const r = request({ without });
    expect(r).toMatchObject({ warnings: ['not-vendor-signed'], request: { signed: false } });
    expect(r.request?.signatureValid).toBeUndefined();
  });

  it('a bare CSR, PEM or DER: its subject and key size, and that no vendor has signed it', () => {
    const pem = ok(inspect('request.csr', utf8(f.csrPem)));
    expect(pem).toMatchObject({ kind: 'csr', warnings: ['not-vendor-signed'], request: { subject: 'CN=Test MDM push CSR, O=Contoso', keyBits: 1024, signed: false } });
    expect(pem.message).toBe(
      'A certificate signing request (CSR) for “CN=Test MDM push CSR, O=Contoso” (RSA key of 1024 bits). No MDM vendor has signed it: the Apple Push Certificates Portal takes only a signed request, such as the one your MDM console gives you.',
    );
    const der = forge.asn1.toDer(forge.pki.certificationRequestToAsn1(forge.pki.certificationRequestFromPem(f.csrPem))).getBytes();
    expect(ok(inspect('request.der', bytes(der)))).toMatchObject({ kind: 'csr', warnings: ['not-vendor-signed'], request: { keyBits: 1024 } });
  });

  it('line ends, line lengths and blank space around the values never change the answer (property)', () => {
    const xml = f.pushRequest({ raw: true });
    const want = request({ raw: true });
    fc.assert(
      fc.property(fc.constantFrom('\n', '\r\n'), fc.integer({ min: 0, max: 120 }), fc.boolean(), fc.boolean(), (eol, width, asBase64, pad) => {
        let text = xml.replace(/\r?\n/g, eol);
        if (pad) text = text.replace(/<string>/g, `<string>${eol}  `).replace(/<\/string>/g, `${eol}</string>`);
        if (asBase64) text = forge.util.encode64(forge.util.encodeUtf8(text), width).replace(/\r\n/g, eol);
        const r = ok(inspect('request.plist', utf8(text)));
        expect(r.warnings).toEqual(want.warnings);
        expect(r.request).toEqual(want.request);
        expect(r.signingChain).toEqual(want.signingChain);
      }),
      { numRuns: 60 },
    );
  });
});

describe('VPP content tokens', () => {
  it('reads expiry and organisation, never the token', () => {
    const r = ok(inspect('sToken_for_Contoso Apps.vpptoken', utf8(f.vpptoken)));
    expect(r).toMatchObject({ kind: 'vpp-token', expiresOn: '2027-03-14', orgName: 'Contoso Apps – Paris', warnings: [] });
    expect(JSON.stringify(r)).not.toContain(SECRET_TOKEN);
  });

  it('says a damaged .vpptoken is damaged', () => {
    expect(inspect('x.vpptoken', utf8(f.vpptoken.slice(0, 30)))).toMatchObject({ ok: false, error: 'bad-vpptoken' });
    expect(inspect('x.vpptoken', utf8(btoa('{"token":"a","expDate":"soon"}')))).toMatchObject({ ok: false, error: 'bad-vpptoken' });
  });
});

describe('ADE server tokens', () => {
  it('recognises the S/MIME token without a key: recipient, and an estimate from the download time in its name, never an expiry', () => {
    const r = ok(inspect('Contoso_Token_2026-11-20T10-15-00Z_smime.p7m', utf8(f.adeSmime)));
    expect(r).toMatchObject({ kind: 'ade-token', issuer: 'Intune ADE public key (test), Test MDM', serial: '05', estimatedExpiry: '2027-11-20', estimatedFrom: 'file-name', warnings: ['expiry-estimated'] });
    expect(r.expiresOn).toBeUndefined();
    expect(r.message).toContain('Estimated expiry: Nov 20, 2027, one year after the download time in its file name');
  });

  // Today is 2026-11-22: 22 months ago, 2 days ago, and no time in the name; with and without the file's date.
  const MONTHS_22_AGO = Date.UTC(2025, 0, 22, 9, 0, 0);
  it.each([
    ['Contoso_Token_2025-01-22T09-00-00Z_smime.p7m', undefined, { estimatedExpiry: '2026-01-22', estimatedFrom: 'file-name', warnings: ['expiry-estimated', 'probably-expired'] }],
    ['Contoso_Token_2026-11-20T10-15-00Z_smime.p7m', MONTHS_22_AGO, { estimatedExpiry: '2027-11-20', estimatedFrom: 'file-name', warnings: ['expiry-estimated'] }],
    ['Contoso_Token_2025-01-22T09-00-00Z_smime.p7m', Date.UTC(2026, 10, 20), { estimatedExpiry: '2026-01-22', estimatedFrom: 'file-name', warnings: ['expiry-estimated', 'probably-expired'] }],
    ['token_smime.p7m', MONTHS_22_AGO, { estimatedExpiry: '2026-01-22', estimatedFrom: 'file-date', warnings: ['expiry-estimated', 'probably-expired'] }],
    ['token_smime.p7m', Date.UTC(2026, 10, 20, 10), { estimatedExpiry: '2027-11-20', estimatedFrom: 'file-date', warnings: ['expiry-estimated'] }],
    ['token_smime.p7m', undefined, { warnings: ['expiry-unknown'] }],
    // A file date in the future, a name with an impossible date: no evidence.
    ['Contoso_Token_2026-02-30T10-15-00Z_smime.p7m', Date.UTC(2030, 0, 1), { warnings: ['expiry-unknown'] }],
  ] as const)('%s, file date %s: %j', (name, lastModified, want) => {
    const r = ok(inspect(name, utf8(f.adeSmime), lastModified === undefined ? {} : { lastModified }));
    expect(r).toMatchObject(want);
    expect(r.expiresOn).toBeUndefined();
    if (!('estimatedExpiry' in want)) expect(r.estimatedExpiry).toBeUndefined();
  });

  it('with the key, the decrypted expiry wins over any name or date', () => {
    const r = ok(inspect('Contoso_Token_2025-01-22T09-00-00Z_smime.p7m', utf8(f.adeSmime), { privateKeyPem: f.mdmPrivateKeyPem, lastModified: MONTHS_22_AGO }));
    expect(r).toMatchObject({ expiresOn: '2027-11-20', warnings: [] });
    expect(r.estimatedExpiry).toBeUndefined();
  });

  it('an estimate never silences the upload guard: "cannot confirm", and "probably expired" as a warning', async () => {
    const { uploadVerdict } = await import('../../lib/files/upload-check');
    const { verdictLines } = await import('../../lib/wording/file');
    const said = (r: FileReport) => verdictLines(r, uploadVerdict(r, 'ade-token', undefined).notes).join(' ');
    const fresh = inspect('Contoso_Token_2026-11-20T10-15-00Z_smime.p7m', utf8(f.adeSmime));
    expect(uploadVerdict(fresh, 'ade-token', undefined)).toEqual({ level: 'info', notes: [{ say: 'cannot-confirm' }] });
    expect(said(fresh)).toContain('cannot confirm this token');
    const old = inspect('Contoso_Token_2025-01-22T09-00-00Z_smime.p7m', utf8(f.adeSmime));
    expect(uploadVerdict(old, 'ade-token', undefined).level).toBe('warn');
    expect(said(old)).toContain('probably expired');
    const unknown = inspect('token_smime.p7m', utf8(f.adeSmime));
    expect(uploadVerdict(unknown, 'ade-token', undefined).level).toBe('info');
    expect(said(unknown)).toContain('unknown without the MDM server');
  });

  it("the upload guard's notes are worded with the file's line first, in order", async () => {
    const { uploadVerdict } = await import('../../lib/files/upload-check');
    const { verdictLines } = await import('../../lib/wording/file');
    const push = inspect('push.pem', utf8(f.apnsPem));
    const same = uploadVerdict(push, 'apns-certificate', TOPIC);
    expect(same).toEqual({ level: 'ok', notes: [{ say: 'same-topic' }, { say: 'new-expiry', on: ok(push).expiresOn }] });
    const other = uploadVerdict(push, 'apns-certificate', OTHER_TOPIC);
    expect(other.level).toBe('danger');
    const lines = verdictLines(push, other.notes);
    expect(lines[0]).toBe(push.message);
    expect(lines[1]).toContain(OTHER_TOPIC);
    expect(lines[2]).toContain(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${ok(push).expiresOn}T00:00:00Z`)));
    const wrong = uploadVerdict(push, 'vpp-token', undefined);
    expect(wrong).toEqual({ level: 'danger', notes: [{ say: 'wrong-kind', expected: 'vpp-token' }] });
    expect(verdictLines(push, wrong.notes)[1]).toMatch(/Apps and Books|content token|VPP/i);
  });

  it('decrypts in memory with the MDM private key and keeps none of the tokens', () => {
    const r = ok(inspect('token_smime.p7m', utf8(f.adeSmime), { privateKeyPem: f.mdmPrivateKeyPem }));
    expect(r).toMatchObject({ kind: 'ade-token', expiresOn: '2027-11-20', serverName: 'Contoso ABM – Headquarters', warnings: [] });
    expect(JSON.stringify(r)).not.toMatch(new RegExp(`${SECRET_ACCESS}|CS_secret|AS_secret|CK_0123`));
  });

  it('reads the same token as DER, and refuses the wrong key', () => {
    expect(ok(inspect('token.p7m', f.adeDer)).kind).toBe('ade-token');
    expect(inspect('token.p7m', utf8(f.adeSmime), { privateKeyPem: f.otherPrivateKeyPem })).toMatchObject({ ok: false, error: 'wrong-key' });
  });
});

describe('files mixed up', () => {
  it('flags a .vpptoken where a .p7m is expected, and the other way round', () => {
    expect(ok(inspect('token_smime.p7m', utf8(f.vpptoken)))).toMatchObject({ kind: 'vpp-token', warnings: ['extension-mismatch'] });
    expect(ok(inspect('sToken.vpptoken', utf8(f.adeSmime)))).toMatchObject({ kind: 'ade-token', warnings: ['extension-mismatch', 'expiry-unknown'] });
    expect(ok(inspect('push.p12', utf8(f.csrPem)))).toMatchObject({ kind: 'csr', warnings: ['extension-mismatch', 'not-vendor-signed'] });
  });
});

describe('bad input', () => {
  it.each([
    { name: 'empty.pem', data: new Uint8Array(), error: 'empty' },
    { name: 'blank.pem', data: utf8('   \n'), error: 'empty' },
    { name: 'archive.pem', data: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), error: 'zip' },
    { name: 'notes.txt', data: utf8('hello, this is not a certificate'), error: 'unrecognised' },
    { name: 'photo.pem', data: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), error: 'unrecognised' },
  ])('$name: $error', ({ name, data, error }) => {
    expect(inspect(name, data)).toMatchObject({ ok: false, error });
  });

  it('says a cut-short PEM or DER is cut short', () => {
    const pem = f.apnsPem;
    expect(inspect('cut.pem', utf8(pem.slice(0, pem.length / 2)))).toMatchObject({ ok: false, error: 'truncated' });
    expect(inspect('cut.pem', utf8(pem.replace(/[A-Za-z0-9+/]{64}\r?\n/, '')))).toMatchObject({ ok: false, error: 'truncated' });
    expect(inspect('cut.cer', f.apnsDer.subarray(0, 300))).toMatchObject({ ok: false, error: 'truncated' });
    expect(inspect('cut.p12', f.p12.subarray(0, 400), { password: f.p12Password })).toMatchObject({ ok: false });
  });

  it('turns away a 50 MB file at once', () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    expect(big.length).toBeGreaterThan(MAX_BYTES);
    expect(inspect('huge.pem', big)).toMatchObject({ ok: false, error: 'too-large' });
  });

  it('never throws on random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('a.pem', 'a.p12', 'a.p7m', 'a.vpptoken', 'a.cer'), (data, name) => {
        const r = inspect(name, data, { password: 'x' });
        expect(typeof r.message).toBe('string');
        expect(r.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on mutated real files (property)', () => {
    const seeds = [utf8(f.apnsPem), f.apnsDer, f.p12, utf8(f.adeSmime), f.adeDer, utf8(f.vpptoken), utf8(f.signedCsrPlist)];
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (seed, flips, cut) => {
          const data = seed.slice(0, Math.max(1, seed.length - (cut % 32)));
          for (const [at, value] of flips) data[at % data.length] = value;
          const r = inspect('mutated.bin', data, { password: f.p12Password, privateKeyPem: f.mdmPrivateKeyPem });
          expect(r.ok === true || r.ok === false).toBe(true);
          expect(JSON.stringify(r)).not.toMatch(new RegExp(`${SECRET_TOKEN}|${SECRET_ACCESS}`));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('mismatched topics', () => {
  it('another topic reads as another push certificate', () => {
    expect(ok(inspect('new.pem', utf8(f.otherTopicPem))).topic).toBe(OTHER_TOPIC);
  });
  it('bytes() helper keeps binary', () => {
    expect(bytes('\u00ff\u0000').length).toBe(2);
  });
});

import { matchFile } from '../../lib/files/match';
import type { Credential } from '../../lib/credentials/model';

describe('matching a file to the inventory', () => {
  const cred = (extra: Partial<Credential>): Credential => ({
    id: 'x', kind: 'apns', name: '', expiresOn: '2026-12-04', sources: [], history: [], alerts: {}, archived: false,
    createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), ...extra,
  });
  it('matches a push certificate by topic and sees the renewal', () => {
    const mine = cred({ topic: TOPIC });
    expect(matchFile(ok(inspect('a.pem', utf8(f.apnsPem))), [mine])).toEqual({ type: 'match', credential: mine, renews: true });
  });
  it('calls out a push certificate with another topic', () => {
    expect(matchFile(ok(inspect('a.pem', utf8(f.otherTopicPem))), [cred({ topic: TOPIC })])).toEqual({ type: 'topic-mismatch', inventoryTopics: [TOPIC] });
  });
  it('matches a VPP token by organisation, and offers to add what is new', () => {
    const vpp = cred({ kind: 'vpp', name: 'contoso apps - paris', expiresOn: '2027-03-14' });
    expect(matchFile(ok(inspect('a.vpptoken', utf8(f.vpptoken))), [vpp])).toEqual({ type: 'match', credential: vpp, renews: false });
    expect(matchFile(ok(inspect('a.vpptoken', utf8(f.vpptoken))), [])).toEqual({ type: 'new' });
  });
  it('does not track a CSR', () => {
    expect(matchFile(ok(inspect('a.csr', utf8(f.csrPem))), [])).toEqual({ type: 'not-tracked' });
  });
  it('holds the MDM server public key (with its dates) as an other credential, matched by its name; a bare key has no date to hold', () => {
    const key = ok(inspect('IntunePublicKey.pem', utf8(f.mdmPublicCertPem)));
    expect(matchFile(key, [])).toEqual({ type: 'new' });
    const held = cred({ kind: 'other', name: 'MDM server public key (ADE): Intune ADE public key (test)', expiresOn: '2026-11-20' });
    expect(matchFile(key, [held, cred({ kind: 'other', name: 'Something else' })])).toEqual({ type: 'match', credential: held, renews: true });
    // Only 'other' credentials: an ADE token of the same name is not the key.
    expect(matchFile(key, [cred({ kind: 'ade', name: 'Intune ADE public key (test)' })])).toEqual({ type: 'new' });
    expect(matchFile(ok(inspect('key.pem', utf8(f.publicKeyPem))), [held])).toEqual({ type: 'not-tracked' });
  });
});

describe('files made to freeze the page', () => {
  it('a .p12 asking for millions of key-derivation rounds is refused before any is run, with a clear message', () => {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(String.fromCharCode(...f.p12)));
    // The MAC's iteration count, raised to 2^24 (node-forge would take about a minute).
    const macData = (asn1.value as forge.asn1.Asn1[])[2]!;
    (macData.value as forge.asn1.Asn1[])[2] = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.INTEGER, false, forge.asn1.integerToDer(2 ** 24).getBytes());
    const slow = bytes(forge.asn1.toDer(asn1).getBytes());
    for (const password of [undefined, f.p12Password]) {
      expect(inspect('push.p12', slow, password === undefined ? {} : { password })).toMatchObject({ ok: false, error: 'too-slow', message: expect.stringContaining('would freeze this page') });
    }
    // A count of many bytes is huge without being converted.
    (macData.value as forge.asn1.Asn1[])[2] = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.INTEGER, false, '\x7f' + '\xff'.repeat(15));
    expect(inspect('push.p12', bytes(forge.asn1.toDer(asn1).getBytes()), { password: f.p12Password })).toMatchObject({ ok: false, error: 'too-slow' });
    // The ordinary file still opens.
    expect(ok(inspect('push.p12', f.p12, { password: f.p12Password }))).toMatchObject({ kind: 'apns-certificate' });
  });

  it('a .p12 of many encrypted bags, each under the cap, is refused when the rounds add up', () => {
    const pfx = forge.asn1.fromDer(forge.util.createBuffer(String.fromCharCode(...f.p12Legacy)));
    const authSafe = (pfx.value as forge.asn1.Asn1[])[1]!;
    const holder = ((authSafe.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!;
    const safes = forge.asn1.fromDer(holder.value as string);
    const [certInfo, keyInfo] = safes.value as forge.asn1.Asn1[];
    // The certificate bag's RC2 parameters: SEQUENCE { salt, iterations } at 450,000 rounds, four times over.
    const algorithm = ((((certInfo!.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[1]!;
    const params = (algorithm.value as forge.asn1.Asn1[])[1]!;
    (params.value as forge.asn1.Asn1[])[1] = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.INTEGER, false, forge.asn1.integerToDer(450_000).getBytes());
    safes.value = [certInfo!, certInfo!, certInfo!, certInfo!, keyInfo!];
    holder.value = forge.asn1.toDer(safes).getBytes();
    const many = bytes(forge.asn1.toDer(pfx).getBytes());
    expect(inspect('many.p12', many, { password: f.p12Password })).toMatchObject({ ok: false, error: 'too-slow' });
    expect(inspect('many.p12', many)).toMatchObject({ ok: false, error: 'too-slow' });
  });

  it('an MDM key made to keep the RSA arithmetic busy is refused as the wrong key, at once', () => {
    const real = forge.pki.privateKeyFromPem(f.mdmPrivateKeyPem) as forge.pki.rsa.PrivateKey;
    const huge = new forge.jsbn.BigInteger('1'.padEnd(3000, '0'), 16);
    const slow = forge.pki.setRsaPrivateKey(real.n, real.e, real.d, real.p, real.q, huge, real.dQ, real.qInv);
    expect(inspect('token_smime.p7m', utf8(f.adeSmime), { privateKeyPem: forge.pki.privateKeyToPem(slow) })).toMatchObject({ ok: false, error: 'wrong-key' });
    // The real key still opens it.
    expect(ok(inspect('token_smime.p7m', utf8(f.adeSmime), { privateKeyPem: f.mdmPrivateKeyPem })).expiresOn).toBe('2027-11-20');
  });

  it('a megabyte of BEGIN lines without END is read once, not once per line', () => {
    const junk = '-----BEGIN A-----\n'.repeat(55_000);
    expect(inspect('x.pem', utf8(junk))).toMatchObject({ ok: false, error: 'truncated' });
    const distinct = Array.from({ length: 40_000 }, (_, i) => `-----BEGIN A${i}-----\n`).join('');
    expect(inspect('x.pem', utf8(distinct))).toMatchObject({ ok: false, error: 'truncated' });
    // A certificate after such lines is still found.
    expect(ok(inspect('x.pem', utf8(`${'-----BEGIN JUNK-----\n'.repeat(10_000)}${f.apnsPem}`)))).toMatchObject({ kind: 'apns-certificate', topic: TOPIC });
  });
});

describe('PEM files with several blocks', () => {
  const push = () => ok(inspect('bundle.pem', utf8(f.apnsPem)));
  const same = (r: Extract<FileReport, { ok: true }>) => ({ kind: r.kind, topic: r.topic, expiresOn: r.expiresOn, startsOn: r.startsOn });

  it('a key before the certificate: the certificate is read, the key told and not kept', () => {
    const r = ok(inspect('server.pem', utf8(f.pushPrivateKeyPem + f.apnsPem)));
    expect(same(r)).toEqual(same(push()));
    expect(r.warnings).toContain('contains-private-key');
    expect(r.warnings).not.toContain('key-mismatch');
    expect(r.message).toContain('This file holds a private key');
    expect(JSON.stringify(r)).not.toMatch(/PRIVATE KEY-----|MII[A-Za-z0-9+/]{40}/);
  });

  it.each([
    ['PKCS#1 (RSA PRIVATE KEY)', () => f.pushPrivateKeyPem],
    ['PKCS#8 (PRIVATE KEY)', () => forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(forge.pki.privateKeyFromPem(f.pushPrivateKeyPem))))],
    ['encrypted PKCS#8 (ENCRYPTED PRIVATE KEY)', () => forge.pki.encryptRsaPrivateKey(forge.pki.privateKeyFromPem(f.pushPrivateKeyPem), 'pw', { algorithm: 'aes256' })],
  ])('a %s key before the certificate is told, never kept, and not called another key', (_, key) => {
    const pem = key();
    const r = ok(inspect('bundle.pem', utf8(pem + '\n' + f.apnsPem)));
    expect(same(r)).toEqual(same(push()));
    expect(r.warnings).toEqual(['contains-private-key']);
    expect(JSON.stringify(r)).not.toContain(pem.split('\n')[2]!);
  });

  it('a key that is not the certificate’s gets its own warning', () => {
    const r = ok(inspect('server.pem', utf8(f.apnsPem + f.otherPrivateKeyPem)));
    expect(r.warnings).toEqual(expect.arrayContaining(['contains-private-key', 'key-mismatch']));
  });

  it('openssl pkcs12 -nodes output: Bag Attributes text, CRLF, a BOM, the chain named', () => {
    const text = '\uFEFFBag Attributes\r\n    localKeyID: 01 02 03\r\nsubject=/UID=' + TOPIC + '\r\n' + f.apnsPem.replace(/\n/g, '\r\n') +
      'Bag Attributes: <No Attributes>\r\n' + f.webServerPem.replace(/\n/g, '\r\n') + 'Key Attributes: <No Attributes>\r\n' + f.pushPrivateKeyPem.replace(/\n/g, '\r\n');
    const r = ok(inspect('export.pem', utf8(text)));
    expect(same(r)).toEqual(same(push()));
    expect(r.chain).toEqual(['mdm.contoso.example']);
    expect(r.warnings).toContain('contains-private-key');
    expect(r.warnings).not.toContain('key-mismatch');
  });

  it('only a private key: no certificate in it', () => {
    expect(inspect('key.pem', utf8(f.pushPrivateKeyPem))).toMatchObject({ ok: false, error: 'no-certificate' });
  });

  it('blocks shuffled, duplicated, with junk lines and line endings changed never change the certificate read', () => {
    const parts = [f.apnsPem, f.webServerPem, f.pushPrivateKeyPem, f.csrPem];
    fc.assert(
      fc.property(fc.shuffledSubarray(parts, { minLength: 1 }), fc.array(fc.constantFrom('junk line\n', 'Bag Attributes\n', '\n', 'friendlyName: x\n'), { maxLength: 4 }), fc.boolean(), fc.boolean(), (chosen, junk, crlf, twice) => {
        if (!chosen.includes(f.apnsPem)) chosen.push(f.apnsPem);
        const blocks = twice ? [...chosen, chosen[0]!] : chosen;
        let text = blocks.map((b, i) => (junk[i % Math.max(junk.length, 1)] ?? '') + b).join('');
        if (crlf) text = text.replace(/\n/g, '\r\n');
        const r = ok(inspect('any.pem', utf8(text)));
        expect(same(r)).toEqual(same(push()));
      }),
      { numRuns: 200 },
    );
  });
});

describe('PEM blocks', () => {
  it("one way to a block's bytes, RFC 1421 header lines left out (a push request's chain and a PEM file alike)", async () => {
    const { pemBlocks, pemBytes } = await import('../../lib/files/pem');
    const body = forge.util.encode64('\x30\x03\x02\x01\x05');
    const [plain, headed] = pemBlocks(`-----BEGIN X-----\n${body}\n-----END X-----\n-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,00\n\n${body}\n-----END X-----\n`).blocks;
    expect(Array.from(pemBytes(plain!)!)).toEqual([0x30, 3, 2, 1, 5]);
    expect(Array.from(pemBytes(headed!)!)).toEqual([0x30, 3, 2, 1, 5]);
  });
});
