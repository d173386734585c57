/**
 * Reading off the page's thread (lib/files/read.ts): the worker's answer is worded where the
 * extension API is, a worker that does not answer is stopped at the time limit, and a page
 * that will not start a worker gets the bounded reader in the frame.
 */
import { describe, expect, it } from 'vitest';
import { inspectFile, readFacts, type FileFacts, type FileReport } from '../../lib/files';
import { readFile } from '../../lib/files/read';
import { makeFiles, utf8 } from './support/make-files';

const f = makeFiles();
const NOW = new Date('2026-11-22T12:00:00Z');

/** A stand-in for a Worker: answers with `answer(request)` (or never), records termination. */
class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly answer: ((request: { name: string; bytes: Uint8Array; opts: { now: number } }) => unknown) | 'never' | 'fail') {}
  postMessage(request: { name: string; bytes: Uint8Array; opts: { now: number } }) {
    setTimeout(() => {
      if (this.terminated) return;
      if (this.answer === 'fail') this.onerror?.({ preventDefault() {} } as ErrorEvent);
      else if (this.answer !== 'never') this.onmessage?.({ data: this.answer(request) } as MessageEvent);
    }, 5);
  }
  terminate() {
    this.terminated = true;
  }
}

/** What the worker script does, in this thread: it reads, and posts the facts through a structured clone. */
function asWorker(request: { name: string; bytes: Uint8Array; opts: { now: number } }): FileFacts {
  return structuredClone(readFacts(request.name, request.bytes, { ...request.opts, now: new Date(request.opts.now) }));
}

describe('reading in a worker', () => {
  it('the worker posts facts without words, and the page words them exactly as inspectFile does', async () => {
    const cases: [string, Uint8Array][] = [
      ['push.pem', utf8(f.apnsPem)],
      ['IntuneCSR.csr', utf8(f.pushRequest({ signerTo: '2026-10-01T00:00:00Z' }))],
      ['Contoso_Token_2025-01-22T09-00-00Z_smime.p7m', utf8(f.adeSmime)],
      ['bundle.pem', utf8(f.pushPrivateKeyPem + f.apnsPem + f.webServerPem)],
      ['server.crt', utf8(f.webServerPem)],
      ['empty.pem', new Uint8Array()],
    ];
    for (const [name, bytes] of cases) {
      const here = inspectFile(name, bytes, { now: NOW }) as FileReport;
      const posted = asWorker({ name, bytes, opts: { now: NOW.getTime() } });
      expect(posted, name).not.toHaveProperty('message');
      const there = await readFile(name, bytes, { now: NOW }, { worker: () => new FakeWorker(() => posted) as unknown as Worker, inline: async () => { throw new Error('not used'); } });
      expect(there, name).toEqual(here);
    }
  });

  it("the worker's answer is returned with its message worded, and the worker is stopped", async () => {
    let worker: FakeWorker | undefined;
    const report = await readFile('push.pem', utf8(f.apnsPem), { now: NOW }, {
      worker: () => (worker = new FakeWorker(asWorker)) as unknown as Worker,
      inline: async () => { throw new Error('not used'); },
    });
    expect(report).toMatchObject({ ok: true, kind: 'apns-certificate', message: expect.stringContaining('Push certificate (APNs) for topic') });
    expect(worker!.terminated).toBe(true);
  });

  it('a worker still reading at the time limit is stopped, and the admin is told why', async () => {
    let worker: FakeWorker | undefined;
    const report = await readFile('slow.p12', new Uint8Array([0x30]), { now: NOW }, {
      worker: () => (worker = new FakeWorker('never')) as unknown as Worker,
      inline: async () => { throw new Error('not used'); },
      limitMs: 30,
    });
    expect(report).toEqual({ ok: false, error: 'timed-out', message: expect.stringContaining('took too long and was stopped') });
    expect(worker!.terminated).toBe(true);
  });

  it('a page that forbids the worker (it throws, or its script fails to load) gets the reader in the frame', async () => {
    const inline = async () => readFacts;
    const thrown = await readFile('push.pem', utf8(f.apnsPem), { now: NOW }, { worker: () => { throw new DOMException('blocked by CSP', 'SecurityError'); }, inline });
    expect(thrown).toMatchObject({ ok: true, kind: 'apns-certificate' });
    let worker: FakeWorker | undefined;
    const failed = await readFile('push.pem', utf8(f.apnsPem), { now: NOW }, { worker: () => (worker = new FakeWorker('fail')) as unknown as Worker, inline });
    expect(failed).toMatchObject({ ok: true, kind: 'apns-certificate' });
    expect(worker!.terminated).toBe(true);
  });
});
