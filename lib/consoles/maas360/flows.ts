/** MaaS360's renewal flows: its own steps around Apple's. Kept apart from index.ts so the content script does not carry them (the guide's state carries the steps it needs). */
import { abmContentSteps, abmTokenSteps } from '../apple-business/steps';
import { portalSteps } from '../apple-push/steps';
import { CONTROL_LABELS as L, verifyStep, type Flow } from '../flow';

const ML = {
  renew: ['renew', 'renouveler', '更新'],
  generate: ['generate certificate', 'générer le certificat', '証明書の生成', '証明書を生成'],
} as const;

export const flows: readonly Flow[] = [
  {
    id: 'maas360-apns',
    console: 'maas360',
    kind: 'apns',
    steps: [
      { id: 'maas-renew', sites: ['maas360'], target: { type: 'control', labels: ML.renew }, say: 'g_maas_apns_renew', done: { type: 'click' } },
      { id: 'maas-generate', sites: ['maas360'], target: { type: 'control', labels: ML.generate }, say: 'g_maas_generate', args: ['appleId'], done: { type: 'click' } },
      ...portalSteps,
      { id: 'maas-pem', sites: ['maas360'], target: { type: 'file' }, say: 'g_maas_apns_choose', done: { type: 'file' } },
      { id: 'maas-upload', sites: ['maas360'], target: { type: 'control', labels: L.submit }, say: 'g_maas_submit', done: { type: 'click' } },
      verifyStep('maas360'),
    ],
  },
  {
    id: 'maas360-ade',
    console: 'maas360',
    kind: 'ade',
    steps: [
      ...abmTokenSteps,
      { id: 'maas-update', sites: ['maas360'], target: { type: 'row', match: 'name', labels: L.update }, say: 'g_maas_update', args: ['name'], done: { type: 'click' } },
      { id: 'maas-p7m', sites: ['maas360'], target: { type: 'file' }, say: 'g_maas_ade_choose', done: { type: 'file' } },
      { id: 'maas-submit', sites: ['maas360'], target: { type: 'control', labels: L.submit }, say: 'g_maas_submit', done: { type: 'click' } },
      verifyStep('maas360'),
    ],
  },
  {
    id: 'maas360-vpp',
    console: 'maas360',
    kind: 'vpp',
    steps: [
      ...abmContentSteps,
      { id: 'maas-update', sites: ['maas360'], target: { type: 'row', match: 'name', labels: L.update }, say: 'g_maas_update', args: ['name'], done: { type: 'click' } },
      { id: 'maas-vpp-file', sites: ['maas360'], target: { type: 'file' }, say: 'g_maas_vpp_choose', done: { type: 'file' } },
      { id: 'maas-submit', sites: ['maas360'], target: { type: 'control', labels: L.submit }, say: 'g_maas_submit', done: { type: 'click' } },
      verifyStep('maas360'),
    ],
  },
];
