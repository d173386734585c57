/**
 * The reading layer on layouts and languages generated here: the same credentials rendered in
 * every structure consoles use × en, fr, ja, de, es must read the same. A new layout or language
 * is one more entry below. Then mutations of a page (shuffled, extra and distractor columns, a
 * removed header, ambiguous dates, missing virtual rows) must give the right credential or none,
 * never a wrong date or kind.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanPage, type AddedSite, type PageScan } from '../../lib/scan';
import { CONSOLES } from '../../lib/consoles/list';

const NOW = new Date('2026-11-22T12:00:00');
type Lang = 'en' | 'fr' | 'ja' | 'de' | 'es';
const LANGS: Lang[] = ['en', 'fr', 'ja', 'de', 'es'];

interface Item {
  name: string;
  appleId: string;
  /** ISO expiry and a distractor date (last sync) on the same row. */
  expires: string;
  sync: string;
  topic?: string;
}

const WORDS: Record<Lang, { name: string; appleId: string; expiry: string; sync: string; topic: string; heading: Record<'ade' | 'vpp' | 'apns', string>; sentence: (kind: 'ade' | 'vpp', name: string, date: string) => string }> = {
  en: {
    name: 'Token name', appleId: 'Apple ID', expiry: 'Expiration date', sync: 'Last successful sync', topic: 'Subject ID',
    heading: { ade: 'Enrollment program tokens', vpp: 'Apple VPP tokens', apns: 'Apple MDM push certificate' },
    sentence: (k, n, d) => `The ${k === 'ade' ? 'enrollment program token' : 'VPP token'} “${n}” expires on ${d}. Renew it before then.`,
  },
  fr: {
    name: 'Nom du jeton', appleId: 'ID Apple', expiry: "Date d'expiration", sync: 'Dernière synchronisation', topic: "ID d'objet",
    heading: { ade: "Jetons du programme d'inscription", vpp: 'Jetons VPP Apple', apns: 'Certificat Push MDM Apple' },
    sentence: (k, n, d) => `Le ${k === 'ade' ? "jeton du programme d'inscription" : 'jeton VPP'} « ${n} » expire le ${d}. Renouvelez-le avant.`,
  },
  ja: {
    name: 'トークン名', appleId: 'Apple ID', expiry: '有効期限', sync: '最終同期', topic: 'サブジェクト ID',
    heading: { ade: '登録プログラム トークン', vpp: 'Apple VPP トークン', apns: 'Apple MDM プッシュ証明書' },
    sentence: (k, n, d) => `${k === 'ade' ? '登録プログラム トークン' : 'VPP トークン'}「${n}」の有効期限は ${d} です。`,
  },
  de: {
    name: 'Tokenname', appleId: 'Apple-ID', expiry: 'Ablaufdatum', sync: 'Letzte Synchronisierung', topic: 'Antragsteller-ID',
    heading: { ade: 'Token für Registrierungsprogramm', vpp: 'Apple-VPP-Token', apns: 'Apple-MDM-Push-Zertifikat' },
    sentence: (k, n, d) => `Das ${k === 'ade' ? 'Token für Registrierungsprogramm' : 'VPP-Token'} „${n}“ läuft am ${d} ab. Bitte rechtzeitig erneuern.`,
  },
  es: {
    name: 'Nombre de token', appleId: 'Id. de Apple', expiry: 'Fecha de expiración', sync: 'Última sincronización', topic: 'Id. de asunto',
    heading: { ade: 'Tokens del programa de inscripción', vpp: 'Tokens de VPP de Apple', apns: 'Certificado push MDM de Apple' },
    sentence: (k, n, d) => `El ${k === 'ade' ? 'token del programa de inscripción' : 'token de VPP'} «${n}» caduca el ${d}. Renuévelo antes.`,
  },
};

/** A date as each language prints it; the day is above 12 so that the language alone settles it. */
function printed(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  switch (lang) {
    case 'en': return `${m}/${d}/${y}`;
    case 'fr': return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
    case 'ja': return `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`;
    case 'de': return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
    case 'es': return `${d}/${m}/${y}`;
  }
}

const ITEMS: Item[] = [
  { name: 'Contoso – Headquarters', appleId: 'abm@contoso.example', expires: '2027-03-14', sync: '2026-11-21' },
  { name: 'Contoso – Retail 2', appleId: 'retail@contoso.example', expires: '2026-12-25', sync: '2026-11-20' },
];
const PUSH: Item = { name: '', appleId: 'push@contoso.example', expires: '2027-02-17', sync: '2026-02-17', topic: 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34' };

type Layout = { id: string; list(kind: 'ade' | 'vpp', items: Item[], lang: Lang): string; sentences?: true };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Each layout renders a list of tokens (name, Apple ID, expiry, last sync) its own way. */
const LAYOUTS: Layout[] = [
  {
    id: 'th table',
    list: (_k, items, l) => {
      const w = WORDS[l];
      return `<table><thead><tr><th>${w.name}</th><th>${w.appleId}</th><th>${w.sync}</th><th>${w.expiry}</th></tr></thead><tbody>${items
        .map((i) => `<tr><td>${esc(i.name)}<div><a href="#">Edit</a> | <a href="#">Sync</a></div></td><td>${i.appleId}</td><td>${printed(i.sync, l)}</td><td>${printed(i.expires, l)}</td></tr>`)
        .join('')}</tbody></table>`;
    },
  },
  {
    id: 'td header table',
    list: (_k, items, l) => {
      const w = WORDS[l];
      return `<table><tr><td>${w.expiry}</td><td>${w.name}</td><td>${w.appleId}</td><td>${w.sync}</td></tr>${items
        .map((i) => `<tr><td>${printed(i.expires, l)}</td><td>${esc(i.name)}</td><td>${i.appleId}</td><td>${printed(i.sync, l)}</td></tr>`)
        .join('')}</table>`;
    },
  },
  {
    id: 'split header table',
    list: (_k, items, l) => {
      const w = WORDS[l];
      return `<div><table role="presentation"><thead><tr><th id="h-cb"><input type="checkbox"></th><th id="h-n"><div>${w.name}<span class="s-ico"></span></div></th><th id="h-a">${w.appleId}</th><th id="h-e">${w.expiry}</th><th id="h-s">${w.sync}</th></tr></thead></table></div>
        <div><table role="presentation"><tbody><tr><td></td><td></td><td></td><td></td><td></td></tr>${items
          .map((i) => `<tr><td aria-describedby="h-cb"><input type="checkbox"></td><td aria-describedby="h-n">${esc(i.name)}</td><td aria-describedby="h-a">${i.appleId}</td><td aria-describedby="h-e">${printed(i.expires, l)}</td><td aria-describedby="h-s">${printed(i.sync, l)}</td></tr>`)
          .join('')}</tbody></table></div>`;
    },
  },
  {
    id: 'Fluent grid (checkbox column, automation keys, drop hints)',
    list: (k, items, l) => {
      const w = WORDS[l];
      const head = (key: string, text: string) => `<div role="columnheader" data-item-key="${key}"><span>${text}</span><i aria-hidden="true">\uE70D</i><div class="drop-hint"></div></div>`;
      return `<div role="grid" aria-label="${WORDS[l].heading[k]}" aria-colcount="5" aria-rowcount="${items.length + 1}"><div role="row"><div role="columnheader" data-item-key="cb"></div>${head('expirationDate', w.expiry)}${head('name', w.name)}${head('lastSync', w.sync)}${head('appleId', w.appleId)}</div>${items
        .map(
          (i, n) =>
            `<div role="row" data-automationid="DetailsRow" data-item-index="${n}"><div role="gridcell" data-automation-key="cb"><input type="checkbox"></div><div role="gridcell" data-automation-key="name"><a href="#">${esc(i.name)}</a></div><div role="gridcell" data-automation-key="appleId">${i.appleId}</div><div role="gridcell" data-automation-key="expirationDate">${printed(i.expires, l)}</div><div role="gridcell" data-automation-key="lastSync">${printed(i.sync, l)}</div></div>`,
        )
        .join('')}</div>`;
    },
  },
  {
    id: 'definition lists',
    list: (_k, items, l) => {
      const w = WORDS[l];
      return `<ul>${items.map((i) => `<li><dl><dt>${w.name}</dt><dd>${esc(i.name)}</dd><dt>${w.sync}</dt><dd>${printed(i.sync, l)}</dd><dt>${w.expiry}</dt><dd>${printed(i.expires, l)}</dd><dt>${w.appleId}</dt><dd>${i.appleId}</dd></dl></li>`).join('')}</ul>`;
    },
  },
  {
    id: 'label/value divs',
    list: (_k, items, l) => {
      const w = WORDS[l];
      const pair = (a: string, b: string) => `<div><div><span>${a}</span></div><div>${b}</div></div>`;
      return items.map((i) => `<div>${pair(w.name, esc(i.name))}${pair(w.appleId, i.appleId)}${pair(w.expiry, printed(i.expires, l))}${pair(w.sync, printed(i.sync, l))}</div>`).join('');
    },
  },
  {
    id: '<label for> and read-only inputs',
    list: (_k, items, l) => {
      const w = WORDS[l];
      return items
        .map((i, n) => `<form><div><label for="n${n}">${w.name}</label><input id="n${n}" readonly value="${esc(i.name)}"></div><div><label for="a${n}">${w.appleId}</label><input id="a${n}" readonly value="${i.appleId}"></div><div><label for="e${n}">${w.expiry}</label><input id="e${n}" readonly value="${printed(i.expires, l)}"></div><div><label for="s${n}">${w.sync}</label><input id="s${n}" readonly value="${printed(i.sync, l)}"></div></form>`)
        .join('');
    },
  },
  {
    id: 'aria-labelledby',
    list: (_k, items, l) => {
      const w = WORDS[l];
      const pair = (id: string, a: string, b: string) => `<div><span id="${id}">${a}</span> <span aria-labelledby="${id}">${b}</span></div>`;
      return items.map((i, n) => `<div role="group">${pair(`n${n}`, w.name, esc(i.name))}${pair(`s${n}`, w.sync, printed(i.sync, l))}${pair(`e${n}`, w.expiry, printed(i.expires, l))}${pair(`a${n}`, w.appleId, i.appleId)}</div>`).join('');
    },
  },
  {
    id: 'Label: value<br> runs',
    list: (_k, items, l) => {
      const w = WORDS[l];
      return items.map((i) => `<p><b>${w.name}:</b> ${esc(i.name)}<br>${w.appleId}: ${i.appleId}<br><b>${w.sync}:</b> ${printed(i.sync, l)}<br>${w.expiry}: ${printed(i.expires, l)}</p>`).join('');
    },
  },
  {
    id: 'cards',
    list: (_k, items, l) => {
      const w = WORDS[l];
      return `<div role="list">${items.map((i) => `<div role="listitem"><h3>${esc(i.name)}</h3><span>${w.sync}: ${printed(i.sync, l)}</span> <span>${w.expiry}: ${printed(i.expires, l)}</span> <span>${w.appleId}: ${i.appleId}</span><button>Download</button></div>`).join('')}</div>`;
    },
  },
  {
    id: 'expiry inside a status cell, time after a <br>, date in a nested table',
    list: (_k, items, l) => {
      const w = WORDS[l];
      return `<table><thead><tr><th>${w.name}</th><th>${w.appleId}</th><th>Status</th><th>${w.sync}</th></tr></thead><tbody>${items
        .map((i) => `<tr><td>${esc(i.name)}</td><td>${i.appleId}</td><td><span>OK</span> · ${w.expiry}: ${printed(i.expires, l)}<br>10:41</td><td><table><tr><td>${printed(i.sync, l)}</td></tr><tr><td>09:00</td></tr></table></td></tr>`)
        .join('')}</tbody></table>`;
    },
  },
  {
    id: 'plain div grid (rows of spans, a header row of labels, no roles)',
    list: (_k, items, l) => {
      const w = WORDS[l];
      const row = (cells: string[]) => `<div class="row">${cells.map((c) => `<span class="col">${c}</span>`).join('')}</div>`;
      return `<div class="list">${row([w.name, w.appleId, w.sync, w.expiry])}${items.map((i) => row([`<a href="#">${esc(i.name)}</a>`, i.appleId, printed(i.sync, l), printed(i.expires, l)])).join('')}</div>`;
    },
  },
  {
    id: 'tiles: <small>label</small><br>value, bare text values',
    list: (_k, items, l) => {
      const w = WORDS[l];
      const kv = (a: string, b: string) => `<p class="kv"><small>${a}</small><br>${b}</p>`;
      return items.map((i) => `<div class="tile" role="group">${kv(w.name, `<b>${esc(i.name)}</b>`)}${kv(w.appleId, i.appleId)}${kv(w.sync, printed(i.sync, l))}${kv(w.expiry, `<b>${printed(i.expires, l)}</b>`)}</div>`).join('');
    },
  },
  {
    id: 'alert sentences',
    sentences: true,
    list: (k, items, l) => items.map((i) => `<div role="alert"><p>${esc(WORDS[l].sentence(k, i.name, printed(i.expires, l)))}</p></div>`).join(''),
  },
];

function page(lang: Lang, heading: string, body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html lang="${lang}"><head><title>${heading}</title></head><body><main><h1>${heading}</h1>${body}</main></body></html>`, 'text/html');
}

const comparable = (scan: PageScan) =>
  scan.credentials
    .map(({ kind, name, expiresOn, appleId, topic }) => ({ kind, name, expiresOn, ...(appleId ? { appleId } : {}), ...(topic ? { topic } : {}) }))
    .sort((a, b) => a.name.localeCompare(b.name));

/**
 * Where the matrix runs: a seed console, a console turned on (Jamf Cloud) and consoles added at
 * their own address (CLOMO PANEL, any other MDM): reading is the shared layer's everywhere.
 */
const WHERE: { id: string; url: string; sites?: AddedSite[] }[] = [
  { id: 'intune', url: 'https://intune.microsoft.com/#view/tokens' },
  { id: 'jamf', url: 'https://contoso.jamfcloud.com/view/settings/global' },
  { id: 'clomo', url: 'https://mdm.contoso.example/settings', sites: [{ console: 'clomo', origin: 'https://mdm.contoso.example' }] },
  { id: 'other', url: 'https://fleet.contoso.example:8443/apple', sites: [{ console: 'other', origin: 'https://fleet.contoso.example:8443' }] },
];

describe('layout matrix: the same credentials in every layout and language, on every kind of console', () => {
  for (const where of WHERE) for (const kind of ['ade', 'vpp'] as const) {
    for (const layout of LAYOUTS) {
      for (const lang of LANGS) {
        it(`${where.id} · ${kind} · ${layout.id} · ${lang}`, () => {
          const doc = page(lang, WORDS[lang].heading[kind], layout.list(kind, ITEMS, lang));
          const scan = scanPage(where.url, doc, NOW, { sites: where.sites });
          expect(scan.console).toBe(where.id);
          const expected = ITEMS.map((i) => ({ kind, name: i.name, expiresOn: i.expires, ...(layout.sentences ? {} : { appleId: i.appleId }) })).sort((a, b) => a.name.localeCompare(b.name));
          expect(comparable(scan)).toEqual(expected);
          expect(scan.unreadable).toBeUndefined();
        });
      }
    }
  }
});

/** Consoles with words of their own, where their pages are: the matrix again under each console's own name for the credential. */
const OWN_WHERE: { id: string; url: string; sites?: AddedSite[] }[] = [
  { id: 'jamf', url: 'https://contoso.jamfcloud.com/view/settings/global' },
  { id: 'clomo', url: 'https://mdm.contoso.example/settings', sites: [{ console: 'clomo', origin: 'https://mdm.contoso.example' }] },
  { id: 'workspace-one', url: 'https://cn1506.awmdm.com/AirWatch/#/settings/apple' },
  { id: 'kandji', url: 'https://contoso.kandji.io/my-company/integrations' },
  { id: 'mosyle', url: 'https://business.mosyle.com/#/basic-setup' },
];

describe("layout matrix under each console's own words: a heading in the console's name for the credential is enough", () => {
  for (const where of OWN_WHERE) {
    const words = CONSOLES.find((c) => c.id === where.id)!.words!;
    for (const kind of ['ade', 'vpp'] as const) {
      for (const heading of words.kinds[kind] ?? []) {
        for (const layout of LAYOUTS) {
          for (const lang of ['en', 'ja'] as const) {
            it(`${where.id} · "${heading}" · ${layout.id} · ${lang}`, () => {
              const doc = page(lang, heading, layout.list(kind, ITEMS, lang));
              const scan = scanPage(where.url, doc, NOW, { sites: where.sites });
              expect(scan.console).toBe(where.id);
              const expected = ITEMS.map((i) => ({ kind, name: i.name, expiresOn: i.expires, ...(layout.sentences ? {} : { appleId: i.appleId }) })).sort((a, b) => a.name.localeCompare(b.name));
              expect(comparable(scan)).toEqual(expected);
            });
          }
        }
      }
    }
  }
});

/** A validity period's label in each language: its end is the expiry. */
const PERIOD: Record<Lang, string> = { en: 'Validity', fr: 'Validité', ja: '有効期間', de: 'Gültigkeit', es: 'Validez' };

/** A lone push certificate (the console's certificate page) in every single-record layout. */
const PUSH_LAYOUTS: { id: string; render(lang: Lang): string }[] = [
  { id: 'dl', render: (l) => `<dl><dt>${WORDS[l].sync}</dt><dd>${printed(PUSH.sync, l)}</dd><dt>${WORDS[l].expiry}</dt><dd>${printed(PUSH.expires, l)}</dd><dt>${WORDS[l].appleId}</dt><dd>${PUSH.appleId}</dd><dt>${WORDS[l].topic}</dt><dd>${PUSH.topic}</dd></dl>` },
  { id: 'two-column form table', render: (l) => `<table><tr><th>${WORDS[l].appleId}</th><td>${PUSH.appleId}</td></tr><tr><th>${WORDS[l].topic}</th><td>${PUSH.topic}</td></tr><tr><td>${WORDS[l].expiry}</td><td>${printed(PUSH.expires, l)}</td></tr></table>` },
  { id: 'essentials divs', render: (l) => `<div><div><div>${WORDS[l].appleId}</div><div>${PUSH.appleId}</div></div><div><div>${WORDS[l].expiry}</div><div>${printed(PUSH.expires, l)}</div></div></div><div><div><div>${WORDS[l].topic}</div><div>${PUSH.topic}</div></div></div>` },
  { id: 'label for', render: (l) => `<label for="a">${WORDS[l].appleId}</label><input id="a" value="${PUSH.appleId}"><label for="t">${WORDS[l].topic}</label><input id="t" value="${PUSH.topic}"><label for="e">${WORDS[l].expiry}</label><input id="e" value="${printed(PUSH.expires, l)}">` },
  { id: 'certificate summary nested in a form table, validity as a period', render: (l) => `<table role="presentation"><tr><td>Certificate</td><td><table><tr><td>${WORDS[l].topic}</td><td>${PUSH.topic}</td></tr><tr><td>${PERIOD[l]}</td><td>${printed(PUSH.sync, l)} – ${printed(PUSH.expires, l)}</td></tr></table></td></tr><tr><td>${WORDS[l].appleId}</td><td>${PUSH.appleId}</td></tr></table>` },
  { id: 'Label: value<br>', render: (l) => `<div><b>${WORDS[l].appleId}:</b> ${PUSH.appleId}<br><b>${WORDS[l].topic}:</b> ${PUSH.topic}<br><b>${WORDS[l].expiry}:</b> ${printed(PUSH.expires, l)}<br></div>` },
];

describe('layout matrix: a push certificate page in every single-record layout and language, on every kind of console', () => {
  for (const where of WHERE) for (const layout of PUSH_LAYOUTS) {
    for (const lang of LANGS) {
      it(`${where.id} · apns · ${layout.id} · ${lang}`, () => {
        const doc = page(lang, WORDS[lang].heading.apns, layout.render(lang));
        const scan = scanPage(where.url, doc, NOW, { sites: where.sites });
        expect(comparable(scan)).toEqual([{ kind: 'apns', name: '', expiresOn: PUSH.expires, appleId: PUSH.appleId, topic: PUSH.topic }]);
      });
    }
  }
});

describe('mutations: the right credential or none, never a wrong date or kind', () => {
  const w = WORDS.en;
  const columns = {
    name: (i: Item) => [w.name, esc(i.name)],
    appleId: (i: Item) => [w.appleId, i.appleId],
    expiry: (i: Item) => [w.expiry, printed(i.expires, 'en')],
    sync: (i: Item) => [w.sync, printed(i.sync, 'en')],
    created: (i: Item) => ['Created', printed(i.sync.replace('2026', '2025'), 'en')],
    uploaded: (i: Item) => ['Uploaded', printed(i.sync, 'en')],
    devices: () => ['Number of devices', '412'],
    warranty: () => ['Warranty end', '12/31/2028'],
    profile: () => ['Default profile', 'Corporate iPad'],
  } as const;
  type Column = keyof typeof columns;
  const table = (cols: Column[], items: Item[], header = true) =>
    `<table>${header ? `<thead><tr>${cols.map((c) => `<th>${columns[c](ITEMS[0]!)[0]}</th>`).join('')}</tr></thead>` : ''}<tbody>${items
      .map((i) => `<tr>${cols.map((c) => `<td>${columns[c](i)[1]}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const expected = ITEMS.map((i) => ({ kind: 'ade', name: i.name, expiresOn: i.expires, appleId: i.appleId })).sort((a, b) => a.name.localeCompare(b.name));
  const scan = (body: string, lang: Lang | '' = 'en') =>
    scanPage('https://intune.microsoft.com/#view/tokens', new DOMParser().parseFromString(`<html${lang ? ` lang="${lang}"` : ''}><body><h1>${w.heading.ade}</h1>${body}</body></html>`, 'text/html'), NOW);

  it('any order of columns, any distractor columns beside the expiry: the same credentials', () => {
    const extra: Column[] = ['sync', 'created', 'uploaded', 'devices', 'warranty', 'profile'];
    fc.assert(
      fc.property(fc.shuffledSubarray(extra), fc.integer({ min: 0, max: 1_000 }), (chosen, seed) => {
        const cols: Column[] = ['name', 'appleId', 'expiry', ...chosen];
        // A deterministic shuffle of every column from the seed.
        const shuffled = [...cols].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7) || a.localeCompare(b));
        expect(comparable(scan(table(shuffled, ITEMS)))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('a removed header row: no credential rather than a guess', () => {
    const result = scan(table(['name', 'appleId', 'sync', 'expiry'], ITEMS, false));
    for (const c of result.credentials) expect(expected).toContainEqual(expect.objectContaining({ name: c.name, expiresOn: c.expiresOn }));
  });

  it('the expiry column replaced by a last-sync column only: no expiry is invented', () => {
    const result = scan(table(['name', 'appleId', 'sync'], ITEMS));
    expect(result.credentials).toEqual([]);
  });

  it('a date swapped for an ambiguous one: read only as its column settles it, or not at all', () => {
    const items = [{ ...ITEMS[0]! }, { ...ITEMS[1]!, expires: '2027-04-03' }];
    // On a page in plain English, the column (3/14/2027) settles month-first: April 3.
    const settled = comparable(scan(table(['name', 'appleId', 'expiry'], items)));
    expect(settled.find((c) => c.name === items[1]!.name)?.expiresOn).toBe('2027-04-03');
    // Alone, on a page whose language leaves the order open (en-CA), it is not read.
    const alone = scan(table(['name', 'appleId', 'expiry'], [items[1]!]), '' as Lang).credentials;
    expect(alone.map((c) => c.expiresOn)).toEqual([null]);
  });

  it('every date of a page ambiguous and the language open: no date, and the page says it could not read them', () => {
    const items = ITEMS.map((i, n) => ({ ...i, expires: n ? '2027-05-06' : '2027-03-04', sync: '2026-10-11' }));
    const result = scan(table(['name', 'appleId', 'expiry', 'sync'], items), '' as Lang);
    expect(result.credentials.map((c) => c.expiresOn)).toEqual([null, null]);
    expect(result.unreadable?.count).toBe(2);
  });

  it('a virtualised grid showing some of its rows: the rows shown, and the grid marked partial', () => {
    const doc = page('en', w.heading.ade, LAYOUTS[3]!.list('ade', ITEMS, 'en').replace(/aria-rowcount="\d+"/, 'aria-rowcount="301"'));
    const result = scanPage('https://intune.microsoft.com/#view/tokens', doc, NOW);
    expect(comparable(result)).toEqual(expected);
    expect(result.partial).toEqual({ shown: 2, total: 300 });
  });

  it('a row naming two kinds, on a page of mixed kinds: not a credential', () => {
    const body = `<h2>Connector status</h2><table><thead><tr><th>Connector</th><th>Status</th><th>Expiration date</th></tr></thead><tbody>
      <tr><td>Apple VPP and enrollment program tokens</td><td>Warning</td><td>3/14/2027</td></tr>
      <tr><td>Apple push notification certificate</td><td>Healthy</td><td>2/17/2027</td></tr></tbody></table>`;
    const result = scanPage('https://intune.microsoft.com/#view/status', new DOMParser().parseFromString(`<html lang="en"><body><h1>Tenant status</h1>${body}</body></html>`, 'text/html'), NOW);
    expect(comparable(result)).toEqual([{ kind: 'apns', name: '', expiresOn: '2027-02-17' }]);
    expect(result.unreadable?.count).toBe(1);
  });

  it('a page that is not a credential page, with dates and the word "expires": nothing', () => {
    const body = `<h1>Devices</h1><table><thead><tr><th>Device</th><th>Last check-in</th><th>Warranty expires</th></tr></thead><tbody><tr><td>iPad-1</td><td>11/21/2026</td><td>3/14/2027</td></tr></tbody></table><p>AppleCare expires Mar 3, 2027.</p>`;
    const result = scanPage('https://intune.microsoft.com/#view/devices', new DOMParser().parseFromString(`<html lang="en"><body>${body}</body></html>`, 'text/html'), NOW);
    expect(result).toEqual({ console: 'intune', page: null, credentials: [] });
  });
});

describe('a settings form of several sections beside another block with an expiry', () => {
  // Found by the page fuzz: a banner of another page's words at the end of a CLOMO settings form
  // made the whole form one record, and its ADE date was read as the push certificate's.
  it('each expiry stays with its own section: the ADE token is ADE, the push certificate section gives no date', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../fixtures/unseen/clomo/kihon-settei-dep.html'), 'utf8').replace(
      '</body>',
      '<div class="banner"><p>コンテンツトークン 本校 有効期限：2027年3月31日 ダウンロード</p></div></body>',
    );
    const expected = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/unseen/clomo/kihon-settei-dep.expected.json'), 'utf8')) as { url: string; sites?: AddedSite[] };
    const scan = scanPage(expected.url, new DOMParser().parseFromString(html, 'text/html'), NOW, expected.sites ? { sites: expected.sites } : undefined);
    expect(scan.credentials.find((c) => c.expiresOn === '2027-01-20')).toMatchObject({ kind: 'ade', appleId: 'dep-admin@acme.example' });
    expect(scan.credentials.filter((c) => c.kind === 'apns' && c.expiresOn)).toEqual([]);
  });
});

describe('hostile page text', () => {
  it('a name a page made a megabyte long is cut, and the date is still read', () => {
    const huge = 'N'.repeat(1_000_000);
    const doc = new DOMParser().parseFromString(`<html lang="en"><body><h1>Enrollment program tokens</h1><dl><dt>Token name</dt><dd>${huge}</dd><dt>Expiration date</dt><dd>6/4/2027</dd></dl></body></html>`, 'text/html');
    const [c] = scanPage('https://intune.microsoft.com/#view/tokens', doc, NOW).credentials;
    expect(c?.expiresOn).toBe('2027-06-04');
    expect(c!.name.length).toBeLessThanOrEqual(200);
  });
});

/**
 * Health beside the date: every status word in five languages, in a status column (every state),
 * a badge on a card and a notice sentence (the states a date cannot tell), on every kind of
 * console; and a terms banner said of no token in particular, which every token on the page waits for.
 */
type Said = 'active' | 'expired' | 'revoked' | 'invalid' | 'taken-by-other-mdm' | 'duplicate' | 'expiring';
const STATUS: Record<Lang, { label: string; words: Record<Said, string>; token: string; notice: Record<'revoked' | 'invalid' | 'taken-by-other-mdm' | 'duplicate', (t: string, n: string) => string>; terms: string }> = {
  en: {
    label: 'Status',
    words: { active: 'Active', expired: 'Expired', revoked: 'Revoked', invalid: 'Invalid', 'taken-by-other-mdm': 'Assigned to external MDM', duplicate: 'Duplicate', expiring: 'Expiring soon' },
    token: 'VPP token',
    notice: {
      revoked: (t, n) => `The ${t} “${n}” was revoked.`,
      invalid: (t, n) => `The ${t} “${n}” is invalid.`,
      'taken-by-other-mdm': (t, n) => `The ${t} “${n}” is assigned to an external MDM.`,
      duplicate: (t, n) => `The ${t} “${n}” is a duplicate.`,
    },
    terms: 'New terms and conditions are available. Review and accept them in Apple Business Manager to keep syncing.',
  },
  fr: {
    label: 'Statut',
    words: { active: 'Actif', expired: 'Expiré', revoked: 'Révoqué', invalid: 'Non valide', 'taken-by-other-mdm': 'Affecté à une gestion MDM externe', duplicate: 'En double', expiring: 'Expire bientôt' },
    token: 'jeton VPP',
    notice: {
      revoked: (t, n) => `Le ${t} « ${n} » a été révoqué.`,
      invalid: (t, n) => `Le ${t} « ${n} » est invalide.`,
      'taken-by-other-mdm': (t, n) => `Le ${t} « ${n} » est affecté à une gestion MDM externe.`,
      duplicate: (t, n) => `Le ${t} « ${n} » est en double.`,
    },
    terms: 'De nouvelles conditions générales sont disponibles. Acceptez-les dans Apple Business Manager pour continuer la synchronisation.',
  },
  ja: {
    label: '状態',
    words: { active: '有効', expired: '期限切れ', revoked: '取り消し済み', invalid: '無効', 'taken-by-other-mdm': '外部 MDM に割り当てられています', duplicate: '重複', expiring: 'まもなく期限切れ' },
    token: 'VPP トークン',
    notice: {
      revoked: (t, n) => `${t}「${n}」は取り消されました。`,
      invalid: (t, n) => `${t}「${n}」は無効です。`,
      'taken-by-other-mdm': (t, n) => `${t}「${n}」は外部 MDM に割り当てられています。`,
      duplicate: (t, n) => `${t}「${n}」は重複しています。`,
    },
    terms: '新しい利用規約があります。Apple Business Manager で同意してください。',
  },
  de: {
    label: 'Status',
    words: { active: 'Aktiv', expired: 'Abgelaufen', revoked: 'Widerrufen', invalid: 'Ungültig', 'taken-by-other-mdm': 'Externer MDM zugewiesen', duplicate: 'Duplikat', expiring: 'Läuft bald ab' },
    token: 'VPP-Token',
    notice: {
      revoked: (t, n) => `Das ${t} „${n}“ wurde widerrufen.`,
      invalid: (t, n) => `Das ${t} „${n}“ ist ungültig.`,
      'taken-by-other-mdm': (t, n) => `Das ${t} „${n}“ ist einem externen MDM zugewiesen.`,
      duplicate: (t, n) => `Das ${t} „${n}“ ist ein Duplikat.`,
    },
    terms: 'Neue Nutzungsbedingungen sind verfügbar. Akzeptieren Sie sie in Apple Business Manager.',
  },
  es: {
    label: 'Estado',
    words: { active: 'Activo', expired: 'Caducado', revoked: 'Revocado', invalid: 'No válido', 'taken-by-other-mdm': 'Asignado a una MDM externa', duplicate: 'Duplicado', expiring: 'Vence pronto' },
    token: 'token de VPP',
    notice: {
      revoked: (t, n) => `El ${t} «${n}» fue revocado.`,
      invalid: (t, n) => `El ${t} «${n}» es inválido.`,
      'taken-by-other-mdm': (t, n) => `El ${t} «${n}» está asignado a una MDM externa.`,
      duplicate: (t, n) => `El ${t} «${n}» está duplicado.`,
    },
    terms: 'Hay nuevos términos y condiciones. Acéptelos en Apple Business Manager para seguir sincronizando.',
  },
};

const healthOf = (scan: PageScan) => Object.fromEntries(scan.credentials.map((c) => [c.name, { expiresOn: c.expiresOn, health: c.health }]));
const plainTable = (l: Lang) => {
  const w = WORDS[l];
  return `<table><thead><tr><th>${w.name}</th><th>${w.expiry}</th></tr></thead><tbody>${ITEMS.map((i) => `<tr><td>${esc(i.name)}</td><td>${printed(i.expires, l)}</td></tr>`).join('')}</tbody></table>`;
};

describe('health matrix: status words in five languages, in a status column, a badge and a notice, on every kind of console', () => {
  const [first, second] = ITEMS as [Item, Item];
  for (const where of WHERE) {
    for (const lang of LANGS) {
      const s = STATUS[lang];
      const w = WORDS[lang];
      for (const said of Object.keys(s.words) as Said[]) {
        it(`${where.id} · ${lang} · status column · ${said}`, () => {
          const body = `<table><thead><tr><th>${w.name}</th><th>${s.label}</th><th>${w.expiry}</th></tr></thead><tbody>
            <tr><td>${esc(first.name)}</td><td><span class="pill">${s.words[said]}</span></td><td>${printed(first.expires, lang)}</td></tr>
            <tr><td>${esc(second.name)}</td><td>${s.words.active}</td><td>${printed(second.expires, lang)}</td></tr></tbody></table>`;
          const scan = scanPage(where.url, page(lang, w.heading.vpp, body), NOW, { sites: where.sites });
          expect(healthOf(scan)).toEqual({ [first.name]: { expiresOn: first.expires, health: said }, [second.name]: { expiresOn: second.expires, health: 'active' } });
        });
      }
      for (const said of Object.keys(s.notice) as (keyof (typeof s)['notice'])[]) {
        it(`${where.id} · ${lang} · badge · ${said}`, () => {
          const card = (i: Item, badge: string) => `<li class="card"><h3>${esc(i.name)}</h3>${badge}<p>${w.expiry}: ${printed(i.expires, lang)}</p></li>`;
          const body = `<ul>${card(first, `<span class="badge">${s.words[said]}</span>`)}${card(second, '')}</ul>`;
          const scan = scanPage(where.url, page(lang, w.heading.vpp, body), NOW, { sites: where.sites });
          expect(healthOf(scan)).toEqual({ [first.name]: { expiresOn: first.expires, health: said }, [second.name]: { expiresOn: second.expires, health: undefined } });
        });
        it(`${where.id} · ${lang} · notice · ${said}`, () => {
          const body = `<div role="alert"><p>${esc(s.notice[said](s.token, first.name))}</p></div>${plainTable(lang)}`;
          const scan = scanPage(where.url, page(lang, w.heading.vpp, body), NOW, { sites: where.sites });
          expect(healthOf(scan)).toEqual({ [first.name]: { expiresOn: first.expires, health: said }, [second.name]: { expiresOn: second.expires, health: undefined } });
          // The token's own row was read: not an alert from elsewhere.
          expect(scan.credentials.every((c) => !c.via)).toBe(true);
        });
      }
      it(`${where.id} · ${lang} · terms banner over the tokens`, () => {
        const body = `<div class="banner"><p>${esc(s.terms)}</p></div>${plainTable(lang)}`;
        const scan = scanPage(where.url, page(lang, w.heading.vpp, body), NOW, { sites: where.sites });
        expect(healthOf(scan)).toEqual({ [first.name]: { expiresOn: first.expires, health: 'terms-pending' }, [second.name]: { expiresOn: second.expires, health: 'terms-pending' } });
      });
    }
  }

  it('a terms banner naming no product at all still holds every token on the page', () => {
    const body = `<div role="alert">New terms and conditions are available. Review and accept them to continue.</div>${plainTable('en')}`;
    const scan = scanPage(WHERE[0]!.url, page('en', WORDS.en.heading.ade, body), NOW);
    expect(scan.credentials.map((c) => c.health)).toEqual(['terms-pending', 'terms-pending']);
  });

  it('a footer link to the terms, and a token called "Duplicate test": nothing said of health', () => {
    const body = `<table><thead><tr><th>Token name</th><th>Expiration date</th></tr></thead><tbody><tr><td>Duplicate test</td><td>3/14/2027</td></tr></tbody></table><footer><a href="#">Terms and Conditions</a> · <a href="#">Privacy</a></footer>`;
    const scan = scanPage(WHERE[0]!.url, page('en', 'Apple VPP tokens', body), NOW);
    expect(healthOf(scan)).toEqual({ 'Duplicate test': { expiresOn: '2027-03-14', health: undefined } });
  });
});
