/**
 * How observations from console pages (and files) merge into the inventory. Pure: the
 * current credentials and one observation in, the credentials to write out.
 *
 * The merge rules:
 *  1. Matching. A push certificate (apns) is the same credential when the topic is the same;
 *     seen without a topic, it is the one push certificate of the same console and account.
 *     ADE and VPP tokens are the same when their names are the same (case and spaces aside),
 *     and either the console and account are the same, or exactly one token of that name
 *     exists, seen in another console: an ADE token in Intune is the MDM server of that name
 *     in ABM; a VPP token is the ABM location of that name. A Symantec certificate is the one of
 *     its console and account. Otherwise it is a new credential.
 *  2. Each source (a console page kind in an account, a file, a manual entry) keeps only its
 *     latest reading.
 *  3. A reading later than the credential's expiry is a renewal: it is recorded in the
 *     history (old -> new, when noticed, from where), the expiry moves forward and the
 *     notifications already raised are cleared so the next year's are raised again.
 *  4. A reading earlier than the credential's expiry is not applied: it stays in its source
 *     and the credential is flagged as conflicting (see `conflicts`), until the sources agree.
 *     The flag is shown to the admin and alerts use the earliest date (see `alertDate`).
 *  5. A reading without a date changes no date. Apple ID and status follow the latest reading;
 *     topic, account and organisation are filled in where missing, never overwritten. The state
 *     read beside the date (health) follows `mergeHealth`: the credential's own page outranks an
 *     alert about it; a renewal drops what was said of the old certificate or token.
 *     An alert about a credential (a home page notice, read as `via: 'alert'`) never moves the
 *     date its own page showed, and its date does not count as a disagreement with it.
 *  6. Archived credentials still match (their sources are updated); they stay archived.
 */
import type { ConsoleId } from '../consoles/types';
import type { Observation, ObservedCredential } from '../observation';
import type { Credential, Source } from './model';
import { isProblem, mergeHealth, type HealthReading } from './health';

export function normName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s\u2013\u2014-]+/g, ' ').trim();
}

function sameAccount(c: Credential, consoleId: ConsoleId, account: string | undefined): boolean {
  return c.console === consoleId && (c.account ?? '') === (account ?? '');
}

/** The credential an observed one is, by the rules above, or null for a new one. */
export function findMatch(all: readonly Credential[], o: ObservedCredential, consoleId: ConsoleId, account?: string): Credential | null {
  const ofKind = all.filter((c) => c.kind === o.kind);
  if (o.kind === 'apns') {
    if (o.topic) {
      const byTopic = ofKind.find((c) => c.topic === o.topic);
      if (byTopic) return byTopic;
      // The console's own certificate, seen before without its topic.
      const local = ofKind.filter((c) => !c.topic && sameAccount(c, consoleId, account));
      return local.length === 1 ? local[0]! : null;
    }
    const local = ofKind.filter((c) => sameAccount(c, consoleId, account));
    return local.length === 1 ? local[0]! : null;
  }
  if (o.kind === 'symantec') {
    return ofKind.find((c) => sameAccount(c, consoleId, account)) ?? null;
  }
  if (!o.name) return null;
  const n = normName(o.name);
  const named = ofKind.filter((c) => normName(c.name) === n || (c.organization && normName(c.organization) === n));
  const here = named.find((c) => sameAccount(c, consoleId, account));
  if (here) return here;
  const elsewhere = named.filter((c) => c.console !== consoleId);
  return elsewhere.length === 1 ? elsewhere[0]! : null;
}

function sourceKey(obs: Observation): string {
  return `page:${obs.console}:${obs.page}:${obs.account ?? ''}`;
}

/** The account (tenant) a page source was read under, from its key; undefined when the page showed none. */
export function sourceAccount(source: Source): string | undefined {
  if (source.type !== 'page') return undefined;
  const account = source.key.split(':').slice(3).join(':');
  return account || undefined;
}

/** A credential with nothing known yet but its kind and name; readings fill it in. */
export function blankCredential(kind: Credential['kind'], name: string, at: string, id: string): Credential {
  return { id, kind, name, expiresOn: null, sources: [], history: [], alerts: {}, archived: false, createdAt: at, updatedAt: at };
}

let counter = 0;
/** A new id: time-ordered and unique within this worker. */
export function newId(now: Date): string {
  counter = (counter + 1) % 1e6;
  return `${now.getTime().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Applies one reading to a credential (rules 2, 3, 5). Returns a new object. */
export function applyReading(c: Credential, o: Omit<ObservedCredential, 'kind'>, source: Source): Credential {
  const next: Credential = { ...c, sources: c.sources.filter((s) => s.key !== source.key), history: [...c.history], alerts: { ...c.alerts } };
  next.sources.push(source);
  let renewed = false;
  // An alert about a credential (a home page notice) never moves the date its own page showed.
  const heldByOwnPage = source.via === 'alert' && next.sources.some((s) => isOwnPage(s) && s.key !== source.key);
  if (o.expiresOn && !heldByOwnPage) {
    if (!next.expiresOn) {
      next.expiresOn = o.expiresOn;
    } else if (o.expiresOn > next.expiresOn) {
      renewed = true;
      next.history.push({ from: next.expiresOn, to: o.expiresOn, noticedAt: source.seenAt, source: source.key });
      next.expiresOn = o.expiresOn;
      next.alerts = {};
      delete next.snoozedUntil;
    }
  }
  if (o.appleId) next.appleId = o.appleId;
  if (o.status) next.status = o.status;
  if (o.vendor) next.vendor = o.vendor;
  if (o.health) {
    const reading: HealthReading = { state: o.health, via: source.type === 'page' ? (o.via ?? 'page') : source.type, source: source.key, seenAt: source.seenAt };
    if (o.status) reading.text = o.status;
    next.health = mergeHealth(renewed ? undefined : next.health, reading);
    // Well again: a later problem is told again.
    if (!isProblem(next.health.state)) for (const k of Object.keys(next.alerts)) if (k.startsWith('h:')) delete next.alerts[k];
  } else if (renewed && next.health && next.health.source !== source.key) {
    // A renewal is a new certificate or token: what was said of the old one no longer holds.
    delete next.health;
  }
  if (o.topic && !next.topic) next.topic = o.topic;
  if (!next.name && o.name) next.name = o.name;
  next.updatedAt = source.seenAt;
  return next;
}

/** Merges an observation; returns only the credentials that changed or were created. */
export function mergeObservation(all: readonly Credential[], obs: Observation, now: Date): Credential[] {
  const working = [...all];
  const changed = new Map<string, Credential>();
  for (const o of obs.credentials) {
    const source: Source = { type: 'page', key: sourceKey(obs), console: obs.console, page: obs.page, url: obs.url, expiresOn: o.expiresOn, seenAt: obs.seenAt };
    if (o.via) source.via = o.via;
    const match = findMatch(working, o, obs.console, obs.account);
    let result: Credential;
    if (match) {
      result = applyReading(match, o, source);
      working[working.indexOf(match)] = result;
    } else {
      const created: Credential = { ...blankCredential(o.kind, o.name, obs.seenAt, newId(now)), console: obs.console };
      if (obs.account) created.account = obs.account;
      result = applyReading(created, o, source);
      working.push(result);
    }
    changed.set(result.id, result);
  }
  return [...changed.values()];
}

/** A reading from the credential's own page (its row, its panel), not an alert about it elsewhere. */
function isOwnPage(s: Source): boolean {
  return s.type === 'page' && !s.via;
}

/**
 * Sources whose latest reading disagrees with the credential's expiry (rule 4), seen since its
 * last renewal. An alert's date does not count against the credential's own page.
 */
export function conflicts(c: Credential): Source[] {
  const lastRenewal = c.history.at(-1)?.noticedAt ?? '';
  const ownPage = c.sources.some(isOwnPage);
  return c.sources.filter((s) => s.expiresOn && c.expiresOn && s.expiresOn !== c.expiresOn && s.seenAt >= lastRenewal && !(ownPage && s.via === 'alert'));
}

/** The date alerts count down to: the credential's expiry, or an earlier conflicting reading. */
export function alertDate(c: Credential): string | null {
  const dates = [c.expiresOn, ...conflicts(c).map((s) => s.expiresOn)].filter((d): d is string => !!d);
  return dates.length ? dates.sort()[0]! : null;
}
