/**
 * The renewal guide's card, mounted and read as a person reads it: which step of how many, on
 * which tab, what not to press; a page script's click does nothing; the last word when renewed.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { GuideCard } from '../../components/guide/GuideCard';
import type { GuideAction } from '../../lib/guide/machine';
import { startGuide } from '../../lib/guide/machine';
import type { Credential } from '../../lib/credentials/model';

const NOW = new Date('2026-11-22T12:00:00Z');
const token: Credential = {
  id: 'c1', kind: 'vpp', console: 'intune', name: 'Contoso Apps – Paris', expiresOn: '2026-12-04', appleId: 'vpp@contoso.example',
  sources: [{ type: 'page', key: 'page:intune:vpp-token-list:', console: 'intune', expiresOn: '2026-12-04', seenAt: NOW.toISOString() }],
  history: [], alerts: {}, archived: false, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
};
let root: HTMLElement | null = null;

function mount(state: NonNullable<ReturnType<typeof startGuide>>, here: Parameters<typeof GuideCard>[0]['here'], targetFound = false) {
  const actions: GuideAction[] = [];
  root = document.createElement('div');
  document.body.append(root);
  render(<GuideCard view={{ state, targetFound, lagging: false }} here={here} onAction={(a) => actions.push(a)} onShow={() => undefined} />, root);
  return { root, actions };
}

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

describe('the guide card, mounted', () => {
  const state = startGuide(token, NOW)!;

  it('says which step of how many, what to do, and that it cannot see the control yet', () => {
    expect(state).not.toBeNull();
    const { root } = mount(state, state.steps![0]!.sites[0]!);
    const card = root.querySelector('section')!;
    expect(card.getAttribute('aria-label')).toBe('Renewing Contoso Apps – Paris');
    expect(card.textContent).toContain(`Step 1 of ${state.steps!.length}`);
    expect(card.querySelector('.tr-guide__say')?.textContent?.length).toBeGreaterThan(10);
    expect(card.textContent).toContain('cannot see this control on the page yet');
    expect(card.textContent).not.toContain('(another tab)');
  });

  it('on another site than the step\'s, it names the tab to go to', () => {
    const other = (['intune', 'abm', 'maas360'] as const).find((site) => !state.steps![0]!.sites.includes(site))!;
    const { root } = mount(state, other);
    expect(root.textContent).toContain('(another tab)');
  });

  it("a page script's click on its buttons does nothing", async () => {
    const { root, actions } = mount(state, state.steps![0]!.sites[0]!, true);
    const buttons = Array.from(root.querySelectorAll('button'));
    expect(buttons.map((b) => b.textContent)).toEqual(expect.arrayContaining(['Show me', 'Pause', 'Stop guiding']));
    for (const b of buttons) await act(() => b.click());
    expect(actions).toEqual([]);
  });

  it('when renewed, it says the new expiry', () => {
    const { root } = mount({ ...state, status: 'done', newExpiry: '2027-12-04' }, state.steps![0]!.sites[0]!);
    expect(root.textContent).toContain('Dec 4, 2027');
  });
});
