import { productName } from '../wording/describe';
/** The popup's list: filtered, grouped by console and account, most urgent first. Pure. */
import type { ConsoleId } from '../consoles/types';
import { consoleOf } from '../consoles/hosts';
import { alertDate } from '../credentials/merge';
import type { Credential } from '../credentials/model';
import { daysLeft, URGENCY_ORDER, urgencyOf, type Urgency } from '../credentials/urgency';
import { standing } from '../credentials/health';
import { replacedPushCertificates, type Replaced } from './replaced';

export interface ListItem {
  credential: Credential;
  urgency: Urgency;
  days: number | null;
  /** A push certificate created anew beside another one (see replaced.ts). */
  replaced?: Replaced;
}

export interface ListGroup {
  key: string;
  console?: ConsoleId;
  account?: string;
  items: ListItem[];
}

function rank(item: ListItem): [number, number] {
  return [URGENCY_ORDER.indexOf(item.urgency), item.days ?? Number.MAX_SAFE_INTEGER];
}

function compare(a: ListItem, b: ListItem): number {
  const [ua, da] = rank(a);
  const [ub, db] = rank(b);
  return ua - ub || da - db || a.credential.name.localeCompare(b.credential.name);
}

export function matchesQuery(c: Credential, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const product = c.console ? productName(c.console) : '';
  return [c.name, c.appleId, c.topic, c.account, c.organization, c.owner, c.notes, c.kind, c.console, product, c.expiresOn]
    .some((v) => v && v.toLowerCase().includes(q));
}

export function listGroups(all: readonly Credential[], opts: { query?: string; showArchived?: boolean; now: Date; timeZone?: string }): ListGroup[] {
  const groups = new Map<string, ListGroup>();
  const replaced = replacedPushCertificates(all);
  for (const c of all) {
    if (c.archived && !opts.showArchived) continue;
    if (!matchesQuery(c, opts.query ?? '')) continue;
    const date = alertDate(c);
    // A revoked certificate outranks one expiring next month: the worse of the date and the state read.
    const urgency = standing(urgencyOf(c.kind, date, opts.now, opts.timeZone), c.health?.state).urgency;
    const item: ListItem = { credential: c, urgency, days: date ? daysLeft(date, opts.now, opts.timeZone) : null };
    const pair = replaced.get(c.id);
    if (pair) item.replaced = pair;
    const key = `${c.console ?? ''}|${c.account ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, items: [] };
      if (c.console) group.console = c.console;
      if (c.account) group.account = c.account;
      groups.set(key, group);
    }
    group.items.push(item);
  }
  const list = [...groups.values()];
  for (const g of list) g.items.sort(compare);
  return list.sort((a, b) => compare(a.items[0]!, b.items[0]!));
}
