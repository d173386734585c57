/** The guide's words: a step filled with the credential being renewed, and what a guard says beside a control. */
import type { ConsoleId } from '../consoles/types';
import { guideName, productName } from './describe';
import { t } from '../i18n';
import type { Step } from '../consoles/flow';
import type { GuardSay } from '../guide/guards';
import type { GuideState } from '../guide/machine';

export function stepText(step: Step, state: GuideState): string {
  const values = (step.args ?? []).map((a) =>
    a === 'name' ? guideName(state) : a === 'topic' ? (state.topic ?? '—') : (state.appleId ?? t('guideAppleIdUnknown')),
  );
  return t(step.say, ...values);
}

export function sitesText(sites: readonly ConsoleId[]): string {
  return sites.map((s) => productName(s)).join(' / ');
}

/** A guard's note beside a control, in the UI language. */
export function guardText(note: GuardSay): string {
  switch (note.say) {
    case 'download-token-ok':
      return t('guardDownloadTokenOk', note.name);
    case 'download-token-other':
      return `${t('guardDownloadToken')} ${t('guardDownloadTokenOther', note.name)}`;
    case 'download-token':
      return t('guardDownloadToken');
    case 'create-certificate':
      return t('guardCreateCertificate');
    case 'revoke':
      return t('guardRevoke');
    case 'get-started':
      return t('guardGetStarted', note.appleId ?? t('guardGetStartedUnknown'));
    case 'right-row':
      return t('guardRightRow');
    case 'wrong-row':
      return t('guardWrongRow', note.topic);
  }
}
