/**
 * The popup, mounted (Preact in the test DOM) and driven through what a person sees: its
 * messages go through WXT's fakeBrowser to the worker's real handlers and a fake IndexedDB.
 * The browser tests drive the built popup too; these catch a broken component in seconds.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '../../components/popup/PopupApp';
import { handleRaw } from '../../lib/handlers';

const NOW = new Date('2026-11-22T12:00:00Z');
let root: HTMLElement;

/** Waits until `find` returns something, letting the popup's messages and renders run. */
async function until<T>(find: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = find();
    if (found) return found;
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
  throw new Error(`never appeared: ${what}\n${root.textContent}`);
}
const button = (name: string | RegExp, within: ParentNode = root) =>
  Array.from(within.querySelectorAll('button')).find((b) => (typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''))) as HTMLButtonElement | undefined;
const click = (el: HTMLElement) => act(() => el.click());

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  fakeBrowser.reset();
  // The popup is an extension page: its messages reach the worker as such (no sender).
  // (fakeBrowser answers through sendResponse, as Chrome's own API does.)
  fakeBrowser.runtime.onMessage.addListener(((message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    void handleRaw(message).then(sendResponse);
    return true;
  }) as never);
  await handleRaw({ type: 'erase' });
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

describe('the popup, mounted', () => {
  it('says there is nothing yet, and how to start', async () => {
    await act(() => render(<PopupApp />, root));
    await until(() => root.textContent?.includes('No credentials yet'), 'the empty state');
  });

  it('lists what expires next, most urgent first, and a person can mark one renewed', async () => {
    await handleRaw({ type: 'save', fields: { kind: 'vpp', name: 'Later token', expiresOn: '2027-06-01' } });
    await handleRaw({ type: 'save', fields: { kind: 'ade', name: 'Soon token', expiresOn: '2026-11-29' } });
    await act(() => render(<PopupApp />, root));
    const rows = await until(() => (root.querySelectorAll('.cred').length === 2 ? Array.from(root.querySelectorAll('.cred')) : null), 'two rows');
    expect(rows.map((r) => r.querySelector('.cred__name')?.textContent)).toEqual(['Soon token', 'Later token']);
    expect(rows[0]!.textContent).toContain('Expires in 7 days');

    await click(rows[0]!.querySelector<HTMLButtonElement>('.cred__summary')!);
    await click(await until(() => button('Mark renewed', rows[0]!), 'Mark renewed'));
    const date = await until(() => rows[0]!.querySelector<HTMLInputElement>('input[type="date"]'), 'the date field');
    await act(() => {
      date.value = '2027-11-29';
      date.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(button('Save', rows[0]!)!);
    await until(() => root.textContent?.includes('Renewed 1 times; last: Nov 29, 2026 → Nov 29, 2027'), 'the renewal in the details');
    const stored = (await handleRaw({ type: 'list' })) as { credentials: { name: string; expiresOn: string }[] };
    expect(stored.credentials.find((c) => c.name === 'Soon token')!.expiresOn).toBe('2027-11-29');
  });

  it('deletes only after the person confirms', async () => {
    await handleRaw({ type: 'save', fields: { kind: 'vpp', name: 'Old token', expiresOn: '2027-01-01' } });
    await act(() => render(<PopupApp />, root));
    const row = await until(() => root.querySelector<HTMLElement>('.cred'), 'the row');
    await click(row.querySelector<HTMLButtonElement>('.cred__summary')!);
    await click(await until(() => button('Delete', row), 'Delete'));
    expect(row.querySelector('[role="alertdialog"]')?.textContent).toContain('Old token');
    expect(((await handleRaw({ type: 'list' })) as { credentials: unknown[] }).credentials).toHaveLength(1);
    await click(button('Yes, delete', row)!);
    await until(() => root.textContent?.includes('No credentials yet'), 'the empty state again');
  });
});
