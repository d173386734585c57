/** The renewal guide in the worker: started for a credential, moved by the pages, kept in storage across worker restarts. */
import { browser } from 'wxt/browser';
import { consoleOf } from '../consoles/hosts';
import { renewUrl } from '../consoles/renew-url';
import { findMatch } from '../credentials/merge';
import type { Credential } from '../credentials/model';
import { flowById } from '../guide/flows';
import { reduce, startGuide, type GuideState } from '../guide/machine';
import { GUIDE_KEY, loadGuide, saveGuide } from '../guide/store';
import { t } from '../i18n';
import type { Request, Responses } from '../messages';
import { loadAccess } from './consoles';
import { inventory, invalid } from './store';

/** Where the renewal starts: the Apple site for flows that begin there, else the console page. */
async function guideStartUrl(c: Credential, state: GuideState): Promise<string | null> {
  const first = flowById(state.flowId)?.steps[0];
  if (!first) return null;
  // The site the credential was seen on when the step may happen on several (Business or School Manager).
  const site = first.sites.find((s) => c.console === s || c.sources.some((x) => x.console === s)) ?? first.sites[0];
  return (site && consoleOf(site).start) || renewUrl(c, (await loadAccess()).sites);
}

/** Starts the guide for a credential: by its id (the popup), or as a console page read it (the overlay). */
export async function startGuideFor(request: Extract<Request, { type: 'guide-start' }>, now: Date): Promise<Responses['guide-start']> {
  const all = await (await inventory()).all();
  let c = request.credentialId ? all.find((x) => x.id === request.credentialId) : undefined;
  if (!c && request.found && request.console) c = findMatch(all, request.found, request.console, request.account) ?? undefined;
  if (!c) return invalid(t('guideNoFlow'));
  const state = startGuide(c, now);
  if (!state) return invalid(t('guideNoFlow'));
  await saveGuide(state);
  return { ok: true, state, url: await guideStartUrl(c, state) };
}

/** A step seen done, back, skip, pause, resume, cancel, or the console showing the new expiry. */
export async function moveGuide(request: Extract<Request, { type: 'guide-action' }>, now: Date): Promise<Responses['guide-action']> {
  const current = await loadGuide();
  if (!current) return { ok: true, state: null };
  const next = reduce(current, request.action, now);
  if (next !== current) await saveGuide(next);
  return { ok: true, state: next };
}

/** A guide stored by an earlier version has no steps of its own: give it its flow's (or end it when the flow is gone). */
export async function upgradeGuide(): Promise<void> {
  const state = await loadGuide();
  if (!state || (Array.isArray(state.steps) && state.console)) return;
  const flow = flowById(state.flowId);
  if (!flow) return void (await browser.storage.local.remove(GUIDE_KEY));
  await saveGuide({ ...state, steps: flow.steps, console: flow.console, ...(flow.expiredWarn ? { expiredWarn: flow.expiredWarn } : {}) });
}
