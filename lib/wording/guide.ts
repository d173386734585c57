/** The guide's words: a step filled with the credential being renewed, and what a guard says beside a control. */
import type { ConsoleId } from '../consoles/types';
import { formatDate, guideName, productName } from './describe';
import { t } from '../i18n';
import { normLabel } from '../dom/read';
import type { Step } from '../consoles/flow';
import type { GuardSay } from '../guide/guards';
import type { GuideState } from '../guide/machine';

/**
 * The step in words. `shown` is the text of the step's control as the page shows it, when the
 * control was found: the step then quotes the page's own words ("Download your CSR" on an
 * English console, whatever language Token Radar speaks), not a translation of them.
 */
export function stepText(step: Step, state: GuideState, shown?: string): string {
  const values = (step.args ?? []).map((a) =>
    a === 'name' ? guideName(state) : a === 'topic' ? (state.topic ?? '—') : (state.appleId ?? t('guideAppleIdUnknown')),
  );
  // A console that never shows the topic (CLOMO PANEL): the row is named by its expiry date instead.
  const byDate = !state.topic && state.oldExpiry && step.sayByDate && step.args?.includes('topic');
  const text = byDate ? t(step.sayByDate!, formatDate(state.oldExpiry!)) : t(step.say, ...values);
  return shown && step.target.type === 'control' && step.target.labels ? quoteAsShown(text, step.target.labels, shown) : text;
}

/** Quoted text in every language's quotation marks: “…”, « … », 「…」. */
const QUOTED = /“([^”]{1,80})”|«[\s\u00a0\u202f]?([^»]{1,80}?)[\s\u00a0\u202f]?»|「([^」]{1,80})」/g;

/** The first quoted label that names the control (one of its labels, in any language) replaced by the page's own words. */
export function quoteAsShown(text: string, labels: readonly string[], shown: string): string {
  const words = shown.replace(/\s+/g, ' ').trim().slice(0, 80);
  if (!words) return text;
  let done = false;
  return text.replace(QUOTED, (whole: string, a?: string, b?: string, c?: string) => {
    const inner = a ?? b ?? c ?? '';
    if (done || !labels.includes(normLabel(inner))) return whole;
    done = true;
    return whole.replace(inner, words);
  });
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
      // What is wrong here first: a note shows its first sentence, the rest on demand.
      return `${t('guardDownloadTokenOther', note.name)} ${t('guardDownloadToken')}`;
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
    case 'right-row-date':
      return t('guardRightRowDate', formatDate(note.date));
    case 'wrong-row-date':
      return t('guardWrongRowDate', formatDate(note.date));
  }
}
