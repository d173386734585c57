/**
 * Warnings shown beside the controls that cost the most when pressed at the wrong time,
 * guide or no guide: ABM's Download Token, the Apple portal's Create a Certificate and Revoke,
 * the wrong certificate row, and the Get Started page of an Apple ID that owns no certificate.
 */
import { consoleOf } from '../consoles/hosts';
import type { ConsoleId } from '../consoles/types';
import { textOf, TOPIC_RE } from '../dom/read';
import { normName } from '../credentials/merge';
import { controlIndex, rowShowsDate, rowsByExpiry } from './find';
import { CONTROL_LABELS } from '../consoles/flow';
import type { GuideState } from './machine';

/** What a guard says beside a control, as a code with the names it needs; lib/wording/guide.ts words it. */
export type GuardSay =
  /** ABM's Download Token of the server being renewed. */
  | { say: 'download-token-ok'; name: string }
  /** … of another server, while renewing `name`. */
  | { say: 'download-token-other'; name: string }
  /** Download Token, no ADE renewal under way: it resets the server's token. */
  | { say: 'download-token' }
  | { say: 'create-certificate' }
  | { say: 'revoke' }
  /** Get Started: this Apple ID owns no certificate yet; `appleId` is the one that does, when known. */
  | { say: 'get-started'; appleId?: string }
  | { say: 'right-row' }
  | { say: 'wrong-row'; topic: string }
  | { say: 'right-row-date'; date: string }
  | { say: 'wrong-row-date'; date: string };

export type GuardNote = GuardSay & {
  anchor: Element;
  level: 'danger' | 'warn' | 'ok' | 'info';
};

const CREATE = ['create a certificate'];
const REVOKE = ['revoke'];
const GET_STARTED = ['get started'];

/** The name of the MDM server whose details hold `button` (the heading of its section). */
function serverOf(button: Element): string {
  const section = button.closest('section, [role="region"], [role="dialog"], article, form, aside');
  const heading = section?.querySelector('h1, h2, h3, [role="heading"]');
  return heading ? textOf(heading) : '';
}

export function guardNotes(doc: Document, consoleId: ConsoleId | null, guide: GuideState | null): GuardNote[] {
  const active = guide && (guide.status === 'active' || guide.status === 'paused') ? guide : null;
  const notes: GuardNote[] = [];
  const guards = new Set(consoleId ? consoleOf(consoleId).guards : []);
  const controls = controlIndex(doc);
  if (guards.has('download-token')) {
    for (const button of controls(CONTROL_LABELS.downloadToken)) {
      const server = serverOf(button);
      if (active?.kind === 'ade' && server && normName(server) === normName(active.name)) {
        notes.push({ anchor: button, level: 'ok', say: 'download-token-ok', name: active.name });
      } else if (active?.kind === 'ade') {
        notes.push({ anchor: button, level: 'danger', say: 'download-token-other', name: active.name });
      } else {
        notes.push({ anchor: button, level: 'danger', say: 'download-token' });
      }
    }
  }
  if (guards.has('create-certificate')) for (const el of controls(CREATE)) notes.push({ anchor: el, level: 'danger', say: 'create-certificate' });
  if (guards.has('revoke')) for (const el of controls(REVOKE)) notes.push({ anchor: el, level: 'warn', say: 'revoke' });
  if (guards.has('get-started')) {
    for (const el of controls(GET_STARTED)) {
      notes.push({ anchor: el, level: 'danger', say: 'get-started', ...(active?.appleId ? { appleId: active.appleId } : {}) });
    }
  }
  if (guards.has('renew-row')) {
    if (active?.kind === 'apns' && active.topic) {
      for (const renew of controls(CONTROL_LABELS.renew)) {
        const row = renew.closest('tr, [role="row"], li');
        const topic = row ? textOf(row).match(TOPIC_RE)?.[0] : undefined;
        if (!topic) continue;
        notes.push(
          topic === active.topic
            ? { anchor: renew, level: 'ok', say: 'right-row' }
            : { anchor: renew, level: 'danger', say: 'wrong-row', topic: active.topic },
        );
      }
    } else if (active?.kind === 'apns' && active.oldExpiry) {
      // A console that never shows the topic (CLOMO PANEL): the row is told by the expiry the
      // console showed, when exactly one row has it; otherwise nothing is said.
      const right = rowsByExpiry(doc, active.oldExpiry)[0];
      if (right) {
        for (const renew of controls(CONTROL_LABELS.renew)) {
          const row = renew.closest('tr, [role="row"], li');
          if (!row) continue;
          // A Renew outside any certificate's row (a menu, a row with no date) is not called wrong.
          if (row === right || right.contains(renew)) notes.push({ anchor: renew, level: 'ok', say: 'right-row-date', date: active.oldExpiry });
          else if (rowShowsDate(row)) notes.push({ anchor: renew, level: 'danger', say: 'wrong-row-date', date: active.oldExpiry });
        }
      }
    }
  }
  return notes;
}
