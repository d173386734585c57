/**
 * Every console's renewal flows, listed once (each lives in lib/consoles/<id>/flows.ts). Apart
 * from the console list on purpose: the background and the popup need them, the content script
 * does not (a guide's state carries its steps), and a page should not load what it never runs.
 */
import { clomoFlows } from './clomo/flows';
import type { Flow } from './flow';
import { intuneFlows } from './intune/flows';
import { jamfFlows } from './jamf/flows';
import { maas360Flows } from './maas360/flows';

export const CONSOLE_FLOWS: readonly Flow[] = [...intuneFlows, ...maas360Flows, ...jamfFlows, ...clomoFlows];
