/** What `inspectFile` says about a file. Part of the contract other tools import. */
export type FileKind = 'apns-certificate' | 'vpp-token' | 'ade-token' | 'csr' | 'public-key' | 'other-certificate';

export type FileWarning =
  | 'expired'
  | 'not-yet-valid'
  | 'not-apple-issued'
  | 'not-mdm-topic'
  /** The name says one kind of file (.vpptoken, .p7m …) and the content is another. */
  | 'extension-mismatch'
  /**
   * An ADE token read without the MDM server's key: its expiry is inside the encrypted part.
   * `estimatedExpiry` is one year after the download time in Apple's file name, else after the
   * file's own date: an estimate, never `expiresOn`.
   */
  | 'expiry-estimated'
  /** The estimate is already past: the token has probably expired. */
  | 'probably-expired'
  /** The PEM file also holds a private key: told, never kept ("keep it out of tickets and e-mail"). */
  | 'contains-private-key'
  /** That private key is not the certificate's. */
  | 'key-mismatch'
  /** Nothing tells when it expires (no download time in its name, no file date): only the MDM server's key can. */
  | 'expiry-unknown'
  /** A certificate without a push topic (`UID=com.apple.mgmt.…`) whose use does not say it is the MDM server's public key. */
  | 'no-push-topic'
  /** A certificate request no MDM vendor has signed (a bare CSR, or a push request without its chain or signature): Apple's portal refuses it. */
  | 'not-vendor-signed'
  /** A certificate of a push request's signing chain has expired: Apple rejects the request. */
  | 'signer-expired'
  /** … or expires within 30 days. */
  | 'signer-expiring'
  /** The vendor's signature over the CSR does not verify with the chain's signing certificate: Apple rejects the request. */
  | 'signature-invalid';

/** One certificate of a push request's signing chain. */
export interface SigningCertificate {
  name: string;
  issuer: string;
  startsOn: string;
  expiresOn: string;
}

/** What a certificate request asks for, and who signed it. */
export interface RequestInfo {
  /** The CSR's subject, "CN=…, O=…". */
  subject: string;
  /** The RSA key's size in bits, when node-forge can read the key. */
  keyBits?: number;
  /** Signed by an MDM vendor: a chain and a signature are present. */
  signed: boolean;
  /** The signing certificate's name (the vendor's). */
  signedBy?: string;
  /** Whether the signature verifies; absent when it cannot be checked. */
  signatureValid?: boolean;
  /** How it came: a bare CSR, or inside the push request plist an MDM console hands out. */
  container?: 'csr' | 'push-request';
}

export type FileReport =
  | {
      ok: true;
      kind: FileKind;
      /** 'YYYY-MM-DD' when known. */
      expiresOn?: string;
      topic?: string;
      orgName?: string;
      issuer?: string;
      fingerprint?: string;
      /** Codes from `FileWarning` (the contract keeps them as strings). */
      warnings: string[];
      /** One line for the admin, in the UI language. */
      message: string;
      /** Also reported where known (beyond the contract's minimum). */
      startsOn?: string;
      commonName?: string;
      serial?: string;
      appleIssued?: boolean;
      serverName?: string;
      /** An ADE token read without the key: one year after the evidence below ('YYYY-MM-DD'). Never an expiry of record. */
      estimatedExpiry?: string;
      /** What the estimate comes from: the download time in Apple's file name, or the file's own date. */
      estimatedFrom?: 'file-name' | 'file-date';
      /** The other certificates of a PEM file's chain, by name. */
      chain?: string[];
      /** A certificate request (kind 'csr'): its subject, key size and signer. */
      request?: RequestInfo;
      /** A push request's signing chain, in the file's order, with dates. */
      signingChain?: SigningCertificate[];
    }
  | { ok: false; error: FileError; message: string };

/**
 * What the readers find: the report without its words. The readers only read (codes and data);
 * lib/wording/file.ts words it in the UI language, where the extension API is.
 */
export type FileFacts = Omit<Extract<FileReport, { ok: true }>, 'message'> | Omit<Extract<FileReport, { ok: false }>, 'message'>;

export type FileError =
  | 'empty'
  | 'too-large'
  | 'zip'
  | 'unrecognised'
  | 'truncated'
  | 'password-needed'
  | 'wrong-password'
  | 'no-certificate'
  | 'bad-vpptoken'
  | 'wrong-key'
  /** A .p12 asking for so many key-derivation rounds that reading it would freeze the page. */
  | 'too-slow'
  /** Reading it took longer than any real file does, and was stopped. */
  | 'timed-out';

export interface InspectOptions {
  password?: string;
  privateKeyPem?: string;
  now?: Date;
  /** The file's modification time as the browser gives it (`File.lastModified`, ms): evidence for an ADE token's estimate. */
  lastModified?: number;
  /**
   * What the place the file goes to wants (an upload field's kind). A certificate without a push
   * topic is called the MDM server's public key only when its use says so: this, its name or its subject.
   */
  expect?: FileKind;
}
