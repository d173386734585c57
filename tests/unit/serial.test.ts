/** One piece of work at a time, in order, a failure stopping nothing after it. */
import { describe, expect, it } from 'vitest';
import { createSerial } from '../../lib/serial';

describe('a serial queue', () => {
  it('runs each piece after the one before it settled, in the order asked, each caller getting its own outcome', async () => {
    const serial = createSerial();
    const log: string[] = [];
    const piece = (name: string, ms: number, fail = false) =>
      serial(async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const a = piece('a', 20);
    const b = piece('b', 1, true);
    const c = piece('c', 5);
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b');
    await expect(c).resolves.toBe('c');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('keeps two queues apart', async () => {
    const one = createSerial();
    const two = createSerial();
    const log: string[] = [];
    let release!: () => void;
    const held = one(() => new Promise<void>((r) => (release = r)));
    await two(async () => log.push('two ran while one was held'));
    release();
    await held;
    expect(log).toEqual(['two ran while one was held']);
  });
});
