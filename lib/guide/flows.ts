/**
 * Every renewal flow, from the console modules that define them (lib/consoles/<id>/index.ts;
 * the step and flow types are in lib/consoles/flow.ts).
 */
import type { ConsoleId } from '../consoles/list';
import { CONSOLES } from '../consoles/list';
import type { Flow } from '../consoles/flow';

export type { Arg, Done, Flow, Step, Target } from '../consoles/flow';
export { CONTROL_LABELS } from '../consoles/flow';

export const FLOWS: readonly Flow[] = CONSOLES.flatMap((c) => c.flows ?? []);

export function flowById(id: string): Flow | undefined {
  return FLOWS.find((f) => f.id === id);
}

export function flowFor(consoleId: ConsoleId, kind: string): Flow | undefined {
  return FLOWS.find((f) => f.console === consoleId && f.kind === kind);
}
