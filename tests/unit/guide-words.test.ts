/**
 * The guide quotes a control as the page shows it: an admin whose Token Radar speaks Japanese
 * on an English Intune reads 「Download your CSR」, the button they will see, not a translation.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOWS } from '../../lib/guide/flows';
import { startGuide } from '../../lib/guide/machine';
import type { Credential } from '../../lib/credentials/model';
import { quoteAsShown, stepText } from '../../lib/wording/guide';

const messages = (lang: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;
const NOW = new Date('2026-11-22T12:00:00Z');
const csrStep = FLOWS.find((f) => f.id === 'intune-apns')!.steps.find((s) => s.id === 'intune-csr')!;
const labels = csrStep.target.type === 'control' ? csrStep.target.labels : [];

describe('the guide quotes the page', () => {
  it('in every language, the quoted control becomes the words the page shows', () => {
    expect(quoteAsShown(messages('ja').g_intune_apns_csr!.message, labels, 'Download your CSR')).toBe(
      'Intune で同意にチェックし、「Download your CSR」を押します。Apple に必要な要求ファイルが保存されます。',
    );
    expect(quoteAsShown(messages('fr').g_intune_apns_csr!.message, labels, 'Download your CSR')).toContain('« Download your CSR »');
    expect(quoteAsShown(messages('en').g_intune_apns_csr!.message, labels, 'CSR をダウンロードします')).toContain('“CSR をダウンロードします”');
  });

  it('only the control is replaced: a quoted button the step warns about stays as written', () => {
    const text = 'Never press “Create a Certificate”, press “Download your CSR”.';
    expect(quoteAsShown(text, labels, 'Télécharger la CSR')).toBe('Never press “Create a Certificate”, press “Télécharger la CSR”.');
    expect(quoteAsShown(text, ['renew'], '   ')).toBe(text);
  });

  it('in the running guide: with the control found the page’s words, without it the message as translated', () => {
    const push: Credential = {
      id: 'c1', kind: 'apns', console: 'intune', name: '', expiresOn: '2026-12-04', sources: [], history: [], alerts: {}, archived: false,
      createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
    };
    const state = startGuide(push, NOW)!;
    expect(stepText(csrStep, state)).toContain('“Download your CSR”');
    expect(stepText(csrStep, state, 'Download CSR')).toContain('“Download CSR”');
  });
});
