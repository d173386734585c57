/**
 * Every console's renewal flows, each in its own folder (lib/consoles/<id>/flows.ts, exporting
 * `flows`), listed once here; architecture.test.ts fails when a folder's flows file is missing
 * from this list. Apart from the console list on purpose: the background and the popup need
 * them, the page reader does not (a guide's state carries its steps), and a page should not load
 * what it never runs.
 */
import type { Flow } from './flow';
import { flows as clomo } from './clomo/flows';
import { flows as intune } from './intune/flows';
import { flows as jamf } from './jamf/flows';
import { flows as maas360 } from './maas360/flows';

export const CONSOLE_FLOWS: readonly Flow[] = [...intune, ...maas360, ...jamf, ...clomo];
