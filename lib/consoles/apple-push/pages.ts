/**
 * Apple Push Certificates Portal (identity.apple.com/pushcert/), English only. The list page
 * is a table of certificates (Service, Vendor, Expiration Date, Status, actions) whose rows
 * can show the subject DN, that is the push topic the MDM console shows as Subject ID.
 */
import type { FoundCredential, PageReader } from '../adapter';
import { columnOf, pageTitles, readTables, textOf, titledAs, TOPIC_RE } from '../../dom/read';
import { parseDisplayedDate } from '../../dates/parse';
import { EXPIRY, STATUS } from '../labels';
import { primaryText } from '../read-helpers';

const SERVICE = ['service'];
const VENDOR = ['vendor'];

const certificates: PageReader = {
  page: 'certificates',
  read(ctx) {
    const titles = pageTitles(ctx.doc);
    if (!titledAs(titles, ['certificates for third-party servers', 'apple push certificates portal'])) return null;
    const table = readTables(ctx.doc).find((t) => columnOf(t, SERVICE) !== -1 && columnOf(t, EXPIRY) !== -1);
    if (!table) return null;
    const serviceCol = columnOf(table, SERVICE);
    const vendorCol = columnOf(table, VENDOR);
    const expCol = columnOf(table, EXPIRY);
    const statusCol = columnOf(table, STATUS);
    const credentials: FoundCredential[] = [];
    for (const { row, cells } of table.rows) {
      const service = cells[serviceCol];
      const exp = cells[expCol];
      if (!service || !exp || !/mobile device management|\bmdm\b/i.test(textOf(service))) continue;
      const found: FoundCredential = {
        kind: 'apns',
        name: vendorCol === -1 ? '' : primaryText(cells[vendorCol] ?? service),
        expiresOn: parseDisplayedDate(textOf(exp), ctx.lang || 'en-US'),
        anchor: exp,
      };
      const topic = textOf(row).match(TOPIC_RE)?.[0];
      if (topic) found.topic = topic;
      const status = statusCol === -1 ? '' : textOf(cells[statusCol]);
      if (status) found.status = status;
      credentials.push(found);
    }
    return { page: 'certificates', credentials };
  },
};

/** Signed in with an Apple ID that owns no certificate: the portal offers "Get Started". */
const getStarted: PageReader = {
  page: 'get-started',
  read(ctx) {
    const buttons = Array.from(ctx.doc.querySelectorAll('a, button, [role="button"]')).map(textOf);
    if (!buttons.some((b) => /^get started$/i.test(b))) return null;
    return { page: 'get-started', credentials: [] };
  },
};

export const applePushPages: readonly PageReader[] = [certificates, getStarted];
