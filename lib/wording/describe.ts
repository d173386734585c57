/** How an expiry reads to the admin, in the UI language: "Expires in 12 days", "Expired 3 days ago; it may keep working for up to 27 more day(s), but do not rely on it". */
import type { AnyKind, Urgency } from '../credentials/urgency';
import { calendarDate, daysLeft, graceEndsOn, urgencyOf } from '../credentials/urgency';
import type { Credential, Source } from '../credentials/model';
import { identifyingName, shortTopic } from '../inventory/names';
import { t, uiLanguage } from '../i18n';
import { isProblem, standing, type Health } from '../credentials/health';
import { consoleOf } from '../consoles/hosts';
import type { ConsoleId } from '../consoles/list';

// Creating an Intl formatter costs far more than formatting with one: one per language.
const dates = new Map<string, Intl.DateTimeFormat>();

/**
 * "today", "in 12 days", "3 days ago" in the UI language. From the translations rather than
 * Intl.RelativeTimeFormat: the first Intl formatter of a page loads locale data, tens of
 * milliseconds a console page would wait for while its badges are drawn.
 */
export function relativeDays(days: number): string {
  switch (days) {
    case 0:
      return t('relToday');
    case 1:
      return t('relTomorrow');
    case -1:
      return t('relYesterday');
    case 2:
      return t('relInTwoDays');
    case -2:
      return t('relTwoDaysAgo');
    default:
      return days > 0 ? t('relInDays', days) : t('relDaysAgo', -days);
  }
}

export function formatDate(iso: string, lang = uiLanguage()): string {
  const [y, m, d] = iso.split('-').map(Number);
  let f = dates.get(lang);
  if (!f) dates.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' })));
  return f.format(new Date(Date.UTC(y!, m! - 1, d!)));
}

export interface ExpiryView {
  urgency: Urgency;
  days: number | null;
  text: string;
  /** The worse of the date's state and the state read (revoked, taken by another MDM …). */
  health: Health;
  /** The state read decides: `text` starts with it. */
  fromReading: boolean;
}

type Underscored<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Underscored<B>}` : S;
const underscored = <S extends Health>(state: S) => state.replace(/-/g, '_') as Underscored<S>;

/** A state as the admin reads it ("Revoked", "Assigned to another MDM"). */
export function healthLabel(state: Health): string {
  return t(`health_${underscored(state)}`);
}

/** What the state read means for the admin, for the states a date cannot tell; '' for the others. */
export function healthAdvice(state: Health): string {
  return isProblem(state) ? t(`healthAdvice_${underscored(state)}`) : '';
}

/**
 * How a credential reads: its date ("Expires in 12 days") and, when a state read beside it is
 * worse ("Revoked"), that state first. The urgency is the worse of the two.
 */
export function expiryView(kind: AnyKind, expiresOn: string | null, now: Date, timeZone?: string, read?: Health, noDate: NoDate = 'unread'): ExpiryView {
  const date = dateView(kind, expiresOn, now, timeZone, noDate);
  const { health, urgency, fromReading } = standing(date.urgency, read);
  // "Expired · Expired 6 days ago" says it twice: a date already past says it alone.
  const said = fromReading && !(health === 'expired' && date.days !== null && date.days < 0);
  const text = said ? `${healthLabel(health)} · ${date.text}` : date.text;
  return { ...date, urgency, text, health, fromReading };
}

/** Why a credential has no date: a page showed it without one we could read, or the admin has not entered one yet. */
export type NoDate = 'unread' | 'not-entered';

/** A credential of the inventory as it reads: a missing date is "not readable" only when a page showed it. */
export function credentialView(c: Pick<Credential, 'kind' | 'expiresOn' | 'health' | 'sources'>, now: Date, timeZone?: string): ExpiryView {
  const noDate: NoDate = c.sources.some((s) => s.type === 'page') ? 'unread' : 'not-entered';
  return expiryView(c.kind, c.expiresOn, now, timeZone, c.health?.state, noDate);
}

function dateView(kind: AnyKind, expiresOn: string | null, now: Date, timeZone: string | undefined, noDate: NoDate): { urgency: Urgency; days: number | null; text: string } {
  const urgency = urgencyOf(kind, expiresOn, now, timeZone);
  if (!expiresOn) return { urgency, days: null, text: t(noDate === 'unread' ? 'dateUnknown' : 'dateNotEntered') };
  const days = daysLeft(expiresOn, now, timeZone);
  if (urgency === 'grace') {
    const end = daysLeft(graceEndsOn(expiresOn), now, timeZone);
    // Said as a maybe: Apple's and Microsoft's statements about this period have changed over the years.
    return { urgency, days, text: t('graceWhen', relativeDays(days), end) };
  }
  return { urgency, days, text: days < 0 ? t('expiredWhen', relativeDays(days)) : t('expiresWhen', relativeDays(days)) };
}

export function kindLabel(kind: AnyKind): string {
  return t(`kind_${kind}`);
}

/** What breaks when it lapses, as true of the console it is used in (Intune's doubled apps), else in general. */
export function consequence(kind: AnyKind, consoleId?: ConsoleId | null): string {
  return t(lapseKey(kind, consoleId) ?? `consequence_${kind}`);
}

/** The console's own word on what lapsing means for this kind, when it has one (Intune's doubled apps). */
function lapseKey(kind: AnyKind, consoleId: ConsoleId | null | undefined) {
  return consoleId && kind !== 'symantec' && kind !== 'other' ? consoleOf(consoleId).lapse?.[kind] : undefined;
}

/** The same for a credential of the inventory: its console's word, else one of the consoles it was seen in. */
export function credentialConsequence(c: Pick<Credential, 'kind' | 'console' | 'sources'>): string {
  const found = [c.console, ...c.sources.map((s) => s.console)].find((id) => lapseKey(c.kind, id));
  return consequence(c.kind, found ?? c.console);
}

/**
 * A credential's name as the admin reads it: the one its console gives it, or for a push
 * certificate its tenant, else its topic's short form; the kind when nothing else is known.
 */
export function credentialName(c: Pick<Credential, 'kind' | 'name' | 'account' | 'console' | 'topic'> & { sources?: Credential['sources'] }): string {
  return guideName({ kind: c.kind, name: identifyingName(c), ...(c.topic ? { topic: c.topic } : {}) });
}

/** The same from a name already found (a guide carries the one it was started with) and the topic. */
export function guideName(g: { kind: AnyKind; name: string; topic?: string }): string {
  return g.name || (g.topic ? t('topicShort', shortTopic(g.topic)) : '') || kindLabel(g.kind);
}

/** Where a credential was last seen, as the admin reads it: a console, a file, or their own hand. */
export function lastSeenText(source: Source, now: Date): string {
  const when = relativeDays(daysLeft(calendarDate(new Date(source.seenAt)), now));
  if (source.type === 'manual') return t('sourceAddedByHand', when);
  if (source.type === 'file') return t('sourceFromFile', source.fileName ?? '—', when);
  return t('seenOn', source.console ? productName(source.console) : t('sourceManual'), when);
}

/** A console's name as the admin reads it: its brand, or for a console that is not one its translated name. */
export function productName(id: ConsoleId): string {
  const c = consoleOf(id);
  return c.productKey ? t(c.productKey) : c.product;
}

/** Invisible and direction-changing characters: shown as a mark, never obeyed (a name cannot reverse the text around it). */
const HIDDEN = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Page text as the admin reads it: hidden characters marked, cut at `max` characters. Render it in a <bdi> so its direction stays its own. */
export function displayText(text: string, max = 120): string {
  const shown = text.replace(HIDDEN, '\uFFFD');
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}
