/**
 * A guide step is done when the admin activates its control, or picks a file in it: this only
 * watches (one capturing listener per event type for the document, never one per element), and
 * never acts on a click or change a page's own script makes. Stops when `signal` aborts.
 */
import { findStepTarget } from '../../lib/guide/find';
import type { GuideState } from '../../lib/guide/machine';
import type { PageScan } from '../../lib/scan';

export interface StepContext {
  guide: GuideState | null;
  scan: PageScan;
  /** The current step's control as last found on the page. */
  target: Element | null;
}

/**
 * Watches for the current step's control being activated. Gives a function that looks at presses
 * made before the watch began (recorded by the small script, components/overlay/early-presses.ts)
 * as if they came now: called once the guide and the page's first scan are known.
 */
export function watchStepDone(signal: AbortSignal, doc: Document, current: () => StepContext, onDone: (stepId: string) => void): (early: readonly Event[]) => void {
  const stepDone = (kind: 'click' | 'file', event: Event) => {
    // Only what the admin did: a page's script clicking or filling a field does not move the guide.
    if (!event.isTrusted) return;
    const { guide, scan, target } = current();
    const step = guide?.steps?.[guide.step];
    if (!guide || guide.status !== 'active' || !step || step.done.type !== kind || !scan.console || !step.sites.includes(scan.console)) return;
    // The page may have changed since the last scan: look for the control again if needed.
    const control = target?.isConnected ? target : findStepTarget(doc, step, guide);
    if (!control || !(event.target instanceof Node) || !control.contains(event.target)) return;
    if (kind === 'file' && !(event.target as HTMLInputElement).files?.length) return;
    onDone(step.id);
  };
  doc.addEventListener('click', (e) => stepDone('click', e), { capture: true, passive: true, signal });
  doc.addEventListener('change', (e) => stepDone('file', e), { capture: true, passive: true, signal });
  return (early) => {
    if (signal.aborted) return;
    for (const event of early) stepDone(event.type === 'change' ? 'file' : 'click', event);
  };
}
