import type { ConsoleSite } from '../types';

/**
 * Microsoft Intune admin center. Newer pages render inside cross-origin frames on
 * `*.reactblade*.portal.azure.net`; match patterns cannot say `reactblade*`, so each
 * variant seen in the field is listed.
 */
export const intuneSite: ConsoleSite = {
  id: 'intune',
  product: 'Microsoft Intune',
  hosts: [
    { host: 'intune.microsoft.com' },
    { host: 'endpoint.microsoft.com' },
    // Intune for Education: the same tenant and credentials, a school-facing front end.
    { host: 'intuneeducation.portal.azure.com' },
    { host: '*.reactblade.portal.azure.net' },
    { host: '*.reactblade-ms.portal.azure.net' },
    { host: '*.reactblade-rc.portal.azure.net' },
  ],
};
