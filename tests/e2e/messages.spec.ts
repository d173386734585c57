/**
 * The real service worker turns away every malformed message (#9): one of each type, sent from an
 * extension page (the most trusted sender), is answered as malformed and changes nothing stored.
 */
import type { Responses } from '../../lib/messages';
import { CASES } from '../unit/support/messages';
import { expect, sendFromPage, storedEverything, test } from './fixtures';

test('a malformed message of every type is rejected by the worker and stores nothing', async ({ openPopup, serviceWorker }) => {
  const popup = await openPopup();
  const saved = await sendFromPage<Responses['save']>(popup, { type: 'save', fields: { kind: 'vpp', name: 'Kept as it was', expiresOn: '2027-03-01' } });
  expect(saved).toMatchObject({ ok: true });
  const before = await storedEverything(serviceWorker);
  expect(before).toContain('Kept as it was');

  let rejected = 0;
  const junk: unknown[] = [null, 3, 'erase', [], {}, { type: 'nonsense' }, { type: null }, { type: 'erase', all: true }, { type: 'import', json: '{}', extra: [] }];
  for (const bad of [...CASES.flatMap((c) => c.malformed), ...junk]) {
    const answer = await sendFromPage<{ ok: boolean; code?: string; error?: string }>(popup, bad);
    expect(answer, JSON.stringify(bad).slice(0, 120)).toMatchObject({ ok: false, code: 'invalid' });
    rejected++;
  }
  expect(rejected).toBeGreaterThanOrEqual(CASES.length);
  expect(await storedEverything(serviceWorker)).toBe(before);
  console.log(`malformed messages: ${rejected} sent, ${rejected} rejected, storage unchanged`);
});
