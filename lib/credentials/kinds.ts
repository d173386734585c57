/** The Apple credentials a console page can show. Part of the `scanPage` contract. */
export type CredentialKind = 'apns' | 'ade' | 'vpp' | 'symantec';
