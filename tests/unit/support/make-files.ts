/**
 * The files admins handle, made here with node-forge for the tests: a push certificate issued
 * by a stand-in for Apple's CA, a PKCS#12, the MDM's public key, a CSR and a signed .plist
 * CSR, an S/MIME ADE token encrypted to a test key, a .vpptoken. None is a real Apple file.
 */
import forge from 'node-forge';

export const TOPIC = 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34';
export const OTHER_TOPIC = 'com.apple.mgmt.External.9d0b7c31-2f6a-4a8e-b1d2-5e3f4a6b7c8d';
export const SECRET_TOKEN = 'S3CRET-vpp-token-value-never-stored';
export const SECRET_ACCESS = 'AT_0123456789-secret-access-token';
const UID = '0.9.2342.19200300.100.1.1';

const keys = () => forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
const enc = new TextEncoder();
export const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
export const utf8 = (s: string) => enc.encode(s);

function certificate(opts: {
  subject: forge.pki.CertificateField[];
  issuer: forge.pki.CertificateField[];
  publicKey: forge.pki.PublicKey;
  signWith: forge.pki.PrivateKey;
  from: string;
  to: string;
  serial: string;
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = opts.publicKey;
  cert.serialNumber = opts.serial;
  cert.validity.notBefore = new Date(opts.from);
  cert.validity.notAfter = new Date(opts.to);
  cert.setSubject(opts.subject);
  cert.setIssuer(opts.issuer);
  cert.sign(opts.signWith as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return cert;
}

const appleCa = [
  { shortName: 'CN', value: 'Apple Application Integration 2 Certification Authority' },
  { shortName: 'OU', value: 'Apple Certification Authority' },
  { shortName: 'O', value: 'Apple Inc.' },
  { shortName: 'C', value: 'US' },
];

function pushSubject(topic: string) {
  const uuid = topic.split('.').pop()!;
  return [
    { type: UID, value: topic },
    { shortName: 'CN', value: `APSP:${uuid}` },
    { shortName: 'OU', value: 'TEST-ORG' },
    { shortName: 'C', value: 'US' },
  ];
}

// ---- PKCS#12 as macOS, Windows and OpenSSL write them, built from node-forge's primitives -----

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const seq = (...v: forge.asn1.Asn1[]) => asn1.create(U, asn1.Type.SEQUENCE, true, v);
const oid = (o: string) => asn1.create(U, asn1.Type.OID, false, asn1.oidToDer(o).getBytes());
const octets = (b: string) => asn1.create(U, asn1.Type.OCTETSTRING, false, b);
const integer = (n: number) => asn1.create(U, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const explicit0 = (v: forge.asn1.Asn1) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [v]);
const der = (n: forge.asn1.Asn1) => asn1.toDer(n).getBytes();
const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  certBag: '1.2.840.113549.1.12.10.1.3',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  rc2_40: '1.2.840.113549.1.12.1.6',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
};

export interface P12Options {
  password: string;
  /** How the certificate's bag is encrypted: RC2-40 (macOS Keychain, OpenSSL -legacy), AES-256 PBES2 (OpenSSL 3, recent macOS). */
  certs: 'rc2-40' | 'aes256';
  /** How the key's bag is encrypted. */
  key: '3des' | 'aes256';
  mac: 'sha1' | 'sha256';
  iterations?: number;
}

/** A PFX holding `cert` and its `key`, encrypted and MAC'd the way the tools admins use do it. */
export function buildP12(cert: forge.pki.Certificate, key: forge.pki.PrivateKey, o: P12Options): Uint8Array {
  const iterations = o.iterations ?? 2048;
  const certBag = seq(oid(OID.certBag), explicit0(seq(oid(OID.x509Certificate), explicit0(octets(der(forge.pki.certificateToAsn1(cert)))))));
  const certSafe = seq(certBag);
  let algorithm: forge.asn1.Asn1;
  let encrypted: string;
  if (o.certs === 'rc2-40') {
    const salt = forge.random.getBytesSync(8);
    const k = forge.pkcs12.generateKey(o.password, forge.util.createBuffer(salt), 1, iterations, 5);
    const iv = forge.pkcs12.generateKey(o.password, forge.util.createBuffer(salt), 2, iterations, 8);
    const cipher = forge.rc2.createEncryptionCipher(k, 40);
    cipher.start(iv);
    cipher.update(forge.util.createBuffer(der(certSafe)));
    cipher.finish();
    encrypted = cipher.output.getBytes();
    algorithm = seq(oid(OID.rc2_40), seq(octets(salt), integer(iterations)));
  } else {
    const info = forge.pki.encryptPrivateKeyInfo(certSafe, o.password, { algorithm: 'aes256', count: iterations, prfAlgorithm: 'sha256' } as never) as forge.asn1.Asn1;
    const parts = info.value as forge.asn1.Asn1[];
    algorithm = parts[0]!;
    encrypted = parts[1]!.value as string;
  }
  const certInfo = seq(
    oid(OID.encryptedData),
    explicit0(seq(integer(0), seq(oid(OID.data), algorithm, asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, encrypted)))),
  );
  const keyInfo = forge.pki.encryptPrivateKeyInfo(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key as forge.pki.rsa.PrivateKey)), o.password, {
    algorithm: o.key, count: iterations, ...(o.key === 'aes256' ? { prfAlgorithm: 'sha256' } : {}),
  } as never) as forge.asn1.Asn1;
  const keySafe = seq(seq(oid(OID.shroudedKeyBag), explicit0(keyInfo)));
  const keyContent = seq(oid(OID.data), explicit0(octets(der(keySafe))));
  const authSafe = der(seq(certInfo, keyContent));
  const md = o.mac === 'sha256' ? forge.md.sha256.create() : forge.md.sha1.create();
  const macSalt = forge.random.getBytesSync(8);
  const macKey = forge.pkcs12.generateKey(o.password, forge.util.createBuffer(macSalt), 3, iterations, o.mac === 'sha256' ? 32 : 20, md);
  const hmac = forge.hmac.create();
  hmac.start(o.mac === 'sha256' ? 'sha256' : 'sha1', macKey);
  hmac.update(authSafe);
  const macData = seq(seq(seq(oid(o.mac === 'sha256' ? OID.sha256 : OID.sha1), asn1.create(U, asn1.Type.NULL, false, '')), octets(hmac.digest().getBytes())), octets(macSalt), integer(iterations));
  return bytes(der(seq(integer(3), seq(oid(OID.data), explicit0(octets(authSafe))), macData)));
}

/** The same ASN.1 with every constructed value in BER's indefinite-length form (as some CMS tools write it). */
export function indefinite(bin: string): string {
  const walk = (node: forge.asn1.Asn1): string => {
    if (node.constructed && Array.isArray(node.value) && node.type < 31) {
      return String.fromCharCode(node.tagClass | 0x20 | node.type) + '\x80' + node.value.map(walk).join('') + '\x00\x00';
    }
    return der(node);
  };
  return walk(asn1.fromDer(bin));
}

export interface Made {
  apnsPem: string;
  /** The same push certificate, valid from yesterday for a year (for browser tests that run on today's clock). */
  freshApnsPem: string;
  freshExpiry: Date;
  apnsDer: Uint8Array;
  expiredApnsPem: string;
  otherTopicPem: string;
  selfIssuedPushPem: string;
  webServerPem: string;
  mdmPublicCertPem: string;
  /** A self-signed certificate whose name says nothing of its use ("Contoso Server"). */
  neutralSelfSignedPem: string;
  mdmPrivateKeyPem: string;
  /** The push certificate's own private key (the key of a self-hosted MDM server's bundle). */
  pushPrivateKeyPem: string;
  otherPrivateKeyPem: string;
  publicKeyPem: string;
  csrPem: string;
  /** The push request a console hands out: base64 plist, signed by a vendor certificate valid 2026-01-01 … 2027-06-01. */
  signedCsrPlist: string;
  /** Builds a push request with the signer's validity and the details a test needs. */
  pushRequest: (opts?: PushRequestOptions) => string;
  p12: Uint8Array;
  p12Password: string;
  /** The push certificate and its key as macOS Keychain (RC2-40 + 3DES, SHA-1 MAC) and OpenSSL 3 (AES-256, SHA-256 MAC) export them; one with an empty password. */
  p12Legacy: Uint8Array;
  p12Aes: Uint8Array;
  p12EmptyPassword: Uint8Array;
  /** The ADE token in BER with indefinite lengths. */
  adeBer: Uint8Array;
  adeSmime: string;
  adeDer: Uint8Array;
  vpptoken: string;
}

export interface PushRequestOptions {
  /** The vendor signing certificate's validity (default 2026-01-01 … 2027-06-01). */
  signerFrom?: Date | string;
  signerTo?: Date | string;
  /** The intermediate's end of validity (default 2030). */
  intermediateTo?: Date | string;
  /** The digest the vendor signed with (default SHA-256). */
  digest?: 'sha256' | 'sha1';
  /** Sign another CSR than the one in the file. */
  badSignature?: boolean;
  /** Leave the signature or the chain out. */
  without?: 'PushCertSignature' | 'PushCertCertificateChain';
  /** The plist as it is instead of base64; with CRLF line ends. */
  raw?: boolean;
  crlf?: boolean;
  /** The CSR as PEM inside the plist instead of base64 DER. */
  csrAsPem?: boolean;
}

let made: Made | null = null;

/** Makes the files once per test process (RSA key generation is the slow part). */
export function makeFiles(): Made {
  if (made) return made;
  const ca = keys();
  const push = keys();
  const mdm = keys();
  const other = keys();

  const apns = certificate({ subject: pushSubject(TOPIC), issuer: appleCa, publicKey: push.publicKey, signWith: ca.privateKey, from: '2026-03-14T16:40:11Z', to: '2027-03-14T16:40:11Z', serial: '0a1b2c3d4e5f' });
  const freshFrom = new Date(Date.now() - 86_400_000);
  const freshExpiry = new Date(freshFrom.getTime() + 365 * 86_400_000);
  const fresh = certificate({ subject: pushSubject(TOPIC), issuer: appleCa, publicKey: push.publicKey, signWith: ca.privateKey, from: freshFrom.toISOString(), to: freshExpiry.toISOString(), serial: '0b' });
  const expired = certificate({ subject: pushSubject(TOPIC), issuer: appleCa, publicKey: push.publicKey, signWith: ca.privateKey, from: '2025-01-03T10:00:00Z', to: '2026-01-03T10:00:00Z', serial: '01' });
  const otherTopic = certificate({ subject: pushSubject(OTHER_TOPIC), issuer: appleCa, publicKey: push.publicKey, signWith: ca.privateKey, from: '2026-11-01T10:00:00Z', to: '2027-11-01T10:00:00Z', serial: '02' });
  const selfIssuedPush = certificate({ subject: pushSubject(TOPIC), issuer: pushSubject(TOPIC), publicKey: push.publicKey, signWith: push.privateKey, from: '2026-03-14T00:00:00Z', to: '2027-03-14T00:00:00Z', serial: '03' });
  const web = certificate({
    subject: [{ shortName: 'CN', value: 'mdm.contoso.example' }],
    issuer: [{ shortName: 'CN', value: 'Contoso Issuing CA' }, { shortName: 'O', value: 'Contoso' }],
    publicKey: other.publicKey, signWith: ca.privateKey, from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', serial: '04',
  });
  const mdmSubject = [{ shortName: 'CN', value: 'Intune ADE public key (test)' }, { shortName: 'O', value: 'Test MDM' }];
  const mdmCert = certificate({ subject: mdmSubject, issuer: mdmSubject, publicKey: mdm.publicKey, signWith: mdm.privateKey, from: '2026-11-20T00:00:00Z', to: '2027-11-20T00:00:00Z', serial: '05' });

  const neutralName = [{ shortName: 'CN', value: 'Contoso Server' }, { shortName: 'O', value: 'Contoso' }];
  const neutral = certificate({ subject: neutralName, issuer: neutralName, publicKey: mdm.publicKey, signWith: mdm.privateKey, from: '2026-06-01T00:00:00Z', to: '2028-06-01T00:00:00Z', serial: '07' });

  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = push.publicKey;
  csr.setSubject([{ shortName: 'CN', value: 'Test MDM push CSR' }, { shortName: 'O', value: 'Contoso' }]);
  csr.sign(push.privateKey, forge.md.sha256.create());
  const csrPem = forge.pki.certificationRequestToPem(csr);
  const csrDer = forge.asn1.toDer(forge.pki.certificationRequestToAsn1(csr)).getBytes();

  // A vendor's signing chain, after Apple's: a root, the developer relations intermediate, the vendor.
  const rootKeys = keys();
  const wwdrKeys = keys();
  const vendorKeys = keys();
  const rootName = [{ shortName: 'CN', value: 'Apple Root CA (test stand-in)' }, { shortName: 'O', value: 'Apple Inc.' }, { shortName: 'C', value: 'US' }];
  const wwdrName = [{ shortName: 'CN', value: 'Apple Worldwide Developer Relations Certification Authority (test stand-in)' }, { shortName: 'O', value: 'Apple Inc.' }, { shortName: 'C', value: 'US' }];
  const root = certificate({ subject: rootName, issuer: rootName, publicKey: rootKeys.publicKey, signWith: rootKeys.privateKey, from: '2006-04-25T21:40:36Z', to: '2035-02-09T21:40:36Z', serial: '02' });
  const wwdr = (to: Date | string) => certificate({ subject: wwdrName, issuer: rootName, publicKey: wwdrKeys.publicKey, signWith: rootKeys.privateKey, from: '2020-02-19T18:13:47Z', to: new Date(to).toISOString(), serial: '5b' });
  const vendor = (from: Date | string, to: Date | string) =>
    certificate({
      subject: [{ shortName: 'CN', value: 'MDM Vendor: Test MDM Corp' }, { shortName: 'OU', value: 'TESTTEAM01' }, { shortName: 'O', value: 'Test MDM Corp' }, { shortName: 'C', value: 'US' }],
      issuer: wwdrName, publicKey: vendorKeys.publicKey, signWith: wwdrKeys.privateKey,
      from: new Date(from).toISOString(), to: new Date(to).toISOString(), serial: '6c',
    });
  const pushRequest = (o: PushRequestOptions = {}) => {
    const chain = [vendor(o.signerFrom ?? '2026-01-01T00:00:00Z', o.signerTo ?? '2027-06-01T00:00:00Z'), wwdr(o.intermediateTo ?? '2030-02-20T00:00:00Z'), root].map((c) => forge.pki.certificateToPem(c)).join('');
    const md = o.digest === 'sha1' ? forge.md.sha1.create() : forge.md.sha256.create();
    md.update(o.badSignature ? csrDer.slice(0, -1) + String.fromCharCode(csrDer.charCodeAt(csrDer.length - 1) ^ 1) : csrDer);
    const signature = forge.util.encode64(vendorKeys.privateKey.sign(md));
    const entries: [string, string][] = [
      ['PushCertCertificateChain', chain],
      ['PushCertRequestCSR', o.csrAsPem ? csrPem : forge.util.encode64(csrDer)],
      ['PushCertSignature', signature],
    ];
    const body = entries.filter(([k]) => k !== o.without).map(([k, v]) => `<key>${k}</key>\n<string>${v}</string>`).join('\n');
    let plist = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n${body}\n</dict>\n</plist>\n`;
    if (o.crlf) plist = plist.replace(/\r?\n/g, '\r\n');
    return o.raw ? plist : forge.util.encode64(forge.util.encodeUtf8(plist), o.crlf ? 76 : 0);
  };

  const p12Password = 'correct horse';
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(push.privateKey, [apns], p12Password, { algorithm: '3des' });
  const p12 = bytes(forge.asn1.toDer(p12Asn1).getBytes());

  // The ADE server token: S/MIME enveloped data for the MDM's certificate, as Apple sends it.
  const inner = [
    'Content-Type: text/plain;charset=UTF-8',
    'Content-Transfer-Encoding: 7bit',
    '',
    '-----BEGIN MESSAGE-----',
    JSON.stringify({
      consumer_key: 'CK_0123456789abcdef', consumer_secret: 'CS_secret', access_token: SECRET_ACCESS, access_secret: 'AS_secret',
      access_token_expiry: '2027-11-20T10:15:00Z', server_name: 'Contoso ABM – Headquarters',
    }),
    '-----END MESSAGE-----',
  ].join('\r\n');
  const p7 = forge.pkcs7.createEnvelopedData();
  p7.addRecipient(mdmCert);
  p7.content = forge.util.createBuffer(forge.util.encodeUtf8(inner));
  p7.encrypt();
  const p7der = forge.asn1.toDer(p7.toAsn1()).getBytes();
  const adeSmime = [
    'Content-Type: application/pkcs7-mime; name=smime.p7m; smime-type=enveloped-data',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename=smime.p7m',
    'Content-Description: S/MIME Encrypted Message',
    '',
    forge.util.encode64(p7der, 76),
    '',
  ].join('\r\n');

  const vpptoken = forge.util.encode64(forge.util.encodeUtf8(JSON.stringify({ token: SECRET_TOKEN, expDate: '2027-03-14T09:40:11-0800', orgName: 'Contoso Apps – Paris' })));

  made = {
    apnsPem: forge.pki.certificateToPem(apns),
    freshApnsPem: forge.pki.certificateToPem(fresh),
    freshExpiry,
    apnsDer: bytes(forge.asn1.toDer(forge.pki.certificateToAsn1(apns)).getBytes()),
    expiredApnsPem: forge.pki.certificateToPem(expired),
    otherTopicPem: forge.pki.certificateToPem(otherTopic),
    selfIssuedPushPem: forge.pki.certificateToPem(selfIssuedPush),
    webServerPem: forge.pki.certificateToPem(web),
    mdmPublicCertPem: forge.pki.certificateToPem(mdmCert),
    neutralSelfSignedPem: forge.pki.certificateToPem(neutral),
    mdmPrivateKeyPem: forge.pki.privateKeyToPem(mdm.privateKey),
    pushPrivateKeyPem: forge.pki.privateKeyToPem(push.privateKey),
    otherPrivateKeyPem: forge.pki.privateKeyToPem(other.privateKey),
    publicKeyPem: forge.pki.publicKeyToPem(mdm.publicKey),
    csrPem,
    signedCsrPlist: pushRequest(),
    pushRequest,
    p12,
    p12Password,
    p12Legacy: buildP12(apns, push.privateKey, { password: p12Password, certs: 'rc2-40', key: '3des', mac: 'sha1' }),
    p12Aes: buildP12(apns, push.privateKey, { password: p12Password, certs: 'aes256', key: 'aes256', mac: 'sha256' }),
    p12EmptyPassword: buildP12(apns, push.privateKey, { password: '', certs: 'rc2-40', key: '3des', mac: 'sha1' }),
    adeBer: bytes(indefinite(p7der)),
    adeSmime,
    adeDer: bytes(p7der),
    vpptoken,
  };
  return made;
}
