/**
 * The renewal guide's state: which credential is being renewed, with which flow, at which step.
 * Kept in extension storage by the background (the only writer), so it survives tab switches,
 * reloads and a stopped service worker. Pure transitions.
 */
import { identifyingName } from '../inventory/names';
import type { Credential } from '../credentials/model';
import { consoleOf } from '../consoles/hosts';
import { ANY_MDM, type ConsoleId } from '../consoles/list';
import type { MessageKey } from '../i18n';
import { FLOWS, flowById, flowFor, type Flow, type Step } from './flows';

export interface GuideState {
  flowId: string;
  /** The flow's steps, as started: the content script reads them here instead of carrying every console's flows. */
  steps: readonly Step[];
  /** The console the flow ends in: its page showing the new expiry means the renewal is done. */
  console: ConsoleId;
  /** What to say when the credential has already expired, for flows where that changes the renewal. */
  expiredWarn?: MessageKey;
  credentialId: string;
  kind: Credential['kind'];
  name: string;
  topic?: string;
  appleId?: string;
  /** The expiry when the renewal started: the console showing a later one means it is done. */
  oldExpiry: string | null;
  step: number;
  status: 'active' | 'paused' | 'done' | 'cancelled';
  newExpiry?: string;
  startedAt: string;
  updatedAt: string;
}

/** The MDM console a credential is renewed in: its own, or the console it was also seen in. */
export function guideConsole(c: Credential): ConsoleId | null {
  const renews = (id: ConsoleId | null | undefined): id is ConsoleId => !!id && FLOWS.some((f) => f.console === id);
  if (renews(c.console)) return c.console;
  return c.sources.map((s) => s.console).find(renews) ?? null;
}

/** The console's flow; for a console without one (or a credential added by hand), Apple's side and then "upload it in your console". */
export function flowOf(c: Credential): Flow | undefined {
  const mdm = (id: ConsoleId | null | undefined): id is ConsoleId => !!id && consoleOf(id).role === 'mdm';
  const consoleId = guideConsole(c) ?? (mdm(c.console) ? c.console : c.sources.map((s) => s.console).find(mdm)) ?? ANY_MDM;
  return flowFor(consoleId, c.kind);
}

export function startGuide(c: Credential, now: Date): GuideState | null {
  const flow = flowOf(c);
  if (!flow) return null;
  const state: GuideState = {
    flowId: flow.id, steps: flow.steps, console: flow.console, credentialId: c.id, kind: c.kind, name: identifyingName(c), oldExpiry: c.expiresOn, step: 0, status: 'active',
    startedAt: now.toISOString(), updatedAt: now.toISOString(),
  };
  if (flow.expiredWarn) state.expiredWarn = flow.expiredWarn;
  if (c.topic) state.topic = c.topic;
  if (c.appleId) state.appleId = c.appleId;
  return state;
}

export type GuideAction =
  /** The content script saw the step done (a click on its control, a file chosen). Ignored unless it is the current step. */
  | { type: 'done'; stepId: string }
  | { type: 'back' }
  | { type: 'skip' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' }
  | { type: 'renewed'; expiresOn: string };

export function reduce(state: GuideState, action: GuideAction, now: Date): GuideState {
  const flow = flowById(state.flowId);
  if (!flow || state.status === 'done' || state.status === 'cancelled') return state;
  const last = flow.steps.length - 1;
  const at = (patch: Partial<GuideState>): GuideState => ({ ...state, ...patch, updatedAt: now.toISOString() });
  switch (action.type) {
    case 'done':
      if (state.status !== 'active' || flow.steps[state.step]?.id !== action.stepId) return state;
      return at({ step: Math.min(state.step + 1, last) });
    case 'skip':
      return at({ step: Math.min(state.step + 1, last) });
    case 'back':
      return at({ step: Math.max(state.step - 1, 0) });
    case 'pause':
      return at({ status: 'paused' });
    case 'resume':
      return at({ status: 'active' });
    case 'cancel':
      return at({ status: 'cancelled' });
    case 'renewed':
      if (state.oldExpiry && action.expiresOn <= state.oldExpiry) return state;
      return at({ status: 'done', step: last, newExpiry: action.expiresOn });
  }
}

export { guideMatches } from './match';
