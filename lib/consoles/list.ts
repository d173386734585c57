/**
 * The one list of consoles. Adding a console = its folder under lib/consoles/, one line here,
 * its fixture pages and its locale strings. `ConsoleId` (part of the `scanPage` contract) is
 * derived from this list. Imported by wxt.config.ts (in Node): keep it free of browser APIs.
 */
import { abm, asm } from './apple-business';
import { applePush } from './apple-push';
import { clomo } from './clomo';
import { intune } from './intune';
import { jamf } from './jamf';
import { kandji } from './kandji';
import { maas360 } from './maas360';
import { mosyle } from './mosyle';
import { other } from './other';
import { workspaceOne } from './workspace-one';

export const CONSOLES = [intune, maas360, jamf, clomo, workspaceOne, kandji, mosyle, abm, asm, applePush, other] as const;

export type ConsoleId = (typeof CONSOLES)[number]['id'];

/** Any MDM console: what a credential's guide walks when its console has no flow of its own (Apple's side, then "upload it in your console"). */
export const ANY_MDM: ConsoleId = other.id;
