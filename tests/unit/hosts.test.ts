import { describe, expect, it } from 'vitest';
import { consoleForUrl, hostPermissions } from '../../lib/consoles/hosts';

describe('console hosts', () => {
  it.each([
    ['https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu/~/appleEnrollment', 'intune'],
    ['https://endpoint.microsoft.com/#blade/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu', 'intune'],
    ['https://intunedevicesettings.reactblade.portal.azure.net/Content/Dynamic/x.html', 'intune'],
    ['https://x.reactblade-ms.portal.azure.net/', 'intune'],
    ['https://x.reactblade-rc.portal.azure.net/', 'intune'],
    ['https://m3.maas360.com/emc/', 'maas360'],
    ['https://login.maas360.com/', 'maas360'],
    ['https://portal.fiberlink.com/emc/', 'maas360'],
    ['https://business.apple.com/#/main/preferences/mdmservers', 'abm'],
    ['https://school.apple.com/#/main/preferences', 'asm'],
    ['https://identity.apple.com/pushcert/', 'apple-push'],
  ])('%s is %s', (url, id) => {
    expect(consoleForUrl(url)).toBe(id);
  });

  it.each([
    'https://identity.apple.com/',
    'https://appleid.apple.com/',
    'https://portal.azure.net/',
    'https://evil-intune.microsoft.com.example.com/',
    'https://notmaas360.com/',
    'http://intune.microsoft.com/',
    'https://example.com/intune.microsoft.com',
    'not a url',
  ])('%s is no console', (url) => {
    expect(consoleForUrl(url)).toBeNull();
  });

  it('asks for no broad host permission', () => {
    for (const p of hostPermissions) {
      expect(p).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\//);
      expect(p).not.toMatch(/<all_urls>|^\*:|\/\/\*\//);
    }
  });
});
