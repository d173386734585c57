/** The Apps and Books content token (.vpptoken): base64 of JSON, or the JSON itself. */
import { asText, fromBase64 } from './bytes';
import { Fail, found, isoDay, mismatch } from './common';
import type { FileFacts, FileWarning } from './report';

export function fromVppToken(name: string, text: string, now: Date): FileFacts | null {
  const trimmed = text.trim();
  let json: string | null = null;
  if (trimmed.startsWith('{')) json = trimmed;
  else {
    const decoded = fromBase64(trimmed);
    const inner = decoded && asText(decoded);
    if (inner?.trim().startsWith('{')) json = inner.trim();
  }
  if (!json) {
    // Named .vpptoken and base64, but not a JSON object inside: a damaged token.
    if (name.toLowerCase().endsWith('.vpptoken') && /^[A-Za-z0-9+/=\s]+$/.test(trimmed)) throw new Fail('bad-vpptoken');
    return null;
  }
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(json) as Record<string, unknown>;
  } catch {
    if (name.toLowerCase().endsWith('.vpptoken')) throw new Fail('bad-vpptoken');
    return null;
  }
  if (!('expDate' in data) && !('token' in data)) return null;
  const expDate = typeof data.expDate === 'string' ? data.expDate : '';
  const expiresOn = /^(\d{4}-\d{2}-\d{2})/.exec(expDate)?.[1];
  const orgName = typeof data.orgName === 'string' ? data.orgName : '';
  if (!expiresOn || !orgName) throw new Fail('bad-vpptoken');
  const warnings: FileWarning[] = [];
  if (expiresOn < isoDay(now)) warnings.push('expired');
  if (mismatch(name, 'vpp-token')) warnings.push('extension-mismatch');
  // `token` is never copied out of `data`.
  return found({ kind: 'vpp-token', expiresOn, orgName, warnings });
}
