/**
 * The overlay's panel, mounted on a real scan of a fixture page and read as a person reads it;
 * a click a page's script makes (not trusted) does nothing. The browser tests click for real.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Overlay } from '../../components/overlay/Overlay';
import type { GuideView } from '../../components/guide/GuideCard';
import { scanPage, type PageScan } from '../../lib/scan';

const NOW = new Date('2026-11-22T12:00:00Z');
const PUSH_URL = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade';
let root: HTMLElement | null = null;

function mount() {
  const html = readFileSync(resolve(import.meta.dirname, '../fixtures/pages/intune/push-certificate.en.html'), 'utf8');
  const scan = scanPage(PUSH_URL, new DOMParser().parseFromString(html, 'text/html'), NOW);
  const started: unknown[] = [];
  root = document.createElement('div');
  document.body.append(root);
  render(
    <Overlay scan={scan} now={NOW} guide={null} showGuide={false} highlight={null} onGuide={() => undefined} onShowTarget={() => undefined}
      onStartGuide={(c) => started.push(c)} onAddByHand={() => undefined} onSaveOutline={() => true} />,
    root,
  );
  return { root, started };
}

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

describe('the overlay panel, mounted', () => {
  it('names the page\'s credentials and how long they have left, as text', () => {
    const { root } = mount();
    const panel = root.querySelector('aside')!;
    expect(panel.getAttribute('aria-label')).toBe('Token Radar');
    expect(panel.textContent).toContain('Apple credentials on this page: 1');
    expect(panel.textContent).toContain('Expires in 112 days');
    expect(panel.textContent).toContain('Push certificate (APNs)');
    expect(panel.querySelector('[aria-expanded]')?.textContent).toBe('Show details');
  });

  it("a page script's click on its buttons does nothing: only a person's does", async () => {
    const { root, started } = mount();
    const buttons = Array.from(root.querySelectorAll('button'));
    expect(buttons.length).toBeGreaterThan(1);
    for (const b of buttons) await act(() => b.click());
    expect(root.querySelector('aside')).not.toBeNull();
    expect(root.querySelector('[aria-expanded]')?.getAttribute('aria-expanded')).toBe('false');
    expect(started).toEqual([]);
  });

  it('a console page without credentials says it is watched, also after a guide was cancelled (its state stays stored)', async () => {
    const scan = { console: 'intune' as const, page: null, credentials: [] };
    const cancelled = { state: { flowId: 'intune-apns', steps: [], status: 'cancelled', step: 0 }, targetFound: false, lagging: false } as unknown as GuideView;
    root = document.createElement('div');
    document.body.append(root);
    await act(() =>
      render(
        <Overlay scan={scan} now={NOW} guide={cancelled} showGuide={true} highlight={null} quiet={true} onGuide={() => undefined} onShowTarget={() => undefined}
          onStartGuide={() => undefined} onAddByHand={() => undefined} onSaveOutline={() => true} />,
        root!,
      ),
    );
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Token Radar is watching Microsoft Intune; no credential on this page.');
    expect(root.querySelector('.tr-quiet__hint')).toBeNull();
  });

  it("on CLOMO PANEL the quiet note says where its dates are: its HOME alerts only from three months before", async () => {
    const scan = { console: 'clomo' as const, page: null, credentials: [] };
    root = document.createElement('div');
    document.body.append(root);
    await act(() =>
      render(
        <Overlay scan={scan} now={NOW} guide={null} showGuide={false} highlight={null} quiet={true} onGuide={() => undefined} onShowTarget={() => undefined}
          onStartGuide={() => undefined} onAddByHand={() => undefined} onSaveOutline={() => true} />,
        root!,
      ),
    );
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Token Radar is watching CLOMO PANEL; no credential on this page.');
    expect(root.querySelector('.tr-quiet__hint')?.textContent).toMatch(/^CLOMO PANEL's HOME alerts from three months before a credential expires\. .*基本設定.*サービス設定\.$/);
  });

  it('folded, it names the most urgent credential: a state read beside one outranks a far date, and the first of equals is named', () => {
    const scan: PageScan = {
      console: 'intune',
      page: 'ade-token-list',
      credentials: [
        { kind: 'ade' as const, name: 'Far token', expiresOn: '2027-09-01' },
        { kind: 'ade' as const, name: 'Soon token', expiresOn: '2026-12-10' },
        { kind: 'vpp' as const, name: 'Revoked token', expiresOn: '2027-10-01', health: 'revoked' as const },
        { kind: 'vpp' as const, name: 'Second revoked', expiresOn: '2027-10-01', health: 'revoked' as const },
      ],
    };
    root = document.createElement('div');
    document.body.append(root);
    const at = (s: PageScan) =>
      render(
        <Overlay scan={s} now={NOW} guide={null} showGuide={false} highlight={null} onGuide={() => undefined} onShowTarget={() => undefined}
          onStartGuide={() => undefined} onAddByHand={() => undefined} onSaveOutline={() => true} />,
        root!,
      );
    at(scan);
    const summary = () => root!.querySelector('.tr-panel__summary')?.textContent;
    expect(summary()).toMatch(/^Revoked · Expires in \d+ days Revoked token$/);
    at({ ...scan, credentials: scan.credentials.slice(0, 2) });
    expect(summary()).toBe('Expires in 18 days Soon token');
    at({ ...scan, credentials: [{ kind: 'apns' as const, name: '', expiresOn: '2026-06-01' }, ...scan.credentials] });
    expect(summary()).toMatch(/^.+ Push certificate \(APNs\)$/);
    expect(root.querySelector('.tr-panel__summary .tr-chip--expired')).not.toBeNull();
  });
});
