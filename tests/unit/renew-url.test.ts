/** Opening a credential's console page: only an https page of the console it was read on; a URL from an imported file may be anything. */
import { describe, expect, it } from 'vitest';
import { renewUrl } from '../../lib/consoles/renew-url';
import type { Credential, Source } from '../../lib/credentials/model';

const cred = (sources: Partial<Source>[], extra: Partial<Credential> = {}): Credential => ({
  id: 'c1', kind: 'ade', name: 'HQ', expiresOn: '2027-01-01', history: [], alerts: {}, archived: false, createdAt: '', updatedAt: '',
  sources: sources.map((s, i) => ({ type: 'page', key: `k${i}`, console: 'intune', expiresOn: null, seenAt: `2026-11-0${i + 1}T00:00:00Z`, ...s })) as Source[],
  console: 'intune', ...extra,
});

describe('renewUrl', () => {
  it('opens the console page the credential was last seen on', () => {
    expect(renewUrl(cred([{ url: 'https://intune.microsoft.com/#view/x' }]))).toBe('https://intune.microsoft.com/#view/x');
    // A reactblade frame does not open on its own: the admin center's page for the kind.
    expect(renewUrl(cred([{ url: 'https://intunedevicesettings.reactblade.portal.azure.net/Content/x.html' }]))).toMatch(/^https:\/\/intune\.microsoft\.com\/#view\//);
  });

  it('never opens a URL that is not an https page of that console', () => {
    for (const url of ['https://phish.example/login', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'chrome://settings', 'javascript:alert(1)', 'http://intune.microsoft.com/', 'https://user:pw@intune.microsoft.com/', 'https://business.apple.com/']) {
      // The console's own start page instead (Intune has one that is the same for everyone).
      expect(renewUrl(cred([{ url }])), url).toBe('https://intune.microsoft.com/');
    }
    // MaaS360 has no start page common to every customer: nothing to open.
    expect(renewUrl(cred([{ url: 'https://phish.example/emc/', console: 'maas360' }], { console: 'maas360' }))).toBeNull();
  });

  it('opens an added console at its address only while it is added', () => {
    const c = cred([{ url: 'https://mdm.contoso.example/home', console: 'clomo' }], { console: 'clomo' });
    expect(renewUrl(c, [{ console: 'clomo', origin: 'https://mdm.contoso.example' }])).toBe('https://mdm.contoso.example/home');
    expect(renewUrl(c, [])).toBeNull();
    expect(renewUrl(c, [{ console: 'jamf', origin: 'https://mdm.contoso.example' }])).toBeNull();
  });
});
