/** Where an admin renews a credential: the console page it was last seen on, as an address a tab can open. */
import type { Credential } from '../inventory/model';

const INTUNE = 'https://intune.microsoft.com/';
const INTUNE_APPLE_ENROLLMENT = `${INTUNE}#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu/~/appleEnrollment`;
const INTUNE_VPP = `${INTUNE}#view/Microsoft_Intune_DeviceSettings/TenantAdminConnectorsMenu/~/appleVpp`;

export function renewUrl(c: Credential): string | null {
  const pages = c.sources.filter((s) => s.type === 'page' && s.url).sort((a, b) => b.seenAt.localeCompare(a.seenAt));
  // The MDM console is where the renewal ends (the upload); prefer it over the Apple sites.
  const best = pages.find((s) => s.console === 'intune' || s.console === 'maas360') ?? pages[0];
  if (!best?.url) return null;
  let url: URL;
  try {
    url = new URL(best.url);
  } catch {
    return null;
  }
  switch (best.console) {
    case 'intune':
      // Newer Intune pages are frames on *.reactblade.portal.azure.net: open the admin center itself.
      if (url.hostname.endsWith('.portal.azure.net')) return c.kind === 'vpp' ? INTUNE_VPP : INTUNE_APPLE_ENROLLMENT;
      return url.href;
    case 'maas360':
      return `${url.origin}/emc/`;
    default:
      return url.href;
  }
}
