import { CONTROL_LABELS as L, type Step } from '../flow';

/** Renewing a push certificate on Apple's side, whatever the console: the row with the console's topic, never a new certificate. */
export const portalSteps: readonly Step[] = [
  { id: 'portal-renew', sites: ['apple-push'], target: { type: 'row', match: 'topic', labels: L.renew }, say: 'g_portal_renew_row', args: ['topic'], sayByDate: 'g_portal_renew_row_date', warn: 'g_portal_never_create', done: { type: 'click' } },
  { id: 'portal-csr', sites: ['apple-push'], target: { type: 'file' }, say: 'g_portal_choose_csr', done: { type: 'file' } },
  { id: 'portal-upload', sites: ['apple-push'], target: { type: 'control', labels: L.upload }, say: 'g_portal_upload', done: { type: 'click' } },
  { id: 'portal-download', sites: ['apple-push'], target: { type: 'control', labels: L.download }, say: 'g_portal_download', done: { type: 'click' } },
];
