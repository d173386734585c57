/** One valid message of every type the background accepts, and malformed variants of each: for the unit and browser tests. */
import type { Request } from '../../../lib/messages';

const found = { kind: 'ade', name: 'Contoso ABM', expiresOn: '2027-06-04', appleId: 'abm@contoso.example' } as const;
const observation = { console: 'intune' as const, page: 'ade-token-list', url: 'https://intune.microsoft.com/', seenAt: '2026-11-30T06:00:00.000Z', credentials: [found] };

/** One valid message of every type, and malformed variants of it. */
export const CASES: { valid: Request; malformed: unknown[] }[] = [
  { valid: { type: 'ping' }, malformed: [{ type: 'ping', extra: 1 }] },
  {
    valid: { type: 'observe', observation },
    malformed: [
      { type: 'observe' },
      { type: 'observe', observation: { ...observation, console: 'nowhere' } },
      { type: 'observe', observation: { ...observation, url: 'javascript:alert(1)' } },
      { type: 'observe', observation: { ...observation, seenAt: 'yesterday' } },
      { type: 'observe', observation: { ...observation, credentials: [{ ...found, kind: 'password' }] } },
      { type: 'observe', observation: { ...observation, credentials: [{ ...found, expiresOn: '4 June' }] } },
      { type: 'observe', observation: { ...observation, credentials: [{ ...found, history: null }] } },
      { type: 'observe', observation: { ...observation, credentials: [{ ...found, name: 'x'.repeat(10_000) }] } },
    ],
  },
  { valid: { type: 'list' }, malformed: [{ type: 'list', all: true }] },
  {
    valid: { type: 'save', fields: { kind: 'vpp', name: 'HQ', expiresOn: null, console: 'jamf' } },
    malformed: [{ type: 'save' }, { type: 'save', fields: { kind: 'vpp', name: 'HQ' } }, { type: 'save', fields: { kind: 'key', name: 'HQ', expiresOn: null } }, { type: 'save', fields: { kind: 'vpp', name: 'HQ', expiresOn: null, console: 'x' } }, { type: 'save', id: '', fields: { kind: 'vpp', name: 'HQ', expiresOn: null } }],
  },
  { valid: { type: 'remove', id: 'c1' }, malformed: [{ type: 'remove' }, { type: 'remove', id: 3 }] },
  { valid: { type: 'renewed', id: 'c1', expiresOn: '2027-11-30' }, malformed: [{ type: 'renewed', id: 'c1', expiresOn: 'next year' }] },
  { valid: { type: 'snooze', id: 'c1', days: 7 }, malformed: [{ type: 'snooze', id: 'c1', days: -1 }, { type: 'snooze', id: 'c1', days: 1.5 }, { type: 'snooze', id: 'c1', days: '7' }] },
  { valid: { type: 'archive', id: 'c1', archived: true }, malformed: [{ type: 'archive', id: 'c1', archived: 'yes' }] },
  { valid: { type: 'import', json: '{}' }, malformed: [{ type: 'import', json: {} }] },
  { valid: { type: 'erase' }, malformed: [{ type: 'erase', all: true }] },
  { valid: { type: 'check' }, malformed: [{ type: 'check', now: 0 }] },
  { valid: { type: 'add-file', fileName: 'HQ.vpptoken', item: { kind: 'vpp', name: 'HQ', expiresOn: '2027-01-01' } }, malformed: [{ type: 'add-file', fileName: 'x', item: { kind: 'vpp', name: 'HQ', expiresOn: '2027-01-01', token: 'secret' } }] },
  { valid: { type: 'load-inspector' }, malformed: [{ type: 'load-inspector', file: '/x.js' }] },
  { valid: { type: 'load-reader' }, malformed: [{ type: 'load-reader', file: '/x.js' }] },
  { valid: { type: 'load-overlay' }, malformed: [{ type: 'load-overlay', file: '/x.js' }] },
  { valid: { type: 'messages' }, malformed: [{ type: 'messages', lang: 'en' }] },
  { valid: { type: 'guide-start', credentialId: 'c1' }, malformed: [{ type: 'guide-start', found: { kind: 'ade' } }, { type: 'guide-start', console: 'evil' }] },
  { valid: { type: 'guide-action', action: { type: 'done', stepId: 'portal-csr' } }, malformed: [{ type: 'guide-action', action: { type: 'jump', step: 9 } }, { type: 'guide-action', action: { type: 'renewed', expiresOn: 'soon' } }] },
  { valid: { type: 'open-add', prefill: { kind: 'ade', name: 'X' } }, malformed: [{ type: 'open-add' }, { type: 'open-add', prefill: { url: 'https://x' } }] },
  { valid: { type: 'consoles-get' }, malformed: [{ type: 'consoles-get', x: 1 }] },
  { valid: { type: 'consoles-enable', console: 'jamf', on: true }, malformed: [{ type: 'consoles-enable', console: 'jamf', on: 'true' }] },
  { valid: { type: 'consoles-add', console: 'clomo', origin: 'https://mdm.contoso.example' }, malformed: [{ type: 'consoles-add', console: 'nope', origin: 'https://x.example' }] },
  { valid: { type: 'consoles-remove', origin: 'https://mdm.contoso.example' }, malformed: [{ type: 'consoles-remove' }] },
  { valid: { type: 'panel-hidden', console: 'intune', hidden: true }, malformed: [{ type: 'panel-hidden', console: 'somewhere', hidden: true }, { type: 'panel-hidden', console: 'intune' }] },
  {
    valid: { type: 'panel-dock', console: 'apple-push', corner: 'top-left' },
    malformed: [{ type: 'panel-dock', console: 'apple-push', corner: 'middle' }, { type: 'panel-dock', console: 'nowhere', corner: 'top-left' }, { type: 'panel-dock', console: 'intune' }],
  },
];

