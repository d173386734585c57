/**
 * The renewal of a console Token Radar has no steps for (Workspace ONE, Kandji, Mosyle, any
 * other MDM, or a credential added by hand): Apple's side is the same whatever the MDM, so the
 * guide walks it and then says to upload the file in the console. The flow's id carries the
 * console (`apple-vpp@kandji`) so a stored guide finds it again.
 */
import { abmContentSteps, abmTokenSteps } from './apple-business/steps';
import { portalSteps } from './apple-push/steps';
import type { Flow, Step } from './flow';
import type { ConsoleId } from './list';

const APPLE_STEPS = { apns: portalSteps, ade: abmTokenSteps, vpp: abmContentSteps } as const;
const UPLOAD = { apns: 'g_any_upload_apns', ade: 'g_any_upload_ade', vpp: 'g_any_upload_vpp' } as const;

type AppleKind = keyof typeof APPLE_STEPS;
const isAppleKind = (kind: string): kind is AppleKind => kind in APPLE_STEPS;

export function appleSideFlow(kind: string, console: ConsoleId): Flow | undefined {
  if (!isAppleKind(kind)) return undefined;
  const upload: Step = { id: 'console-upload', sites: [console], target: { type: 'none' }, say: UPLOAD[kind], done: { type: 'renewed' } };
  return { id: `apple-${kind}@${console}`, console, kind, steps: [...APPLE_STEPS[kind], upload] };
}

/** The flow an id names, when it is an Apple-side flow (`apple-<kind>@<console>`). */
export function appleSideFlowById(id: string, isConsole: (value: string) => value is ConsoleId): Flow | undefined {
  const m = /^apple-(\w+)@([\w-]+)$/.exec(id);
  return m && isConsole(m[2]!) ? appleSideFlow(m[1]!, m[2]) : undefined;
}
