/** CLOMO PANEL (i3Systems): every customer signs in at an address of its own, so it is always added by the admin. */
import { abmContentSteps, abmTokenSteps } from '../apple-business';
import { portalSteps } from '../apple-push';
import { CONTROL_LABELS as L, verifyStep, type Flow } from '../flow';
import type { ConsoleModule } from '../types';
import { clomoPages } from './pages';

/** CLOMO PANEL's controls, from its renewal FAQ and support pages (Japanese; the menus are English words). */
const CL = {
  csr: ['csr ファイル', 'csr ファイルをダウンロード', 'csr をダウンロード', 'download csr'],
  change: ['変更する', '変更', 'change'],
} as const;

// What the vendor's FAQ teaches, said where it matters: the Apple ID of last time, the subject to renew, the new deadline.
const flows: readonly Flow[] = [
  {
    id: 'clomo-apns',
    console: 'clomo',
    kind: 'apns',
    steps: [
      { id: 'clomo-csr', sites: ['clomo'], target: { type: 'control', labels: CL.csr }, say: 'g_clomo_apns_csr', args: ['appleId'], warn: 'g_clomo_same_apple_id', done: { type: 'click' } },
      ...portalSteps,
      { id: 'clomo-pem', sites: ['clomo'], target: { type: 'file' }, say: 'g_clomo_apns_choose', done: { type: 'file' } },
      { id: 'clomo-apns-save', sites: ['clomo'], target: { type: 'control', labels: L.save }, say: 'g_console_save', warn: 'g_clomo_deadline', done: { type: 'click' } },
      verifyStep('clomo'),
    ],
  },
  {
    id: 'clomo-ade',
    console: 'clomo',
    kind: 'ade',
    steps: [
      ...abmTokenSteps,
      { id: 'clomo-ade-change', sites: ['clomo'], target: { type: 'control', labels: CL.change }, say: 'g_clomo_ade_change', done: { type: 'click' } },
      { id: 'clomo-ade-file', sites: ['clomo'], target: { type: 'file' }, say: 'g_clomo_ade_choose', done: { type: 'file' } },
      { id: 'clomo-ade-save', sites: ['clomo'], target: { type: 'control', labels: L.save }, say: 'g_console_save', warn: 'g_clomo_deadline', done: { type: 'click' } },
      verifyStep('clomo'),
    ],
  },
  {
    id: 'clomo-vpp',
    console: 'clomo',
    kind: 'vpp',
    steps: [
      ...abmContentSteps,
      { id: 'clomo-vpp-change', sites: ['clomo'], target: { type: 'control', labels: CL.change }, say: 'g_clomo_vpp_change', done: { type: 'click' } },
      { id: 'clomo-vpp-file', sites: ['clomo'], target: { type: 'file' }, say: 'g_clomo_vpp_choose', done: { type: 'file' } },
      { id: 'clomo-vpp-save', sites: ['clomo'], target: { type: 'control', labels: L.save }, say: 'g_console_save', warn: 'g_clomo_deadline', done: { type: 'click' } },
      verifyStep('clomo'),
    ],
  },
];

export const clomo: ConsoleModule<'clomo'> = {
  id: 'clomo',
  product: 'CLOMO PANEL',
  role: 'mdm',
  hosts: [],
  ownAddress: true,
  pages: clomoPages,
  flows,
};
