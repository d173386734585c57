/**
 * Every message the background accepts, as one schema: the `Request` type every sender uses is
 * inferred from it, so the two cannot drift. valibot runs in the worker only; the content
 * script and the pages import the type alone. And who may send which. A message that does not match is answered with
 * `invalid` and changes nothing; content scripts, which run inside console pages, may only
 * report what they read and follow the guide.
 */
import * as v from 'valibot';
import { CONSOLES } from './consoles/list';
import { KINDS } from './credentials/model';
import { HEALTH_ORDER } from './credentials/health';
import { CORNERS } from './dom/place';
import type { ManualFields } from './credentials/model';
import type { FileItem } from './credentials/changes';
import type { GuideAction } from './guide/machine';
import type { Observation, ObservedCredential } from './observation';

const text = (max = 200) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(80));
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const isoDateTime = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp());
const consoleId = v.picklist(CONSOLES.map((c) => c.id));
const credentialKind = v.picklist(['apns', 'ade', 'vpp', 'symantec'] as const);
const httpsUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((s) => {
    try {
      return new URL(s).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'not an https address'),
);

const observed = v.strictObject({
  kind: credentialKind,
  name: text(),
  expiresOn: v.nullable(isoDate),
  appleId: v.optional(text()),
  topic: v.optional(text()),
  status: v.optional(text()),
  vendor: v.optional(text()),
  health: v.optional(v.picklist(HEALTH_ORDER)),
  via: v.optional(v.literal('alert')),
});

const observation = v.strictObject({
  console: consoleId,
  page: text(80),
  account: v.optional(text()),
  url: httpsUrl,
  seenAt: isoDateTime,
  credentials: v.pipe(v.array(observed), v.maxLength(1000)),
});

const manualFields = v.strictObject({
  kind: v.picklist(KINDS),
  name: text(),
  expiresOn: v.nullable(isoDate),
  console: v.optional(consoleId),
  account: v.optional(text()),
  appleId: v.optional(text()),
  topic: v.optional(text()),
  organization: v.optional(text()),
  owner: v.optional(text()),
  notes: v.optional(text(2000)),
});

const guideAction = v.variant('type', [
  v.strictObject({ type: v.literal('done'), stepId: id }),
  v.strictObject({ type: v.literal('back') }),
  v.strictObject({ type: v.literal('skip') }),
  v.strictObject({ type: v.literal('pause') }),
  v.strictObject({ type: v.literal('resume') }),
  v.strictObject({ type: v.literal('cancel') }),
  v.strictObject({ type: v.literal('renewed'), expiresOn: isoDate }),
]);

const REQUEST = v.variant('type', [
  v.strictObject({ type: v.literal('ping') }),
  /** A content script read credentials on a console page. */
  v.strictObject({ type: v.literal('observe'), observation }),
  v.strictObject({ type: v.literal('list') }),
  /** Add (no id) or edit a credential by hand. */
  v.strictObject({ type: v.literal('save'), id: v.optional(id), fields: manualFields }),
  v.strictObject({ type: v.literal('remove'), id }),
  /** The admin renewed it: record the renewal and its new expiry. */
  v.strictObject({ type: v.literal('renewed'), id, expiresOn: isoDate }),
  /** Snooze its alerts for `days` (0 lifts the snooze). */
  v.strictObject({ type: v.literal('snooze'), id, days: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(366)) }),
  v.strictObject({ type: v.literal('archive'), id, archived: v.boolean() }),
  /** Replace the inventory with an export's credentials (validated again in the worker). */
  v.strictObject({ type: v.literal('import'), json: v.pipe(v.string(), v.maxLength(20 * 1024 * 1024)) }),
  v.strictObject({ type: v.literal('erase') }),
  /** Run the expiry check now (alarms run it too). */
  v.strictObject({ type: v.literal('check') }),
  /** A file read locally: add it to the inventory, or apply it to the credential it matches. Metadata only. */
  v.strictObject({
    type: v.literal('add-file'),
    fileName: text(255),
    item: v.strictObject({ kind: v.picklist(KINDS), name: text(), expiresOn: v.nullable(isoDate), topic: v.optional(text()) }),
    matchId: v.optional(id),
  }),
  /** A content script needs the file reader (node-forge) in its frame: the worker injects it there. */
  v.strictObject({ type: v.literal('load-inspector') }),
  /** The reader, the panel and guide card: loaded into a console frame once it shows something to read (entrypoints/console.content). */
  v.strictObject({ type: v.literal('load-reader') }),
  v.strictObject({ type: v.literal('load-overlay') }),
  /** The UI's messages, for a console frame: the browser's own lookup there makes the page wait the first time (lib/i18n.ts). */
  v.strictObject({ type: v.literal('messages') }),
  /** Hide the in-page panel on a console's pages, or show it there again (the popup undoes it). */
  v.strictObject({ type: v.literal('panel-hidden'), console: consoleId, hidden: v.boolean() }),
  /** Dock the in-page panel in a corner on a console's pages (the admin dragged it there). */
  v.strictObject({ type: v.literal('panel-dock'), console: consoleId, corner: v.picklist(CORNERS) }),
  /** Start the renewal guide for a credential: by its id (popup), or as read on a console page (overlay). */
  v.strictObject({ type: v.literal('guide-start'), credentialId: v.optional(id), found: v.optional(observed), console: v.optional(consoleId), account: v.optional(text()) }),
  /** Move the guide: a step seen done, back, skip, pause, resume, cancel, or the console showing the new expiry. */
  v.strictObject({ type: v.literal('guide-action'), action: guideAction }),
  /** A page could not be read: open the add-by-hand form with what was certain (nothing is saved until the admin saves it). */
  v.strictObject({
    type: v.literal('open-add'),
    prefill: v.strictObject({ kind: v.optional(text(20)), name: v.optional(text()), appleId: v.optional(text()), topic: v.optional(text()), console: v.optional(text(40)) }),
  }),
  /** The consoles turned on and added (extension pages only). */
  v.strictObject({ type: v.literal('consoles-get') }),
  /** Turn a built-in console's cloud hosts on or off (the options page asked for the permission first). */
  v.strictObject({ type: v.literal('consoles-enable'), console: consoleId, on: v.boolean() }),
  /** Add a console at its own address (the options page asked for the permission first). */
  v.strictObject({ type: v.literal('consoles-add'), console: consoleId, origin: text(300) }),
  /** Remove an added console: its script, its entry and its permission go together. */
  v.strictObject({ type: v.literal('consoles-remove'), origin: text(300) }),
]);

/** Every request to the background, as the schema reads it. */
export type Request = v.InferOutput<typeof REQUEST>;
type Of<T extends Request['type']> = Extract<Request, { type: T }>;

/** What a page that could not be read lets the add-by-hand form start with. Metadata only. */
export type AddPrefill = Of<'open-add'>['prefill'];

// The model's own types and the schema's must be the same both ways: what a sender builds
// passes the schema, and what the worker gets is what its handlers take.
// Assignable both ways, with the same keys (an optional field one side lacks would pass otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? (Keys<A> extends Keys<B> ? (Keys<B> extends Keys<A> ? true : false) : false) : false) : false;
type Keys<T> = T extends unknown ? keyof T : never;
const sameShape: [
  Same<Of<'observe'>['observation'], Observation>,
  Same<NonNullable<Of<'guide-start'>['found']>, ObservedCredential>,
  Same<Of<'save'>['fields'], ManualFields>,
  Same<Of<'add-file'>['item'], FileItem>,
  Same<Of<'guide-action'>['action'], GuideAction>,
] = [true, true, true, true, true];
void sameShape;

/** What a content script (inside a console page) may ask: report what it read, follow the guide, load the file reader, open the add form. */
const FROM_PAGES = new Set<Request['type']>(['ping', 'observe', 'guide-start', 'guide-action', 'load-inspector', 'load-reader', 'load-overlay', 'messages', 'open-add', 'panel-hidden', 'panel-dock']);

export type Parse = { ok: true; request: Request } | { ok: false; code: 'invalid' | 'forbidden'; error: string };

/**
 * The request, when it is well-formed and its sender may send it. `fromExtensionPage` is true
 * for the extension's own pages (popup, options), false for a content script.
 */
export function parseRequest(value: unknown, fromExtensionPage: boolean): Parse {
  const result = v.safeParse(REQUEST, value);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, code: 'invalid', error: `Malformed message${where ? ` (${where})` : ''}: ${issue.message}` };
  }
  const request = result.output as Request;
  if (!fromExtensionPage && !FROM_PAGES.has(request.type)) return { ok: false, code: 'forbidden', error: `A console page may not send "${request.type}".` };
  return { ok: true, request };
}
