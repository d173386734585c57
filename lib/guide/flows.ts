/**
 * Every renewal flow, from the console folders that define them (lib/consoles/<id>/flows.ts,
 * listed in lib/consoles/flows.ts; the step and flow types are in lib/consoles/flow.ts).
 */
import type { ConsoleId } from '../consoles/list';
import { CONSOLE_FLOWS } from '../consoles/flows';
import type { Flow } from '../consoles/flow';
import { appleSideFlow, appleSideFlowById } from '../consoles/apple-side';
import { isConsoleId } from '../consoles/hosts';

export type { Arg, Done, Flow, Step, Target } from '../consoles/flow';
export { CONTROL_LABELS } from '../consoles/flow';

export const FLOWS: readonly Flow[] = CONSOLE_FLOWS;

export function flowById(id: string): Flow | undefined {
  return FLOWS.find((f) => f.id === id) ?? appleSideFlowById(id, isConsoleId);
}

/** The console's own flow for this kind, else Apple's side of it followed by "upload it in your console". */
export function flowFor(consoleId: ConsoleId, kind: string): Flow | undefined {
  return FLOWS.find((f) => f.console === consoleId && f.kind === kind) ?? appleSideFlow(kind, consoleId);
}
