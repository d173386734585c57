import { productName } from '../wording/describe';
/** The guide's words for a step, filled with the credential being renewed. */
import { consoleOf } from '../consoles/hosts';
import type { ConsoleId } from '../consoles/types';
import { kindLabel } from '../wording/describe';
import { t } from '../i18n';
import type { Step } from '../consoles/flow';
import type { GuideState } from './machine';

export function stepText(step: Step, state: GuideState): string {
  const values = (step.args ?? []).map((a) =>
    a === 'name' ? state.name || kindLabel(state.kind) : a === 'topic' ? (state.topic ?? '—') : (state.appleId ?? t('guideAppleIdUnknown')),
  );
  return t(step.say, ...values);
}

export function sitesText(sites: readonly ConsoleId[]): string {
  return sites.map((s) => productName(s)).join(' / ');
}
