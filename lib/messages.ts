/**
 * The typed messages between content scripts, extension pages and the background worker.
 * Every request names its `type` (lib/requests.ts defines them); `Responses` maps each type to
 * what the worker answers.
 */
import { browser } from 'wxt/browser';
import type { Credential } from './credentials/model';
import type { ConsoleAccess } from './consoles/sites';
import type { AddedSite } from './consoles/types';
import type { GuideState } from './guide/machine';
import type { Request } from './requests';
import type { Settings } from './settings';
export type { FileItem } from './credentials/changes';
/** The requests are defined once, by the schema the worker checks them with (types only here: no valibot in the pages). */
export type { AddPrefill, Request } from './requests';

export type Failure = { ok: false; code: string; error: string };
export type Result<T = object> = ({ ok: true } & T) | Failure;

export interface PingResponse {
  ok: true;
  version: string;
  /** When this instance of the worker started (ms since epoch): a restarted worker answers with a new value. */
  workerStartedAt: number;
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
  'load-reader': Result;
  'load-overlay': Result;
  messages: Result<{ messages: Record<string, string> }>;
  'guide-start': Result<{ state: GuideState; url: string | null }>;
  'guide-action': Result<{ state: GuideState | null }>;
  'open-add': Result;
  'panel-hidden': Result<{ panelHidden: string[] }>;
  'panel-dock': Result;
  'consoles-get': Result<{ access: ConsoleAccess }>;
  'consoles-enable': Result<{ access: ConsoleAccess }>;
  'consoles-add': Result<{ access: ConsoleAccess }>;
  'consoles-remove': Result<{ access: ConsoleAccess }>;
}

/** Sends a request to the background worker (waking it if it was stopped) and returns its typed answer. */
export async function send<R extends Request>(request: R): Promise<Responses[R['type']]> {
  return (await browser.runtime.sendMessage(request)) as Responses[R['type']];
}
