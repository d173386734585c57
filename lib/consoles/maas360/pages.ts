/**
 * IBM MaaS360 portal. The page content lives in the `#Content` iframe under `/emc/`; the shell
 * around it holds only menus. Lists are plain tables with the names in the first cell and the
 * row actions (Update, Sync) beneath them.
 */
import type { FoundCredential, PageReader, ScanContext } from '../adapter';
import { parseDisplayedDate } from '../../dates/parse';
import { pageTitles, textOf, titledAs, TOPIC_RE, valueByLabel } from '../../dom/read';
import type { CredentialKind } from '../../credentials/kinds';
import { dateInDays } from '../../credentials/urgency';
import { NAME, SUBJECT_ID } from '../labels';
import { credentialFromLabels, titledTableReader } from '../read-helpers';

const DEP_TITLES = ['device enrollment program', 'programme d\'inscription des appareils', 'デバイス登録プログラム', 'dep tokens'];
const VPP_TITLES = ['apple vpp licenses', 'vpp licenses', 'licences vpp', 'vpp ライセンス'];
const TOKEN_NAME = [...NAME, 'token name', 'nom du jeton'];
const HOME_TITLES = ['home', 'accueil', 'ホーム', 'startseite', 'inicio', 'platform notifications', 'alert center', "centre d'alertes", 'アラート センター', 'アラートセンター'];

const depTokens = titledTableReader('dep-tokens', DEP_TITLES, 'ade', { name: TOKEN_NAME });
const vppLicenses = titledTableReader('vpp-licenses', VPP_TITLES, 'vpp', { name: TOKEN_NAME });

/** Setup > Services > Mobile Device Management: the APNS certificate's topic, Apple ID and expiry. */
const APNS_LABEL = ['apns certificate', 'certificat apns', 'apns 証明書', 'apns-zertifikat'];

const apnsCertificate: PageReader = {
  page: 'apns-certificate',
  read(ctx) {
    if (!valueByLabel(ctx.doc, APNS_LABEL) && !titledAs(pageTitles(ctx.doc), APNS_LABEL)) return null;
    const found = credentialFromLabels(ctx.doc, 'apns', ctx, '', { subjectId: SUBJECT_ID });
    if (!found) return null;
    return { page: 'apns-certificate', credentials: [found] };
  },
};

const KIND_WORDS: [RegExp, CredentialKind][] = [
  [/\bapns\b|push (?:notification )?certificate|certificat (?:push|apns)|プッシュ証明書/i, 'apns'],
  [/\bdep\b|device enrollment program|automated device enrollment|\bade\b/i, 'ade'],
  [/\bvpp\b|apps and books|volume purchase/i, 'vpp'],
  [/symantec/i, 'symantec'],
];
const EXPIRY_WORDS = /expir|échéance|期限|有効期限|ablauf|caduc|vence/i;
/** `in 14 days`, `dans 14 jours`, `14 日後`, `あと 14 日`. */
const IN_DAYS = /\b(?:in|within|dans)\s+(\d{1,3})\s+(?:days?|jours?)\b|あと\s*(\d{1,3})\s*日|(\d{1,3})\s*日後/i;
const QUOTED_NAME = /["“'‘«]\s*([^"”'’»]{1,80}?)\s*["”'’»]/;

/** Home page: platform notifications about APNs / DEP / VPP / Symantec expiry. */
const homeNotifications: PageReader = {
  page: 'home-notifications',
  read(ctx) {
    const body = ctx.doc.body;
    if (!body) return null;
    // Only the Home page and the alert center carry these notifications: skip the walk elsewhere.
    if (!titledAs(pageTitles(ctx.doc), HOME_TITLES) && !body.querySelector('[role="alert"]')) return null;
    const credentials: FoundCredential[] = [];
    // Walk text nodes once (linear in the page) and judge only the blocks that hold an expiry word.
    const blocks = new Set<Element>();
    const walker = ctx.doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!EXPIRY_WORDS.test(node.textContent ?? '') || node.parentElement?.closest('table, [role="grid"]')) continue;
      const block = node.parentElement?.closest('[role="alert"], [role="status"], li, p, div');
      if (block && isNotification(textOf(block))) blocks.add(block);
    }
    for (const block of blocks) {
      const text = textOf(block);
      const kind = KIND_WORDS.find(([re]) => re.test(text))?.[1];
      if (!kind) continue;
      let expiresOn = parseDisplayedDate(text, ctx.lang);
      if (!expiresOn) {
        const m = text.match(IN_DAYS);
        const days = m ? Number(m[1] ?? m[2] ?? m[3]) : NaN;
        if (!Number.isNaN(days)) expiresOn = dateInDays(ctx.now, days);
      }
      const name = kind === 'apns' ? '' : (text.match(QUOTED_NAME)?.[1] ?? '');
      const found: FoundCredential = { kind, name, expiresOn, anchor: block };
      const topic = text.match(TOPIC_RE)?.[0];
      if (topic) found.topic = topic;
      credentials.push(found);
    }
    return credentials.length ? { page: 'home-notifications', credentials } : null;
  },
};

function isNotification(text: string): boolean {
  return text.length < 400 && EXPIRY_WORDS.test(text) && KIND_WORDS.some(([re]) => re.test(text));
}

/** The billing account the shell shows (`Billing ID: 30071234`), when this document shows it. */
export function maas360Account(ctx: ScanContext): string | undefined {
  return ctx.doc.body?.textContent?.match(/(?:billing id|identifiant de facturation|請求 ?id)\s*[:：]\s*(\d{4,})/i)?.[1];
}

export const maas360Pages: readonly PageReader[] = [depTokens, vppLicenses, apnsCertificate, homeNotifications];
