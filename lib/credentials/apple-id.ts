/**
 * Apple IDs on consumer mail domains belong to a person, not the organisation: renewals must
 * outlive the person, so the UI flags them.
 */
const PERSONAL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'icloud.com', 'me.com', 'mac.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com',
  'yahoo.com', 'ymail.com', 'aol.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'proton.me', 'protonmail.com',
  'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'laposte.net', 'hotmail.fr', 'yahoo.fr', 'live.fr',
  'yahoo.co.jp', 'docomo.ne.jp', 'ezweb.ne.jp', 'au.com', 'softbank.ne.jp', 'i.softbank.jp', 'hotmail.co.jp', 'outlook.jp',
  'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com', 'yahoo.de', 'hotmail.de', 't-online.de', 'qq.com', '163.com', 'naver.com',
]);

export function looksPersonal(appleId: string | undefined | null): boolean {
  if (!appleId) return false;
  const at = appleId.lastIndexOf('@');
  if (at < 1) return false;
  return PERSONAL_DOMAINS.has(appleId.slice(at + 1).trim().toLowerCase());
}

/** Local parts that name a role, not a person: such an account outlives whoever holds the job. */
const ROLE = /(?:^|[._+-])(?:admin|administrator|admins|it|itops|ops|mdm|apple|abm|asm|ade|dep|vpp|apns|push|ios|mac|macos|devices?|device-?management|endpoint|intune|jamf|helpdesk|servicedesk|support|service|services|team|infra|infrastructure|sysadmin|systems|noreply|no-reply|accounts|licen[cs]es?|purchasing|school|schools|tech|informatique|joho|jousys)(?:$|[._+-]|\d)/;
/** `first.last`, `first_last`, `f.last`, `first-last2`: how organisations spell a person's address. */
const PERSON = /^\p{L}[\p{L}'’]*(?:[._-]\p{L}[\p{L}'’]*){1,3}\d{0,3}$/u;

/**
 * Who an Apple ID or Managed Apple Account seems to belong to: a consumer address ('personal'),
 * a person's address at the organisation ('person'), a role account ('role'), or null when it
 * cannot be told. A guess from the address's shape, said as one in the UI.
 */
export function holderKind(appleId: string | undefined | null): 'personal' | 'person' | 'role' | null {
  if (!appleId) return null;
  const at = appleId.lastIndexOf('@');
  if (at < 1) return null;
  if (looksPersonal(appleId)) return 'personal';
  const local = appleId.slice(0, at).trim().toLowerCase();
  if (ROLE.test(local)) return 'role';
  return PERSON.test(local) ? 'person' : null;
}

/** The note an Apple ID deserves in the UI, by who seems to hold it; null when none. */
export function holderNote(appleId: string | undefined | null): 'personalAppleId' | 'personAppleId' | null {
  const kind = holderKind(appleId);
  return kind === 'personal' ? 'personalAppleId' : kind === 'person' ? 'personAppleId' : null;
}
