/**
 * Microsoft Intune admin center. Newer pages render inside cross-origin frames on
 * `*.reactblade*.portal.azure.net`; match patterns cannot say `reactblade*`, so each
 * variant seen in the field is listed.
 */
import type { ConsoleModule } from '../types';
import { intunePages } from './pages';

const ADMIN_CENTER = 'https://intune.microsoft.com/';
const APPLE_ENROLLMENT = `${ADMIN_CENTER}#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu/~/appleEnrollment`;
const APPLE_VPP = `${ADMIN_CENTER}#view/Microsoft_Intune_DeviceSettings/TenantAdminConnectorsMenu/~/appleVpp`;

export const intune: ConsoleModule<'intune'> = {
  id: 'intune',
  product: 'Microsoft Intune',
  role: 'mdm',
  hosts: [
    { host: 'intune.microsoft.com' },
    { host: 'endpoint.microsoft.com' },
    // Intune for Education: the same tenant and credentials, a school-facing front end.
    { host: 'intuneeducation.portal.azure.com' },
    { host: '*.reactblade.portal.azure.net' },
    { host: '*.reactblade-ms.portal.azure.net' },
    { host: '*.reactblade-rc.portal.azure.net' },
  ],
  pages: intunePages,
  home: ADMIN_CENTER,
  // Renewing a VPP token after it expired makes every app appear twice in Intune.
  lapse: { vpp: 'consequence_vpp_intune' },
  places: [
    { holds: ['apns'], path: 'Devices > Enrollment > Apple > Apple MDM Push certificate', url: APPLE_ENROLLMENT },
    { holds: ['ade'], path: 'Devices > Enrollment > Apple > Bulk Enrollment Methods > Enrollment program tokens', url: APPLE_ENROLLMENT },
    { holds: ['vpp'], path: 'Tenant administration > Connectors and tokens > Apple VPP tokens', url: APPLE_VPP },
  ],
  // Newer Intune pages are frames on *.reactblade.portal.azure.net: open the admin center itself.
  renewUrl: (url, kind) => (url.hostname.endsWith('.portal.azure.net') ? (kind === 'vpp' ? APPLE_VPP : APPLE_ENROLLMENT) : url.href),
};
