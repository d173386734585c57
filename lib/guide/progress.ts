/**
 * Where the renewal guide stands on a page, as a pure function of the page, its scan and the
 * guide's state: the current step's control (to outline), whether the console still shows the
 * old expiry on the verify step (it can lag), and what the page shows has already happened —
 * the step done (a click that navigated away before it was reported) or the renewal itself.
 */
import type { PageScan } from '../scan';
import { findStepTarget } from './find';
import type { GuideAction, GuideState } from './machine';
import { guideMatches } from './match';

export interface Progress {
  target: Element | null;
  lagging: boolean;
  /** What the page shows has happened, to report to the guide. */
  actions: GuideAction[];
}

export function guideProgress(doc: Document, scan: PageScan, guide: GuideState | null): Progress {
  const out: Progress = { target: null, lagging: false, actions: [] };
  if (!guide?.steps || (guide.status !== 'active' && guide.status !== 'paused')) return out;
  const step = guide.steps[guide.step];
  if (step && scan.console && step.sites.includes(scan.console)) {
    out.target = findStepTarget(doc, step, guide);
    // A click that navigated (Renew opens another page) may not have been reported before the
    // page went away: when this page shows the next step's control and not this one's, it was done.
    const next = guide.steps[guide.step + 1];
    if (!out.target && guide.status === 'active' && step.done.type === 'click' && next?.sites.includes(scan.console) && findStepTarget(doc, next, guide)) {
      out.actions.push({ type: 'done', stepId: step.id });
    }
  }
  if (scan.console === guide.console) {
    const shown = scan.credentials.find((c) => guideMatches(guide, c) && c.expiresOn);
    if (shown?.expiresOn && (!guide.oldExpiry || shown.expiresOn > guide.oldExpiry)) out.actions.push({ type: 'renewed', expiresOn: shown.expiresOn });
    else if (shown && step?.done.type === 'renewed') out.lagging = true;
  }
  return out;
}
