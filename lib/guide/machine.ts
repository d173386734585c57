/**
 * The renewal guide's state: which credential is being renewed, with which flow, at which step.
 * Kept in extension storage by the background (the only writer), so it survives tab switches,
 * reloads and a stopped service worker. Pure transitions.
 */
import { normName } from '../inventory/merge';
import type { Credential } from '../inventory/model';
import { consoleOf } from '../consoles/hosts';
import type { ConsoleId } from '../consoles/list';
import { flowById, flowFor, type Flow } from './flows';

export interface GuideState {
  flowId: string;
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
  const renews = (id: ConsoleId | null | undefined): id is ConsoleId => !!id && !!consoleOf(id).flows?.length;
  if (renews(c.console)) return c.console;
  return c.sources.map((s) => s.console).find(renews) ?? null;
}

/** The console's flow; for a console without one (or a credential added by hand), Apple's side and then "upload it in your console". */
export function flowOf(c: Credential): Flow | undefined {
  const mdm = (id: ConsoleId | null | undefined): id is ConsoleId => !!id && consoleOf(id).role === 'mdm';
  const consoleId = guideConsole(c) ?? (mdm(c.console) ? c.console : c.sources.map((s) => s.console).find(mdm)) ?? 'other';
  return flowFor(consoleId, c.kind);
}

export function startGuide(c: Credential, now: Date): GuideState | null {
  const flow = flowOf(c);
  if (!flow) return null;
  const state: GuideState = {
    flowId: flow.id, credentialId: c.id, kind: c.kind, name: c.name, oldExpiry: c.expiresOn, step: 0, status: 'active',
    startedAt: now.toISOString(), updatedAt: now.toISOString(),
  };
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

/** True when a credential read on a page is the one being renewed (same kind; the topic, else the name). */
export function guideMatches(state: GuideState, c: { kind: string; name: string; topic?: string | undefined }): boolean {
  if (c.kind !== state.kind) return false;
  if (state.topic || c.topic) return !!state.topic && c.topic === state.topic;
  return normName(c.name) === normName(state.name);
}
