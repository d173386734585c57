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
