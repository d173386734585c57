/**
 * The typed messages between content scripts, extension pages and the background worker.
 * Every request names its `type`; `Responses` maps each type to what the worker answers.
 */
import { browser } from 'wxt/browser';

export interface PingRequest {
  type: 'ping';
}
export interface PingResponse {
  ok: true;
  version: string;
  /** When this instance of the worker started (ms since epoch): a restarted worker answers with a new value. */
  workerStartedAt: number;
}

export type Request = PingRequest;
export interface Responses {
  ping: PingResponse;
}

export function isRequest(value: unknown): value is Request {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'ping';
}

/** Sends a request to the background worker (waking it if it was stopped) and returns its typed answer. */
export async function send<R extends Request>(request: R): Promise<Responses[R['type']]> {
  return (await browser.runtime.sendMessage(request)) as Responses[R['type']];
}
