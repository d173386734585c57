/**
 * What the background worker does: keeps the inventory, checks it against the clock, raises
 * notifications and sets the toolbar badge. The MV3 worker is stopped whenever idle, so
 * nothing here lives only in memory: the inventory is in IndexedDB, settings in storage, and
 * the alerts already raised are stored on each credential in the same transaction that decides them.
 */
import { browser } from 'wxt/browser';
import { consoleOf } from '../consoles/hosts';
import { accessPatterns, addSite, OPTIONAL_CONSOLES, removeSite, setEnabled, sitePattern, type ConsoleAccess } from '../consoles/sites';
import { loadAccess, saveAccess, syncContentScript } from './sites';
import { renewUrl } from '../consoles/renew-url';
import { worstUrgency, type Urgency } from '../credentials/urgency';
import { parseImport } from '../export/json';
import { codeKey, t } from '../i18n';
import { Inventory, InventoryError, toInventoryError } from '../inventory/db';
import { findMatch, newId } from '../credentials/merge';
import { archived, fromFile, renewed, saved, snoozed } from '../credentials/changes';
import { flowById } from '../guide/flows';
import { reduce, startGuide, type GuideState } from '../guide/machine';
import { GUIDE_KEY, loadGuide, saveGuide } from '../guide/store';
import { addFormQuery } from '../inventory/prefill';
import { ISO_DATE, KINDS, type Credential, type ManualFields } from '../credentials/model';
import type { Failure, Request, Responses } from '../messages';
import { parseRequest } from '../requests';
import type { Observation } from '../observation';
import { replacedPushCertificates } from '../inventory/replaced';
import { buildNotification } from '../wording/notification';
import { notificationId, parseNotificationId } from '../notify/id';
import { dueAlerts, dueSoon } from '../notify/plan';
import { loadSettings } from '../settings-store';

export const CHECK_ALARM = 'token-radar-check';
/** Hourly: the day's thresholds are caught within the hour, and quiet hours end on time. */
const CHECK_PERIOD_MINUTES = 60;
const workerStartedAt = Date.now();

let inventoryPromise: Promise<Inventory> | null = null;
function inventory(): Promise<Inventory> {
  inventoryPromise ??= Inventory.open().catch((e) => {
    inventoryPromise = null;
    throw e;
  });
  return inventoryPromise;
}

/** One change at a time in this worker: checks and writes never interleave. */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

function failure(error: unknown): Failure {
  const e = error instanceof InventoryError ? error : toInventoryError(error);
  const message = e.code === 'quota' ? t('errorQuota') : e.code === 'blocked' ? t('errorBlocked') : t('errorUnavailable');
  return { ok: false, code: e.code, error: message };
}

function invalid(error: string): Failure {
  return { ok: false, code: 'invalid', error };
}

export async function ensureAlarm(): Promise<void> {
  const existing = await browser.alarms.get(CHECK_ALARM);
  if (!existing) await browser.alarms.create(CHECK_ALARM, { periodInMinutes: CHECK_PERIOD_MINUTES, delayInMinutes: 1 });
}

const BADGE_COLOURS: Partial<Record<Urgency, string>> = {
  expired: '#b3261e',
  grace: '#b3261e',
  today: '#c2410c',
  urgent: '#c2410c',
  soon: '#8a5a00',
};

export async function updateBadge(all: Credential[], now: Date): Promise<void> {
  const { count, urgencies } = dueSoon(all, now);
  await browser.action.setBadgeText({ text: count ? String(count) : '' });
  if (count) {
    // Only credentials within 30 days are counted, so the worst is at least 'soon'.
    const colour = BADGE_COLOURS[worstUrgency(urgencies) ?? 'soon'] ?? BADGE_COLOURS.soon!;
    await browser.action.setBadgeBackgroundColor({ color: colour });
    if ('setBadgeTextColor' in browser.action) await browser.action.setBadgeTextColor({ color: '#ffffff' });
  }
}

/** Decides and records the alerts due in one transaction, then shows them: an alert is never raised twice. */
export function check(now = new Date()): Promise<number> {
  return serial(async () => {
    const settings = await loadSettings();
    const inv = await inventory();
    let due: ReturnType<typeof dueAlerts> = [];
    await inv.update((all) => {
      due = dueAlerts(all, settings, now);
      const stamp = now.toISOString();
      return {
        put: due.map(({ credential, key, alsoKeys = [] }) => ({ ...credential, alerts: { ...credential.alerts, ...Object.fromEntries([key, ...alsoKeys].map((k) => [k, stamp])) } })),
      };
    });
    if (due.length) {
      const content = buildNotification(due, now);
      const options: { type: 'basic'; iconUrl: string; title: string; message: string; priority: number; buttons?: { title: string }[] } = {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: content.title,
        message: content.message,
        priority: due.some((d) => d.days <= 7) ? 2 : 0,
      };
      if (!import.meta.env.FIREFOX) {
        options.buttons = [
          { title: t('notifyOpen') },
          { title: content.snoozeDays === 1 ? t('snoozeDay') : t('snoozeWeek') },
        ];
      }
      await browser.notifications.create(notificationId(content.ids, content.snoozeDays, now), options);
    }
    await updateBadge(await inv.all(), now);
    return due.length;
  });
}

function validFields(f: ManualFields): string | null {
  if (!(KINDS as readonly string[]).includes(f.kind)) return `Unknown kind '${String(f.kind)}'.`;
  if (typeof f.name !== 'string' || f.name.length > 200) return 'The name must be text of at most 200 characters.';
  if (f.expiresOn !== null && !ISO_DATE.test(f.expiresOn)) return `'${String(f.expiresOn)}' is not a date (YYYY-MM-DD).`;
  return null;
}

async function write(change: Parameters<Inventory['update']>[0]): Promise<void> {
  const inv = await inventory();
  await inv.update(change);
}

/** Changes one credential by id, after the writes before it; an id no longer there changes nothing. */
function updateOne(id: string, change: (c: Credential) => Credential): Promise<void> {
  return serial(() =>
    write((all) => {
      const c = all.find((x) => x.id === id);
      return c ? { put: [change(c)] } : {};
    }),
  );
}

async function handle(request: Request, sender?: Sender): Promise<Responses[Request['type']]> {
  const now = new Date();
  switch (request.type) {
    case 'ping':
      return { ok: true, version: browser.runtime.getManifest().version, workerStartedAt };
    case 'observe': {
      const { changed, all } = await serial(async () => (await inventory()).observeAll(request.observation, now));
      void check();
      return { ok: true, credentials: changed.length, ...replacedIn(request.observation, all) };
    }
    case 'list': {
      const [credentials, settings, access] = await Promise.all([inventory().then((i) => i.all()), loadSettings(), loadAccess()]);
      return { ok: true, credentials, settings, sites: access.sites };
    }
    case 'save': {
      const problem = validFields(request.fields);
      if (problem) return invalid(problem);
      const id = request.id ?? newId(now);
      await serial(() => write((all) => ({ put: [saved(all.find((c) => c.id === request.id), request.fields, id, now)] })));
      void check();
      return { ok: true, id };
    }
    case 'remove':
      await serial(() => write(() => ({ remove: [request.id] })));
      void check();
      return { ok: true };
    case 'renewed': {
      if (!ISO_DATE.test(request.expiresOn)) return invalid(`'${request.expiresOn}' is not a date (YYYY-MM-DD).`);
      await updateOne(request.id, (c) => renewed(c, request.expiresOn, now));
      void check();
      return { ok: true };
    }
    case 'snooze':
      await updateOne(request.id, (c) => snoozed(c, request.days, now));
      return { ok: true };
    case 'archive':
      await updateOne(request.id, (c) => archived(c, request.archived, now));
      void check();
      return { ok: true };
    case 'import': {
      const parsed = parseImport(request.json);
      if (!parsed.ok) return invalid(parsed.error);
      await serial(async () => (await inventory()).replaceAll(parsed.credentials));
      void check();
      return { ok: true, credentials: parsed.credentials.length };
    }
    case 'consoles-get':
      return { ok: true, access: await loadAccess() };
    case 'consoles-enable': {
      // The schema checked the id and the switch; only a console with cloud hosts has one.
      if (!OPTIONAL_CONSOLES.some((c) => c.id === request.console)) return invalid(t('consolesInvalid'));
      const before = await loadAccess();
      return { ok: true, access: await changeAccess(before, setEnabled(before, request.console, request.on)) };
    }
    case 'consoles-add': {
      const before = await loadAccess();
      const added = addSite(before, request.console, request.origin);
      if (!added.ok) return invalid(t(codeKey('siteErr_', added.error)));
      // The options page asked for the address first: without the grant nothing is added.
      if (!(await browser.permissions.contains({ origins: [sitePattern(added.site.origin)] }))) return { ok: false, code: 'permission', error: t('siteErr_permission') };
      return { ok: true, access: await changeAccess(before, added.access) };
    }
    case 'consoles-remove': {
      const before = await loadAccess();
      return { ok: true, access: await changeAccess(before, removeSite(before, request.origin)) };
    }
    case 'erase':
      await serial(async () => (await inventory()).replaceAll([]));
      await browser.storage.local.remove(GUIDE_KEY);
      for (const id of Object.keys(await browser.notifications.getAll())) await browser.notifications.clear(id);
      await updateBadge([], now);
      return { ok: true };
    case 'check':
      return { ok: true, notified: await check(now) };
    case 'add-file': {
      const o = request.item;
      if (!(KINDS as readonly string[]).includes(o.kind) || (o.expiresOn !== null && !ISO_DATE.test(o.expiresOn))) return invalid('The file report is not valid.');
      let id = request.matchId ?? '';
      await serial(() =>
        write((all) => {
          const next = fromFile(request.matchId ? all.find((c) => c.id === request.matchId) : undefined, o, request.fileName, newId(now), now);
          id = next.id;
          return { put: [next] };
        }),
      );
      void check();
      return { ok: true, id };
    }
    case 'open-add': {
      const query = addFormQuery(request.prefill);
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?add=${encodeURIComponent(query)}`) });
      return { ok: true };
    }
    case 'guide-start': {
      const all = await (await inventory()).all();
      let c = request.credentialId ? all.find((x) => x.id === request.credentialId) : undefined;
      if (!c && request.found && request.console) c = findMatch(all, request.found, request.console, request.account) ?? undefined;
      if (!c) return invalid(t('guideNoFlow'));
      const state = startGuide(c, now);
      if (!state) return invalid(t('guideNoFlow'));
      await saveGuide(state);
      return { ok: true, state, url: await guideStartUrl(c, state) };
    }
    case 'guide-action': {
      const current = await loadGuide();
      if (!current) return { ok: true, state: null };
      const next = reduce(current, request.action, now);
      if (next !== current) await saveGuide(next);
      return { ok: true, state: next };
    }
    case 'load-inspector':
    case 'load-overlay': {
      // The file reader, or the panel and guide card: loaded into the asking frame when first needed.
      const tabId = sender?.tab?.id;
      if (tabId === undefined) return invalid('No tab to load into.');
      const file = request.type === 'load-inspector' ? '/inspector.js' : '/overlay-ui.js';
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender?.frameId ?? 0] }, files: [file] });
      return { ok: true };
    }
  }
}

type Sender = { tab?: { id?: number }; frameId?: number; url?: string };

/** Where the renewal starts: the Apple site for flows that begin there, else the console page. */
async function guideStartUrl(c: Credential, state: GuideState): Promise<string | null> {
  const first = flowById(state.flowId)?.steps[0];
  if (!first) return null;
  // The site the credential was seen on when the step may happen on several (Business or School Manager).
  const site = first.sites.find((s) => c.console === s || c.sources.some((x) => x.console === s)) ?? first.sites[0];
  return (site && consoleOf(site).start) || renewUrl(c, (await loadAccess()).sites);
}

/** A guide stored by an earlier version has no steps of its own: give it its flow's (or end it when the flow is gone). */
export async function upgradeGuide(): Promise<void> {
  const state = await loadGuide();
  if (!state || (Array.isArray(state.steps) && state.console)) return;
  const flow = flowById(state.flowId);
  if (!flow) return void (await browser.storage.local.remove(GUIDE_KEY));
  await saveGuide({ ...state, steps: flow.steps, console: flow.console, ...(flow.expiredWarn ? { expiredWarn: flow.expiredWarn } : {}) });
}

/**
 * Stores the consoles turned on and added, registers the content script for them, and gives back
 * the host permissions no longer needed (a host still used by another entry stays).
 */
async function changeAccess(before: ConsoleAccess, access: ConsoleAccess): Promise<ConsoleAccess> {
  await saveAccess(access);
  await syncContentScript(access);
  const kept = new Set(accessPatterns(access));
  const gone = accessPatterns(before).filter((p) => !kept.has(p));
  if (gone.length) await browser.permissions.remove({ origins: gone });
  return access;
}

/** True when the request comes from one of the extension's own pages (the options page, the popup). */
function fromExtensionPage(sender?: Sender): boolean {
  return !sender || (typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/')));
}

/** Every message the worker receives: checked against the one schema and its sender's rights, then handled. */
export async function handleRaw(message: unknown, sender?: Sender): Promise<Responses[Request['type']] | Failure> {
  const parsed = parseRequest(message, fromExtensionPage(sender));
  if (!parsed.ok) return { ok: false, code: parsed.code, error: parsed.error };
  return handleMessage(parsed.request, sender);
}

async function handleMessage(request: Request, sender?: Sender): Promise<Responses[Request['type']]> {
  try {
    return await handle(request, sender);
  } catch (error) {
    return failure(error);
  }
}

/** The observed push certificates that are half of a created-anew pair, for the page to say so beside them. */
function replacedIn(obs: Observation, all: Credential[]): { replaced?: { index: number; topic: string; newer: boolean }[] } {
  if (!obs.credentials.some((c) => c.kind === 'apns' && c.topic)) return {};
  const pairs = replacedPushCertificates(all);
  const out: { index: number; topic: string; newer: boolean }[] = [];
  obs.credentials.forEach((o, index) => {
    if (o.kind !== 'apns' || !o.topic) return;
    const c = all.find((x) => x.kind === 'apns' && x.topic === o.topic);
    const pair = c && pairs.get(c.id);
    if (pair) out.push({ index, ...pair });
  });
  return out.length ? { replaced: out } : {};
}

async function credentialsById(ids: string[]): Promise<Credential[]> {
  const all = await (await inventory()).all();
  return ids.map((id) => all.find((c) => c.id === id)).filter((c): c is Credential => !!c);
}

/** A click on a notification: the console page where the first credential is renewed, else its detail in the popup. */
export async function openFor(notification: string): Promise<void> {
  const parsed = parseNotificationId(notification);
  if (!parsed) return;
  const [first] = await credentialsById(parsed.ids);
  const url = first ? renewUrl(first, (await loadAccess()).sites) : null;
  await browser.tabs.create({ url: url ?? browser.runtime.getURL(`/popup.html#${encodeURIComponent(parsed.ids[0] ?? '')}`) });
  await browser.notifications.clear(notification);
}

export async function snoozeFor(notification: string): Promise<void> {
  const parsed = parseNotificationId(notification);
  if (!parsed) return;
  for (const id of parsed.ids) await handle({ type: 'snooze', id, days: parsed.snoozeDays });
  await browser.notifications.clear(notification);
}

