/**
 * The warnings beside the costliest controls (lib/guide/guards.ts) on the fixture pages: which
 * control gets which note, as codes (the guards never word anything), and their words
 * (lib/wording/guide.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardNotes } from '../../lib/guide/guards';
import type { GuideState } from '../../lib/guide/machine';
import { textOf } from '../../lib/dom/read';
import { guardText, stepText } from '../../lib/wording/guide';
import { findStepTarget } from '../../lib/guide/find';
import { portalSteps } from '../../lib/consoles/apple-push/steps';

const page = (path: string) => new DOMParser().parseFromString(readFileSync(resolve(import.meta.dirname, '../fixtures/pages', path), 'utf8'), 'text/html');
const TOPIC = 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34';
const OTHER = 'com.apple.mgmt.External.9d0b7c31-2f6a-4a8e-b1d2-5e3f4a6b7c8d';
const guide = (over: Partial<GuideState>): GuideState => ({
  flowId: 'f', steps: [], console: 'intune', credentialId: 'c1', kind: 'apns', name: '', oldExpiry: null, step: 0,
  status: 'active', startedAt: '2026-11-22T12:00:00Z', updatedAt: '2026-11-22T12:00:00Z', ...over,
});
const seen = (notes: ReturnType<typeof guardNotes>) => notes.map(({ anchor, ...rest }) => ({ control: textOf(anchor), ...rest }));

describe('guards beside the costliest controls', () => {
  it("Apple's portal, no renewal under way: Create a Certificate is a danger, Revoke a warning, rows say nothing", () => {
    const notes = seen(guardNotes(page('apple-push/certificates.en.html'), 'apple-push', null));
    expect(notes).toEqual([
      { control: 'Create a Certificate', level: 'danger', say: 'create-certificate' },
      { control: 'Revoke', level: 'warn', say: 'revoke' },
      { control: 'Revoke', level: 'warn', say: 'revoke' },
    ]);
  });

  it("Apple's portal while renewing a push certificate: the row with its topic is right, the other row is wrong", () => {
    const notes = seen(guardNotes(page('apple-push/certificates.en.html'), 'apple-push', guide({ kind: 'apns', topic: TOPIC })));
    const rows = notes.filter((n) => n.control === 'Renew');
    expect(rows).toEqual([
      { control: 'Renew', level: 'ok', say: 'right-row' },
      { control: 'Renew', level: 'danger', say: 'wrong-row', topic: TOPIC },
    ]);
    // Another topic under renewal: the first row is now the wrong one.
    const other = seen(guardNotes(page('apple-push/certificates.en.html'), 'apple-push', guide({ kind: 'apns', topic: OTHER })));
    expect(other.filter((n) => n.control === 'Renew').map((n) => n.level)).toEqual(['danger', 'ok']);
  });

  it("a console that never shows the topic (CLOMO PANEL): the row is told by the expiry the console showed, only when one row has it", () => {
    const doc = page('apple-push/certificates.en.html');
    const notes = seen(guardNotes(doc, 'apple-push', guide({ kind: 'apns', console: 'clomo', oldExpiry: '2027-03-14' })));
    expect(notes.filter((n) => n.control === 'Renew')).toEqual([
      { control: 'Renew', level: 'ok', say: 'right-row-date', date: '2027-03-14' },
      { control: 'Renew', level: 'danger', say: 'wrong-row-date', date: '2027-03-14' },
    ]);
    // A Renew outside any certificate's row (a menu) is called neither right nor wrong.
    const menu = page('apple-push/certificates.en.html');
    menu.body.insertAdjacentHTML('afterbegin', '<ul><li><a href="#">Renew</a></li></ul>');
    expect(seen(guardNotes(menu, 'apple-push', guide({ kind: 'apns', console: 'clomo', oldExpiry: '2027-03-14' }))).filter((n) => n.control === 'Renew').map((n) => n.level)).toEqual(['ok', 'danger']);
    // The step points at that row's Renew, and says so by its date.
    const step = portalSteps.find((s) => s.id === 'portal-renew')!;
    const state = guide({ kind: 'apns', console: 'clomo', oldExpiry: '2027-03-14', steps: [step] });
    const target = findStepTarget(doc, step, state)!;
    expect(textOf(target.closest('tr')!)).toContain(TOPIC);
    expect(stepText(step, state)).toBe('In the Apple portal, press “Renew” on the row of the certificate that expires on Mar 14, 2027 (highlighted): your console shows no subject ID, so its expiry tells the row.');
    // A date no row shows, or two rows expiring that day: no row is pointed at and no row is called right or wrong.
    expect(findStepTarget(doc, step, { ...state, oldExpiry: '2027-09-01' })).toBeNull();
    const twice = page('apple-push/certificates.en.html');
    for (const cell of Array.from(twice.querySelectorAll('td'))) if (/Jan 3, 2026|2026-01-03|01\/03\/2026/.test(cell.textContent ?? '')) cell.textContent = cell.textContent!.replace(/Jan 3, 2026|2026-01-03|01\/03\/2026/, 'Mar 14, 2027');
    expect(guardNotes(twice, 'apple-push', state).filter((n) => n.say === 'right-row-date' || n.say === 'wrong-row-date')).toEqual([]);
    expect(findStepTarget(twice, step, state)).toBeNull();
  });

  it('a finished or cancelled renewal guards like none', () => {
    const done = guardNotes(page('apple-push/certificates.en.html'), 'apple-push', guide({ kind: 'apns', topic: TOPIC, status: 'done' }));
    expect(done.some((n) => n.say === 'right-row' || n.say === 'wrong-row')).toBe(false);
  });

  it("ABM's Download Token: a danger without a renewal, right for the server being renewed, wrong for the others", () => {
    const doc = page('abm/mdm-servers.en.html');
    const none = guardNotes(doc, 'abm', null);
    expect(none.length).toBeGreaterThan(0);
    expect(none.every((n) => n.say === 'download-token' && n.level === 'danger')).toBe(true);
    const renewing = guardNotes(doc, 'abm', guide({ kind: 'ade', name: 'Contoso ABM – Headquarters' }));
    expect(renewing.filter((n) => n.say === 'download-token-ok')).toHaveLength(1);
    expect(renewing.filter((n) => n.say === 'download-token-ok')[0]).toMatchObject({ level: 'ok', name: 'Contoso ABM – Headquarters' });
    expect(renewing.filter((n) => n.say !== 'download-token-ok').every((n) => n.say === 'download-token-other' && n.level === 'danger')).toBe(true);
    // Renewing another server's token: this one's button is the wrong one, and the note names the right one.
    const other = guardNotes(doc, 'abm', guide({ kind: 'ade', name: 'Fabrikam Schools' }));
    expect(other.length).toBe(none.length);
    expect(other.every((n) => n.say === 'download-token-other' && n.level === 'danger' && n.name === 'Fabrikam Schools')).toBe(true);
  });

  it('the Get Started page names the Apple ID that owns the certificate, or says it is unknown', () => {
    const doc = page('apple-push/get-started.en.html');
    const known = guardNotes(doc, 'apple-push', guide({ kind: 'apns', topic: TOPIC, appleId: 'mdm-admin@contoso.example' }));
    const started = known.find((n) => n.say === 'get-started')!;
    expect(started).toMatchObject({ level: 'danger', appleId: 'mdm-admin@contoso.example' });
    expect(guardText(started)).toContain('mdm-admin@contoso.example');
    const unknown = guardNotes(doc, 'apple-push', guide({ kind: 'apns', topic: TOPIC, appleId: '' })).find((n) => n.say === 'get-started')!;
    expect(unknown).not.toHaveProperty('appleId');
    expect(guardText(unknown)).not.toContain('undefined');
  });

  it('a console without guards, or none known, guards nothing', () => {
    expect(guardNotes(page('apple-push/certificates.en.html'), 'intune', null)).toEqual([]);
    expect(guardNotes(page('apple-push/certificates.en.html'), null, null)).toEqual([]);
  });

  it('every note has words, with the names it carries', () => {
    const notes = [
      ...guardNotes(page('apple-push/certificates.en.html'), 'apple-push', guide({ kind: 'apns', topic: TOPIC })),
      ...guardNotes(page('abm/mdm-servers.en.html'), 'abm', guide({ kind: 'ade', name: 'Contoso ABM – Headquarters' })),
      ...guardNotes(page('abm/mdm-servers.en.html'), 'abm', guide({ kind: 'ade', name: 'Fabrikam Schools' })),
      ...guardNotes(page('apple-push/certificates.en.html'), 'apple-push', guide({ kind: 'apns', oldExpiry: '2027-03-14' })),
    ];
    const says = new Set(notes.map((n) => n.say));
    expect([...says].sort()).toEqual(['create-certificate', 'download-token-ok', 'download-token-other', 'revoke', 'right-row', 'right-row-date', 'wrong-row', 'wrong-row-date']);
    for (const n of notes) {
      const text = guardText(n);
      expect(text.length, n.say).toBeGreaterThan(10);
      if ('name' in n) expect(text).toContain(n.name);
      if ('topic' in n) expect(text).toContain(n.topic);
      if ('date' in n) expect(text).toContain('Mar 14, 2027');
    }
  });
});
