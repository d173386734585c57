import { describe, expect, it } from 'vitest';
import { consoleForUrl } from '../../lib/consoles/hosts';
import { accessPatterns, addSite, NO_ACCESS, parseOrigin, readAccess, removeSite, setEnabled, sitePattern } from '../../lib/consoles/sites';

describe('consoles added at their own addresses', () => {
  it('takes an address as typed or copied from the address bar, https only', () => {
    expect(parseOrigin('mdm.contoso.example')).toEqual({ ok: true, origin: 'https://mdm.contoso.example' });
    expect(parseOrigin(' https://Jamf.Contoso.example:8443/view/settings?x=1 ')).toEqual({ ok: true, origin: 'https://jamf.contoso.example:8443' });
    expect(parseOrigin('')).toEqual({ ok: false, error: 'empty' });
    expect(parseOrigin('http://mdm.contoso.example')).toEqual({ ok: false, error: 'not-https' });
    expect(parseOrigin('ftp://mdm.contoso.example')).toEqual({ ok: false, error: 'not-https' });
    expect(parseOrigin('https://user:pw@mdm.contoso.example')).toEqual({ ok: false, error: 'invalid' });
    expect(parseOrigin('not an address')).toEqual({ ok: false, error: 'invalid' });
    expect(parseOrigin('localhost')).toEqual({ ok: false, error: 'invalid' });
  });

  it('adds once per address, refuses seed consoles and consoles that have no address of their own', () => {
    const one = addSite(NO_ACCESS, 'clomo', 'https://mdm.contoso.example/home');
    expect(one).toMatchObject({ ok: true, site: { console: 'clomo', origin: 'https://mdm.contoso.example' } });
    if (!one.ok) return;
    expect(addSite(one.access, 'jamf', 'mdm.contoso.example')).toEqual({ ok: false, error: 'duplicate' });
    expect(addSite(one.access, 'jamf', 'https://intune.microsoft.com')).toEqual({ ok: false, error: 'built-in' });
    expect(addSite(one.access, 'intune', 'https://other.contoso.example')).toEqual({ ok: false, error: 'console' });
    expect(addSite(one.access, 'kandji', 'https://other.contoso.example')).toEqual({ ok: false, error: 'console' });
    expect(addSite(one.access, 'nonsense', 'https://other.contoso.example')).toEqual({ ok: false, error: 'console' });
    // A Jamf Pro on its own server may sit on a Jamf Cloud host name: the added entry wins.
    const two = addSite(one.access, 'other', 'https://x.jamfcloud.com');
    expect(two.ok && consoleForUrl('https://x.jamfcloud.com/a', two.access.sites)).toBe('other');
    expect(consoleForUrl('https://mdm.contoso.example/home', one.access.sites)).toBe('clomo');
    // Another port of the same host is another origin.
    expect(consoleForUrl('https://mdm.contoso.example:8443/home', one.access.sites)).toBeNull();
    expect(removeSite(one.access, 'https://mdm.contoso.example')).toEqual(NO_ACCESS);
  });

  it('derives the match patterns from what is turned on and added, once each', () => {
    let access = setEnabled(NO_ACCESS, 'jamf', true);
    access = setEnabled(access, 'jamf', true);
    const added = addSite(access, 'jamf', 'https://jamf.contoso.example:8443');
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(accessPatterns(added.access)).toEqual(['https://*.jamfcloud.com/*', 'https://jamf.contoso.example/*']);
    expect(sitePattern('https://jamf.contoso.example:8443')).toBe('https://jamf.contoso.example/*');
    expect(accessPatterns(setEnabled(added.access, 'jamf', false))).toEqual(['https://jamf.contoso.example/*']);
  });

  it('keeps only well-formed entries of a stored value', () => {
    expect(readAccess(null)).toEqual(NO_ACCESS);
    expect(readAccess({ enabled: ['jamf', 'intune', 'jamf', 3], sites: [{ console: 'clomo', origin: 'https://a.example' }, { console: 'clomo', origin: 'http://b.example' }, { console: 'x', origin: 'https://c.example' }, { console: 'other', origin: 'https://d.example/path' }, 'junk'] })).toEqual({
      enabled: ['jamf'],
      sites: [{ console: 'clomo', origin: 'https://a.example' }],
    });
  });
});
