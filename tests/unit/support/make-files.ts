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
  mdmPrivateKeyPem: string;
  /** The push certificate's own private key (the key of a self-hosted MDM server's bundle). */
  pushPrivateKeyPem: string;
  otherPrivateKeyPem: string;
  publicKeyPem: string;
  csrPem: string;
  signedCsrPlist: string;
  p12: Uint8Array;
  p12Password: string;
  adeSmime: string;
  adeDer: Uint8Array;
  vpptoken: string;
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

  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = push.publicKey;
  csr.setSubject([{ shortName: 'CN', value: 'Test MDM push CSR' }]);
  csr.sign(push.privateKey, forge.md.sha256.create());
  const csrPem = forge.pki.certificationRequestToPem(csr);
  const plist = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
<key>PushCertCertificateChain</key><string>${forge.pki.certificateToPem(web)}</string>
<key>PushCertRequestCSR</key><string>${forge.util.encode64(forge.asn1.toDer(forge.pki.certificationRequestToAsn1(csr)).getBytes())}</string>
<key>PushCertSignature</key><string>c2lnbmF0dXJl</string>
</dict></plist>`;

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
    mdmPrivateKeyPem: forge.pki.privateKeyToPem(mdm.privateKey),
    pushPrivateKeyPem: forge.pki.privateKeyToPem(push.privateKey),
    otherPrivateKeyPem: forge.pki.privateKeyToPem(other.privateKey),
    publicKeyPem: forge.pki.publicKeyToPem(mdm.publicKey),
    csrPem,
    signedCsrPlist: forge.util.encode64(plist),
    p12,
    p12Password,
    adeSmime,
    adeDer: bytes(p7der),
    vpptoken,
  };
  return made;
}
