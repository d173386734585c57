/** Every message the background accepts, and who may send it: a malformed message of each type is rejected. */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../lib/requests';
import type { Request } from '../../lib/messages';
import { CASES } from './support/messages';

describe('messages to the background', () => {
  it('covers every type of request', () => {
    const types: Record<Request['type'], true> = {
      ping: true, observe: true, list: true, save: true, remove: true, renewed: true, snooze: true, archive: true, import: true, erase: true, check: true,
      'add-file': true, 'load-inspector': true,
    'load-reader': true, 'load-overlay': true, messages: true, 'guide-start': true, 'guide-action': true, 'open-add': true, 'consoles-get': true, 'consoles-enable': true, 'consoles-add': true, 'consoles-remove': true,
      'panel-hidden': true, 'panel-dock': true,
    };
    expect(CASES.map((c) => c.valid.type).sort()).toEqual(Object.keys(types).sort());
  });

  for (const { valid, malformed } of CASES) {
    it(`"${valid.type}": well-formed is accepted, malformed is rejected with a reason`, () => {
      expect(parseRequest(valid, true)).toEqual({ ok: true, request: valid });
      for (const bad of malformed) {
        const answer = parseRequest(bad, true);
        expect(answer.ok, JSON.stringify(bad).slice(0, 80)).toBe(false);
        if (!answer.ok) expect(answer).toMatchObject({ code: 'invalid', error: expect.stringMatching(/^Malformed message/) });
      }
    });
  }

  it('rejects what is not a message at all', () => {
    for (const bad of [null, undefined, 3, 'erase', [], {}, { type: 'nonsense' }, { type: null }]) expect(parseRequest(bad, true).ok).toBe(false);
  });

  it('a console page may only report, follow the guide, load the reader, its messages and the file reader, open the add form and hide or dock its panel', () => {
    const allowed = new Set(['ping', 'observe', 'guide-start', 'guide-action', 'load-inspector', 'load-reader', 'load-overlay', 'messages', 'open-add', 'panel-hidden', 'panel-dock']);
    for (const { valid } of CASES) {
      const answer = parseRequest(valid, false);
      if (allowed.has(valid.type)) expect(answer.ok, valid.type).toBe(true);
      else expect(answer, valid.type).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });
});
