import { useEffect, useState } from 'preact/hooks';
import { guideName } from '../../lib/wording/describe';
import { sitesText, stepText } from '../../lib/wording/guide';
import type { GuideState } from '../../lib/guide/machine';
import { watchGuide } from '../../lib/guide/store';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messages';

/** The renewal under way, in the popup: where it stands and the next step, with pause and stop. */
export function GuideBanner() {
  const [guide, setGuide] = useState<GuideState | null>(null);
  useEffect(() => watchGuide(setGuide), []);
  const flow = guide?.steps ? { steps: guide.steps } : undefined;
  if (!guide || !flow || (guide.status !== 'active' && guide.status !== 'paused')) return null;
  const step = flow.steps[guide.step]!;
  const act = (type: 'pause' | 'resume' | 'cancel') => void send({ type: 'guide-action', action: { type } });
  return (
    <section class="guide-banner" aria-label={t('guideTitle', guideName(guide))}>
      <h2>{t('guideTitle', guideName(guide))}</h2>
      <p class="muted">{t('guideStep', guide.step + 1, flow.steps.length)}</p>
      {guide.status === 'paused' ? (
        <p>{t('guidePaused')}</p>
      ) : (
        <>
          <p class="guide-banner__where">{t('guideOtherTab', sitesText(step.sites))}</p>
          <p>{stepText(step, guide)}</p>
        </>
      )}
      <div class="row-actions">
        {guide.status === 'active' ? (
          <button type="button" class="button" onClick={() => act('pause')}>{t('guidePause')}</button>
        ) : (
          <button type="button" class="button" onClick={() => act('resume')}>{t('guideResume')}</button>
        )}
        <button type="button" class="button" onClick={() => act('cancel')}>{t('guideCancel')}</button>
      </div>
    </section>
  );
}
