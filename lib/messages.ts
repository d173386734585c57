/**
 * The typed messages between content scripts, extension pages and the background worker.
 * Every request names its `type`; `Responses` maps each type to what the worker answers.
 */
import { browser } from 'wxt/browser';
import type { Credential, ManualFields } from './credentials/model';
import type { ConsoleAccess } from './consoles/sites';
import type { AddedSite, ConsoleId } from './consoles/types';
import type { GuideAction, GuideState } from './guide/machine';
import type { Observation, ObservedCredential } from './observation';
import type { Settings } from './settings';
import type { FileItem } from './credentials/changes';

export type { FileItem } from './credentials/changes';

export type Failure = { ok: false; code: string; error: string };
export type Result<T = object> = ({ ok: true } & T) | Failure;

export interface PingResponse {
  ok: true;
  version: string;
  /** When this instance of the worker started (ms since epoch): a restarted worker answers with a new value. */
  workerStartedAt: number;
}

export type Request =
  | { type: 'ping' }
  /** A content script read credentials on a console page. */
  | { type: 'observe'; observation: Observation }
  | { type: 'list' }
  /** Add (no id) or edit a credential by hand. */
  | { type: 'save'; id?: string; fields: ManualFields }
  | { type: 'remove'; id: string }
  /** The admin renewed it: record the renewal, the new expiry defaults to a year from today. */
  | { type: 'renewed'; id: string; expiresOn: string }
  /** Snooze its alerts for `days` (0 lifts the snooze). */
  | { type: 'snooze'; id: string; days: number }
  | { type: 'archive'; id: string; archived: boolean }
  /** Replace the inventory with an export's credentials (validated again here). */
  | { type: 'import'; json: string }
  | { type: 'erase' }
  /** Run the expiry check now (alarms run it too). */
  | { type: 'check' }
  /** A file read locally: add it to the inventory, or apply it to the credential it matches. Metadata only. */
  | { type: 'add-file'; fileName: string; item: FileItem; matchId?: string }
  /** A content script needs the file reader (node-forge) in its frame: the worker injects it there. */
  | { type: 'load-inspector' }
  | { type: 'load-overlay' }
  /** Start the renewal guide for a credential: by its id (popup), or as read on a console page (overlay). */
  | { type: 'guide-start'; credentialId?: string; found?: ObservedCredential; console?: ConsoleId; account?: string }
  /** Move the guide: a step seen done, back, skip, pause, resume, cancel, or the console showing the new expiry. */
  | { type: 'guide-action'; action: GuideAction }
  /** A page could not be read: open the add-by-hand form with what was certain (nothing is saved until the admin saves it). */
  | { type: 'open-add'; prefill: AddPrefill }
  /** The consoles turned on and added (extension pages only). */
  | { type: 'consoles-get' }
  /** Turn a built-in console's cloud hosts on or off (the options page asked for the permission first). */
  | { type: 'consoles-enable'; console: ConsoleId; on: boolean }
  /** Add a console at its own address (the options page asked for the permission first). */
  | { type: 'consoles-add'; console: ConsoleId; origin: string }
  /** Remove an added console: its script, its entry and its permission go together. */
  | { type: 'consoles-remove'; origin: string };

/** What a page that could not be read lets the add-by-hand form start with. Metadata only. */
export interface AddPrefill {
  kind?: string;
  name?: string;
  appleId?: string;
  topic?: string;
  console?: string;
}

export interface Responses {
  ping: PingResponse;
  /** `replaced`: the observed push certificates (by their index in the observation) that are half of a created-anew pair. */
  observe: Result<{ credentials: number; replaced?: { index: number; topic: string; newer: boolean }[] }>;
  list: Result<{ credentials: Credential[]; settings: Settings; sites: AddedSite[] }>;
  save: Result<{ id: string }>;
  remove: Result;
  renewed: Result;
  snooze: Result;
  archive: Result;
  import: Result<{ credentials: number }>;
  erase: Result;
  check: Result<{ notified: number }>;
  'add-file': Result<{ id: string }>;
  'load-inspector': Result;
  'load-overlay': Result;
  'guide-start': Result<{ state: GuideState; url: string | null }>;
  'guide-action': Result<{ state: GuideState | null }>;
  'open-add': Result;
  'consoles-get': Result<{ access: ConsoleAccess }>;
  'consoles-enable': Result<{ access: ConsoleAccess }>;
  'consoles-add': Result<{ access: ConsoleAccess }>;
  'consoles-remove': Result<{ access: ConsoleAccess }>;
}

/** Sends a request to the background worker (waking it if it was stopped) and returns its typed answer. */
export async function send<R extends Request>(request: R): Promise<Responses[R['type']]> {
  return (await browser.runtime.sendMessage(request)) as Responses[R['type']];
}
