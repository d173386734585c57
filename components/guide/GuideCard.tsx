import type { JSX } from 'preact';
import { projectedExpiry } from '../../lib/credentials/urgency';
import { formatDate, guideName } from '../../lib/wording/describe';
import type { ConsoleId } from '../../lib/consoles/types';
import { sitesText, stepText } from '../../lib/wording/guide';
import type { GuideAction, GuideState } from '../../lib/guide/machine';
import { t } from '../../lib/i18n';
import { trusted } from '../overlay/trusted';
import { holderNote } from '../../lib/credentials/apple-id';

export interface GuideView {
  state: GuideState;
  /** The control of the current step was found in this document. */
  targetFound: boolean;
  /** The console shows the old expiry on the verify step: tell the admin it can lag. */
  lagging: boolean;
  /** The found control's text as the page shows it: the step quotes it. */
  shown?: string;
}

/**
 * "Step N of M": what to do next, on which tab, what not to press. Keyboard reachable; the
 * guide never presses anything itself.
 */
export function GuideCard({ view, here, onAction, onShow, grip }: {
  view: GuideView;
  /** The handle that moves the overlay to another corner. */
  grip?: JSX.Element;
  here: ConsoleId;
  onAction: (a: GuideAction) => void;
  onShow: () => void;
}) {
  const { state } = view;
  const flow = state.steps ? { steps: state.steps } : null;
  if (!flow || state.status === 'cancelled') return null;
  const what = guideName(state);
  if (state.status === 'done') {
    return (
      <section class="tr-guide tr-guide--done" role="region" aria-live="polite" aria-label={t('guideTitle', what)}>
        <div class="tr-guide__head">
          {grip}
          <h2 class="tr-guide__title">{t('guideTitle', what)}</h2>
        </div>
        <p>{t('guideDone', state.newExpiry ? formatDate(state.newExpiry) : '—')}</p>
        <button type="button" class="tr-text-button" onClick={trusted(() => onAction({ type: 'cancel' }))}>{t('panelDismiss')}</button>
      </section>
    );
  }
  const step = flow.steps[state.step]!;
  const elsewhere = !step.sites.includes(here);
  const today = new Date();
  const expired = state.oldExpiry !== null && state.oldExpiry < today.toISOString().slice(0, 10);
  return (
    <section class="tr-guide" role="region" aria-live="polite" aria-label={t('guideTitle', what)}>
      <div class="tr-guide__head">
        {grip}
        <h2 class="tr-guide__title">{t('guideTitle', what)}</h2>
      </div>
      <p class="tr-guide__step">{t('guideStep', state.step + 1, flow.steps.length)}</p>
      {state.status === 'paused' ? (
        <p>{t('guidePaused')}</p>
      ) : (
        <>
          {elsewhere && <p class="tr-guide__where">{t('guideOtherTab', sitesText(step.sites))}</p>}
          <p class="tr-guide__say">{stepText(step, state, view.shown)}</p>
          {step.warn && <p class="tr-guide__warn" role="note">{t(step.warn)}</p>}
          {step.args?.includes('appleId') && holderNote(state.appleId) && <p class="tr-guide__warn" role="note">{t(holderNote(state.appleId)!)}</p>}
          {state.step === 0 && !expired && <p class="tr-guide__note">{t('guideEarly', formatDate(projectedExpiry(today)))}</p>}
          {state.expiredWarn && expired && <p class="tr-guide__warn" role="note">{t(state.expiredWarn)}</p>}
          {view.lagging && <p class="tr-guide__warn" role="note">{t('g_verify_lag')}</p>}
          {!elsewhere && !view.targetFound && step.target.type !== 'none' && <p class="tr-guide__note">{t('guideNotFound')}</p>}
        </>
      )}
      <div class="tr-guide__actions">
        {state.status === 'active' && view.targetFound && (
          <button type="button" class="tr-text-button tr-text-button--primary" onClick={trusted(onShow)}>{t('guideShowMe')}</button>
        )}
        {state.status === 'active' ? (
          <button type="button" class="tr-text-button" onClick={trusted(() => onAction({ type: 'pause' }))}>{t('guidePause')}</button>
        ) : (
          <button type="button" class="tr-text-button" onClick={trusted(() => onAction({ type: 'resume' }))}>{t('guideResume')}</button>
        )}
        {state.step > 0 && <button type="button" class="tr-text-button" onClick={trusted(() => onAction({ type: 'back' }))}>{t('guideBack')}</button>}
        {step.done.type !== 'renewed' && (
          <button type="button" class="tr-text-button" onClick={trusted(() => onAction({ type: 'skip' }))}>{t('guideSkip')}</button>
        )}
        <button type="button" class="tr-text-button" onClick={trusted(() => onAction({ type: 'cancel' }))}>{t('guideCancel')}</button>
      </div>
    </section>
  );
}
