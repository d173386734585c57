import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../lib/export/csv';
import { csvWords } from '../../lib/wording/csv';
import { healthLabel } from '../../lib/wording/describe';
import { exportIcs, fold } from '../../lib/export/ics';
import { exportJson, parseImport } from '../../lib/export/json';
import { importErrorText } from '../../lib/wording/import';
import type { Credential } from '../../lib/credentials/model';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../lib/settings';

const NOW = new Date('2026-11-22T12:00:00Z');
const base: Credential = {
  id: 'a1', kind: 'apns', name: '', expiresOn: '2027-03-14', topic: 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34',
  appleId: 'mdm-admin@contoso.example', console: 'intune', account: 'Contoso',
  sources: [{ type: 'page', key: 'page:intune:apns-certificate:', console: 'intune', page: 'apns-certificate', url: 'https://intune.microsoft.com/', expiresOn: '2027-03-14', seenAt: '2026-11-20T10:00:00.000Z' }],
  history: [{ from: '2026-03-14', to: '2027-03-14', noticedAt: '2026-03-10T09:00:00.000Z', source: 'manual' }],
  alerts: { t60: '2027-01-13T08:00:00.000Z' }, archived: false, createdAt: '2025-03-14T09:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z',
};
const tokens: Credential[] = [
  base,
  { ...base, id: 'b2', kind: 'ade', name: '=HYPERLINK("http://evil")', topic: undefined as never, expiresOn: '2026-12-05', owner: '田中, "IT"', notes: 'line one\nline two; with, punctuation', alerts: {}, history: [] },
  {
    ...base, id: 'c3', kind: 'vpp', name: '本校のコンテンツトークン（とても長い名前がここに続きます、折り返しが必要です）', expiresOn: null, history: [], alerts: { 'h:taken-by-other-mdm': '2026-11-21T08:00:00.000Z' },
    snoozedUntil: '2026-11-29T12:00:00.000Z', appleId: 'jane.doe@contoso.example',
    health: { state: 'taken-by-other-mdm', text: '外部 MDM に割り当てられています', via: 'page', source: 'page:intune:vpp-token-list:Contoso', seenAt: '2026-11-21T08:00:00.000Z' },
  },
];
delete (tokens[1] as Partial<Credential>).topic;

describe('JSON export and import', () => {
  it('round-trips losslessly', () => {
    const parsed = parseImport(exportJson(tokens, NOW));
    expect(parsed).toEqual({ ok: true, credentials: tokens });
  });

  it.each([
    ['not json', { code: 'not-json' }, /^The file is not JSON\.$/],
    ['{"format":"something-else","version":1,"credentials":[]}', { code: 'not-export', value: 'something-else' }, /not a Token Radar export \(its format is “something-else”\)/],
    ['{"format":"token-radar-inventory","version":9,"credentials":[]}', { code: 'bad-version', value: '9', max: 1 }, /Version 9 is not one this Token Radar reads \(1 to 1\)/],
    ['{"format":"token-radar-inventory","version":1}', { code: 'not-list', path: 'file.credentials' }, /^file\.credentials must be a list\.$/],
  ])('rejects %s, with a code and its words', (text, error, message) => {
    const r = parseImport(text);
    expect(r).toEqual({ ok: false, error });
    expect(!r.ok && importErrorText(r.error)).toMatch(message);
  });

  it('names the field that is wrong', () => {
    const bad = JSON.parse(exportJson(tokens, NOW));
    bad.credentials[2].expiresOn = '2027-13-01';
    const wrongDate = parseImport(JSON.stringify(bad));
    expect(wrongDate).toEqual({ ok: false, error: { code: 'not-date', path: 'credentials[2].expiresOn', value: '2027-13-01' } });
    expect(!wrongDate.ok && importErrorText(wrongDate.error)).toBe('credentials[2].expiresOn: “2027-13-01” is not a date (YYYY-MM-DD).');
    bad.credentials[2].expiresOn = null;
    bad.credentials[1].kind = 'password';
    expect(parseImport(JSON.stringify(bad))).toMatchObject({ ok: false, error: { code: 'not-one-of', path: 'credentials[1].kind', value: 'password' } });
    bad.credentials[1].kind = 'ade';
    bad.credentials[0].sources[0].seenAt = 'yesterday';
    expect(parseImport(JSON.stringify(bad))).toMatchObject({ ok: false, error: { code: 'not-date-time', path: 'credentials[0].sources[0].seenAt', value: 'yesterday' } });
  });

  it('refuses duplicates and token material', () => {
    const dup = JSON.parse(exportJson([base, base], NOW));
    expect(parseImport(JSON.stringify(dup))).toMatchObject({ ok: false, error: { code: 'duplicate-id', value: 'a1' } });
    const secret = JSON.parse(exportJson([base], NOW));
    secret.credentials[0].notes = '-----BEGIN RSA PRIVATE KEY-----\nMII...';
    const refused = parseImport(JSON.stringify(secret));
    expect(refused).toEqual({ ok: false, error: { code: 'secret', path: 'credentials[0]' } });
    expect(!refused.ok && importErrorText(refused.error)).toContain('token or key material');
  });

  it('reads an export saved with a BOM', () => {
    expect(parseImport('\uFEFF' + exportJson(tokens, NOW)).ok).toBe(true);
  });
});

describe('CSV export', () => {
  const csv = exportCsv(tokens, NOW, csvWords(), 'UTC');
  it('is UTF-8 with BOM and CRLF, one row per credential', () => {
    expect(csv.startsWith('\uFEFF"Kind","Kind (code)","Name"')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(tokens.length + 2);
  });
  it('quotes, escapes and disarms formulas', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('"田中, ""IT"""');
    expect(csv).toContain('"line one\nline two; with, punctuation"');
    expect(csv).toContain('"Push certificate (APNs)","apns","","Microsoft Intune","Contoso","2027-03-14","112","Active","active","mdm-admin@contoso.example","role"');
  });
  it('carries the health beside the date: the state, the words shown, when and from where; and who holds the Apple ID', () => {
    const header = csv.slice(1).split('\r\n')[0]!.split(',').map((h) => h.replace(/"/g, ''));
    const row = csv.split('\r\n').find((l) => l.includes('本校'))!;
    const cells = row.match(/"(?:[^"]|"")*"/g)!.map((c) => c.slice(1, -1));
    const at = (col: string) => cells[header.indexOf(col)];
    expect(at('Health (code)')).toBe('taken-by-other-mdm');
    expect(at('Health')).toBe(healthLabel('taken-by-other-mdm'));
    expect(at('Status')).toBe('外部 MDM に割り当てられています');
    expect(at('Health read on')).toBe('2026-11-21');
    expect(at('Health read from')).toBe('page');
    expect(at('Apple ID holder')).toBe('person');
  });
  it('days left are numbers, even negative (not disarmed as a formula), and the words follow the UI language', () => {
    const late = exportCsv([{ ...tokens[0]!, expiresOn: '2026-11-19' }], NOW, csvWords(), 'UTC');
    expect(late).toContain('"2026-11-19","-3"');
    const french = exportCsv(tokens, NOW, { header: (c) => `fr:${c}`, kind: (k) => `type ${k}`, health: (h) => `état ${h}`, console: (c) => c, yes: 'oui' }, 'UTC');
    const [header, first] = french.slice(1).split('\r\n');
    expect(header!.startsWith('"fr:kind","fr:kind_code","fr:name"')).toBe(true);
    // The words change; the codes beside them do not.
    expect(first!.startsWith('"type apns","apns"')).toBe(true);
  });
  it('rejects a file nested deeper than the stack, without throwing', () => {
    const deep = `{"format":"token-radar-inventory","version":1,"credentials":[{"id":"x","kind":"apns","name":"","expiresOn":null,"sources":[],"history":[],"alerts":{},"archived":false,"createdAt":"2026-11-22T12:00:00.000Z","updatedAt":"2026-11-22T12:00:00.000Z","extra":${'['.repeat(200_000)}${']'.repeat(200_000)}}]}`;
    expect(parseImport(deep)).toEqual({ ok: false, error: { code: 'too-deep' } });
  });
  it('rejects an unknown health state on import, naming where', () => {
    const bad = JSON.parse(exportJson(tokens, NOW));
    bad.credentials[2].health.state = 'fine';
    const r = parseImport(JSON.stringify(bad));
    expect(!r.ok && importErrorText(r.error)).toMatch(/^credentials\[2\]\.health\.state: “fine” is not one of .*revoked/);
  });
});

describe('iCalendar export', () => {
  const words = { summary: (c: Credential) => `Expires: ${c.name || c.kind}`, description: (c: Credential) => `Renew it; then, upload\n${c.appleId ?? ''}` };
  const ics = exportIcs(tokens, normaliseSettings({ thresholds: { apns: [30, 7, 0] } }), NOW, words);

  it('parses with a real iCalendar parser: one all-day event per dated credential, alarms at the thresholds', () => {
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    const apns = new ICAL.Event(events[0]!);
    expect(apns.uid).toBe('a1@token-radar');
    expect(apns.startDate.toString()).toBe('2027-03-14');
    expect(apns.startDate.isDate).toBe(true);
    expect(apns.endDate.toString()).toBe('2027-03-15');
    expect(apns.summary).toBe('Expires: apns');
    expect(apns.description).toBe('Renew it; then, upload\nmdm-admin@contoso.example');
    const triggers = events[0]!.getAllSubcomponents('valarm').map((a) => a.getFirstPropertyValue('trigger')!.toString());
    expect(triggers).toEqual(['-P30D', '-P7D', 'PT0S']);
    const ade = new ICAL.Event(events[1]!);
    expect(ade.summary).toBe('Expires: =HYPERLINK("http://evil")');
    expect(events[1]!.getAllSubcomponents('valarm')).toHaveLength(DEFAULT_SETTINGS.thresholds.ade.length);
  });

  it('keeps every line within 75 octets and CRLF-terminated', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('an imported id or name cannot add a property of its own (no ATTENDEE smuggled in by a CR, a semicolon or a comma)', () => {
    const hostile = { ...tokens[0]!, id: 'x\rATTENDEE:mailto:evil@example.com', name: 'A\rATTENDEE;CN=x:mailto:evil@example.com' };
    const out = exportIcs([hostile], normaliseSettings({}), NOW, { summary: (c) => c.name, description: () => '' });
    const cal = new ICAL.Component(ICAL.parse(out));
    const event = cal.getFirstSubcomponent('vevent')!;
    expect(event.getAllProperties('attendee')).toHaveLength(0);
    expect(new ICAL.Event(event).summary).toBe(hostile.name.replace('\r', '\n'));
    expect(new ICAL.Event(event).uid).toBe(`${hostile.id.replace('\r', '\n')}@token-radar`);
    for (const line of out.split('\r\n')) expect(line).not.toMatch(/\r/);
  });

  it('folds multibyte text without splitting a character', () => {
    const long = `SUMMARY:${'期限'.repeat(40)}`;
    const folded = fold(long);
    expect(folded.split('\r\n ').join('')).toBe(long);
    const cal = ICAL.parse(`BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n${folded}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`);
    expect(JSON.stringify(cal)).toContain('期限'.repeat(40));
  });
});
