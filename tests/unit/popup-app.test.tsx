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
    await until(() => root.textContent?.includes('Renewed once; last: Nov 29, 2026 → Nov 29, 2027'), 'the renewal in the details');
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

  it('a credential added by hand reads as such: no date yet (not "unreadable"), added by hand, advice for its own console', async () => {
    await handleRaw({ type: 'save', fields: { kind: 'vpp', name: 'Jamf token', expiresOn: null, console: 'jamf' } });
    await act(() => render(<PopupApp />, root));
    const row = await until(() => root.querySelector<HTMLElement>('.cred'), 'the row');
    expect(row.textContent).toContain('No expiry date yet — add it');
    expect(row.textContent).not.toContain('not readable');
    await click(row.querySelector<HTMLButtonElement>('.cred__summary')!);
    await until(() => row.querySelector('.cred__details'), 'the details');
    expect(row.textContent).toContain('Added by hand, today');
    expect(row.textContent).not.toContain('Seen on');
    // Intune's doubled apps are Intune's: a Jamf token gets the general advice.
    expect(row.textContent).toContain('Renew it before it expires.');
    expect(row.textContent).not.toContain('In Intune');
  });

  it("an Intune content token keeps Intune's warning; a credential with no guided renewal offers none", async () => {
    await handleRaw({ type: 'save', fields: { kind: 'vpp', name: 'Intune token', expiresOn: '2027-03-01', console: 'intune' } });
    await handleRaw({ type: 'save', fields: { kind: 'other', name: 'Wi-Fi certificate', expiresOn: '2027-04-01' } });
    await act(() => render(<PopupApp />, root));
    const rows = await until(() => (root.querySelectorAll('.cred').length === 2 ? Array.from(root.querySelectorAll<HTMLElement>('.cred')) : null), 'two rows');
    const [intune, other] = [rows.find((r) => r.textContent?.includes('Intune token'))!, rows.find((r) => r.textContent?.includes('Wi-Fi'))!];
    await click(intune.querySelector<HTMLButtonElement>('.cred__summary')!);
    await until(() => intune.textContent?.includes('In Intune, renew before it expires'), "Intune's warning");
    expect(button('Renew…', intune)).toBeDefined();
    await click(other.querySelector<HTMLButtonElement>('.cred__summary')!);
    await until(() => button('Mark renewed', other), 'the actions');
    expect(button('Renew…', other)).toBeUndefined();
  });

  it("a row action that fails says so in that row, beside its buttons, not at the top", async () => {
    await handleRaw({ type: 'save', fields: { kind: 'ade', name: 'Gone token', expiresOn: '2027-01-01' } });
    await act(() => render(<PopupApp />, root));
    const row = await until(() => root.querySelector<HTMLElement>('.cred'), 'the row');
    await click(row.querySelector<HTMLButtonElement>('.cred__summary')!);
    const renew = await until(() => button('Renew…', row), 'Renew…');
    // Deleted elsewhere (another window) after the popup listed it.
    const { credentials } = (await handleRaw({ type: 'list' })) as { credentials: { id: string }[] };
    await handleRaw({ type: 'remove', id: credentials[0]!.id });
    await click(renew);
    const alert = await until(() => row.querySelector('[role="alert"]'), 'the row says what failed');
    expect(alert.textContent).toContain('no guided renewal');
    expect(root.querySelector('main > .error')).toBeNull();
  });
});
