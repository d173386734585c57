import type { ConsoleSite } from '../types';

export const abmSite: ConsoleSite = {
  id: 'abm',
  product: 'Apple Business Manager',
  hosts: [{ host: 'business.apple.com' }],
};

export const asmSite: ConsoleSite = {
  id: 'asm',
  product: 'Apple School Manager',
  hosts: [{ host: 'school.apple.com' }],
};
