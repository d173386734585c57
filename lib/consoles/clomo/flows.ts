/** CLOMO PANEL's renewal flows: its own steps around Apple's. Kept apart from index.ts so the content script does not carry them (the guide's state carries the steps it needs). */
import { abmContentSteps, abmTokenSteps } from '../apple-business/steps';
import { portalSteps } from '../apple-push/steps';
import { CONTROL_LABELS as L, verifyStep, type Flow, type Step } from '../flow';

/** CLOMO PANEL's controls, from its renewal FAQ and support pages (Japanese; the menus are English words). */
const CL = {
  csr: ['csr ファイル', 'csr ファイルをダウンロード', 'csr をダウンロード', 'download csr'],
  change: ['変更する', '変更', 'change'],
} as const;

/** Apple Business Manager's steps, the first saying that its Apple ID may not be the push certificate's (the FAQ's point). */
function withAbmNote(steps: readonly Step[]): Step[] {
  return steps.map((step, i) => (i === 0 ? { ...step, warn: 'g_clomo_abm_apple_id' } : step));
}

// What the vendor's FAQ teaches, said where it matters: the Apple ID of last time, the subject to renew, the new deadline.
export const flows: readonly Flow[] = [
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
      ...withAbmNote(abmTokenSteps),
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
      ...withAbmNote(abmContentSteps),
      { id: 'clomo-vpp-change', sites: ['clomo'], target: { type: 'control', labels: CL.change }, say: 'g_clomo_vpp_change', done: { type: 'click' } },
      { id: 'clomo-vpp-file', sites: ['clomo'], target: { type: 'file' }, say: 'g_clomo_vpp_choose', done: { type: 'file' } },
      { id: 'clomo-vpp-save', sites: ['clomo'], target: { type: 'control', labels: L.save }, say: 'g_console_save', warn: 'g_clomo_deadline', done: { type: 'click' } },
      verifyStep('clomo'),
    ],
  },
];
