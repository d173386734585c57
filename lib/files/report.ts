/** What `inspectFile` says about a file. Part of the contract other tools import. */
export type FileKind = 'apns-certificate' | 'vpp-token' | 'ade-token' | 'csr' | 'public-key' | 'other-certificate';

export type FileWarning =
  | 'expired'
  | 'not-yet-valid'
  | 'not-apple-issued'
  | 'not-mdm-topic'
  /** The name says one kind of file (.vpptoken, .p7m …) and the content is another. */
  | 'extension-mismatch'
  /** The expiry is not in the file: an ADE token lasts one year from its download. */
  | 'expiry-estimated';

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
      warnings: string[];
      /** One line for the admin, in the UI language. */
      message: string;
      /** Also reported where known (beyond the contract's minimum). */
      startsOn?: string;
      commonName?: string;
      serial?: string;
      appleIssued?: boolean;
      serverName?: string;
    }
  | { ok: false; error: FileError; message: string };

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
  | 'too-slow';

export interface InspectOptions {
  password?: string;
  privateKeyPem?: string;
  now?: Date;
}
