import { CONTROL_LABELS as L, type Step } from '../flow';
import type { ConsoleId } from '../list';

const APPLE: readonly ConsoleId[] = ['abm', 'asm'];

/** Downloading an MDM server's new token, whatever the console. */
export const abmTokenSteps: readonly Step[] = [
  { id: 'abm-server', sites: APPLE, target: { type: 'item', match: 'name' }, say: 'g_abm_select_server', args: ['name'], done: { type: 'click' } },
  { id: 'abm-download', sites: APPLE, target: { type: 'control', labels: L.downloadToken }, say: 'g_abm_download_token', done: { type: 'click' } },
];

/** Downloading a location's new content token, whatever the console. */
export const abmContentSteps: readonly Step[] = [
  { id: 'abm-content', sites: APPLE, target: { type: 'row', match: 'name', labels: L.downloadContent }, say: 'g_abm_download_vpp', args: ['name'], done: { type: 'click' } },
];
