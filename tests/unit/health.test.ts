import { describe, expect, it } from 'vitest';
import {
  HEALTH_ORDER,
  healthAlertKey,
  mergeHealth,
  noticeHealth,
  standing,
  statusHealth,
  worseHealth,
  type Health,
  type HealthReading,
} from '../../lib/credentials/health';

describe('status words, in five languages', () => {
  const cases: [string, Health][] = [
    // en
    ['Active', 'active'], ['Expired', 'expired'], ['Revoked', 'revoked'], ['Invalid', 'invalid'], ['Assigned to external MDM', 'taken-by-other-mdm'],
    ['Duplicate', 'duplicate'], ['Expiring soon', 'expiring'], ['Terms and conditions not accepted', 'terms-pending'], ['In grace period', 'in-grace'],
    // fr
    ['Actif', 'active'], ['Expiré', 'expired'], ['Révoqué', 'revoked'], ['Non valide', 'invalid'], ['Affecté à une gestion MDM externe', 'taken-by-other-mdm'],
    ['En double', 'duplicate'], ['Expire bientôt', 'expiring'], ['Conditions générales à accepter', 'terms-pending'],
    // ja
    ['有効', 'active'], ['期限切れ', 'expired'], ['取り消し済み', 'revoked'], ['無効', 'invalid'], ['外部 MDM に割り当てられています', 'taken-by-other-mdm'],
    ['重複', 'duplicate'], ['まもなく期限切れ', 'expiring'], ['利用規約に同意してください', 'terms-pending'],
    // de
    ['aktiv', 'active'], ['Abgelaufen', 'expired'], ['Widerrufen', 'revoked'], ['Ungültig', 'invalid'], ['Externer MDM zugewiesen', 'taken-by-other-mdm'],
    ['Duplikat', 'duplicate'], ['Läuft bald ab', 'expiring'], ['Nutzungsbedingungen müssen akzeptiert werden', 'terms-pending'],
    // es
    ['Activo', 'active'], ['Caducado', 'expired'], ['Revocado', 'revoked'], ['No válido', 'invalid'], ['Asignado a una MDM externa', 'taken-by-other-mdm'],
    ['Duplicado', 'duplicate'], ['Vence pronto', 'expiring'], ['Términos y condiciones pendientes', 'terms-pending'],
    // decorated
    ['● Active', 'active'], ['✓ aktiv', 'active'], ['Revoked on 3/2/2026', 'revoked'],
  ];
  it.each(cases)('%s → %s', (text, state) => expect(statusHealth(text)).toBe(state));

  it('keeps words it does not know as unknown, never active', () => {
    for (const w of ['Inactive', 'Suspendu', 'Pending sync', '保留中', '', 'Activated by admin@x']) expect(statusHealth(w)).toBe('unknown');
  });

  it('reads the strong states in notices, and nothing in a footer link or plain words', () => {
    expect(noticeHealth("The VPP token 'Contoso' is assigned to another MDM server.")).toBe('taken-by-other-mdm');
    expect(noticeHealth('Your APNs certificate was revoked.')).toBe('revoked');
    expect(noticeHealth('New Terms and Conditions are available. Review and accept them to continue.')).toBe('terms-pending');
    expect(noticeHealth('Terms and Conditions')).toBeNull();
    expect(noticeHealth('Your VPP token expires in 12 days')).toBeNull();
    expect(noticeHealth('Privacy Policy · Terms of Use')).toBeNull();
  });
});

describe('the state that counts', () => {
  it('ranks revoked worst and active best', () => {
    expect(HEALTH_ORDER[0]).toBe('revoked');
    expect(HEALTH_ORDER.at(-1)).toBe('active');
    expect(worseHealth('expiring', 'revoked')).toBe('revoked');
    expect(worseHealth('active', 'in-grace')).toBe('in-grace');
  });

  it('takes the worse of the date and the state read', () => {
    // A revoked certificate with a year left outranks one expiring next month.
    expect(standing('ok', 'revoked')).toEqual({ health: 'revoked', urgency: 'expired', fromReading: true });
    expect(standing('soon', undefined)).toEqual({ health: 'expiring', urgency: 'soon', fromReading: false });
    // "Active" on the page never hides a date that has passed.
    expect(standing('expired', 'active')).toEqual({ health: 'expired', urgency: 'expired', fromReading: false });
    // Words we do not know change nothing.
    expect(standing('ok', 'unknown')).toEqual({ health: 'active', urgency: 'ok', fromReading: false });
    // Terms to accept are urgent, not expired; a nearer date still decides the urgency it is worse than.
    expect(standing('upcoming', 'terms-pending')).toEqual({ health: 'terms-pending', urgency: 'urgent', fromReading: true });
    expect(standing('today', 'duplicate')).toEqual({ health: 'duplicate', urgency: 'today', fromReading: true });
    expect(standing('expired', 'duplicate')).toEqual({ health: 'expired', urgency: 'expired', fromReading: false });
  });

  it('gives each problem state its own notification key, and none to the states a date tells', () => {
    expect(healthAlertKey('revoked')).toBe('h:revoked');
    expect(healthAlertKey('taken-by-other-mdm')).toBe('h:taken-by-other-mdm');
    expect(healthAlertKey('active')).toBeNull();
    expect(healthAlertKey('expiring')).toBeNull();
    expect(healthAlertKey('unknown')).toBeNull();
  });
});

describe('merging readings', () => {
  const r = (state: Health, via: HealthReading['via'], seenAt: string): HealthReading => ({ state, via, source: `${via}:x`, seenAt });

  it('a newer reading from the credential’s own page clears an older one from an alert', () => {
    expect(mergeHealth(r('revoked', 'alert', '2026-11-01'), r('active', 'page', '2026-11-02')).state).toBe('active');
  });

  it('an alert never overrides the credential’s own page, even when newer', () => {
    expect(mergeHealth(r('active', 'page', '2026-11-01'), r('revoked', 'alert', '2026-11-30')).state).toBe('active');
  });

  it('otherwise the newer reading wins, and an older one arriving late changes nothing', () => {
    expect(mergeHealth(r('active', 'page', '2026-11-01'), r('revoked', 'page', '2026-11-02')).state).toBe('revoked');
    expect(mergeHealth(r('revoked', 'page', '2026-11-02'), r('active', 'page', '2026-11-01')).state).toBe('revoked');
    expect(mergeHealth(r('duplicate', 'alert', '2026-11-01'), r('taken-by-other-mdm', 'alert', '2026-11-03')).state).toBe('taken-by-other-mdm');
    expect(mergeHealth(undefined, r('invalid', 'file', '2026-11-01')).state).toBe('invalid');
  });
});

describe('who holds an Apple ID', async () => {
  const { holderKind, holderNote } = await import('../../lib/credentials/apple-id');
  it.each([
    ['jane.doe@contoso.com', 'person'],
    ['j_doe@contoso.co.jp', 'person'],
    ['marie-claire.dupont@ecole.fr', 'person'],
    ['mdm@contoso.com', 'role'],
    ['apple-admin@contoso.com', 'role'],
    ['it.devices@contoso.com', 'role'],
    ['vpp2@school.example', 'role'],
    ['someone@gmail.com', 'personal'],
    ['jdoe@contoso.com', null],
    ['not an address', null],
  ] as const)('%s → %s', (id, kind) => expect(holderKind(id)).toBe(kind));
  it('gives a note for a person and a consumer address, none for a role', () => {
    expect(holderNote('jane.doe@contoso.com')).toBe('personAppleId');
    expect(holderNote('me@icloud.com')).toBe('personalAppleId');
    expect(holderNote('mdm@contoso.com')).toBeNull();
  });
});

describe('how a state read reads beside the date', () => {
  it('says a state once: "Expired" read on a credential whose date is past is not said twice', async () => {
    const { expiryView } = await import('../../lib/wording/describe');
    const now = new Date('2026-11-30T12:00:00Z');
    expect(expiryView('apns', '2026-11-24', now, 'UTC', 'expired').text).toBe('Expired 6 days ago; it may keep working for up to 24 more day(s), but do not rely on it');
    // Read as expired while its date is still ahead: both are said, the state first.
    expect(expiryView('vpp', '2027-01-09', now, 'UTC', 'expired').text).toBe('Expired · Expires in 40 days');
    expect(expiryView('vpp', '2027-01-09', now, 'UTC', 'revoked').text).toBe('Revoked · Expires in 40 days');
  });
});
