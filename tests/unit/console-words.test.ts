/**
 * A console's own words (its module's `words`) name credentials on its pages, beside the shared
 * vocabulary, and on no other console's pages.
 */
import { describe, expect, it } from 'vitest';
import { CONSOLES } from '../../lib/consoles/list';
import { kindsIn, normWords } from '../../lib/consoles/vocabulary';
import { scanPage } from '../../lib/scan';

const NOW = new Date('2026-11-22T12:00:00Z');
const page = (body: string) => new DOMParser().parseFromString(`<!doctype html><html lang="ja"><body>${body}</body></html>`, 'text/html');

describe("a console's own words", () => {
  const withWords = CONSOLES.filter((c) => 'words' in c && c.words);
  it('every MDM console but the generic one has a vocabulary profile', () => {
    const mdm = CONSOLES.filter((c) => c.role === 'mdm' && c.id !== 'other').map((c) => c.id);
    expect(withWords.map((c) => c.id).sort()).toEqual(expect.arrayContaining([...mdm].filter((id) => id !== 'intune' && id !== 'maas360').sort()));
  });
  for (const c of withWords) {
    const words = (c as { words: NonNullable<(typeof withWords)[number]['words']> }).words;
    for (const [kind, phrases] of Object.entries(words.kinds)) {
      for (const phrase of phrases ?? []) {
        it(`${c.id}: "${phrase}" names ${kind}`, () => expect(kindsIn(normWords(phrase), 'strong', words)).toContain(kind));
      }
    }
  }

  it("CLOMO PANEL's 'MDM 構成プロファイル' is its push certificate on its pages, and names nothing on another console's", () => {
    const html = '<h2>お知らせ</h2><table><tr><th>項目</th><th>有効期限</th></tr><tr><td>MDM 構成プロファイル</td><td>2027/03/01</td></tr></table>';
    const clomo = scanPage('https://clomo.contoso.example/panel/home', page(html), NOW, { sites: [{ console: 'clomo', origin: 'https://clomo.contoso.example' }] });
    expect(clomo.credentials).toMatchObject([{ kind: 'apns', expiresOn: '2027-03-01' }]);
    const other = scanPage('https://mdm.contoso.example/home', page(html), NOW, { sites: [{ console: 'other', origin: 'https://mdm.contoso.example' }] });
    // Elsewhere a "configuration profile" with a date is no credential of ours: nothing is read.
    expect(other.credentials).toEqual([]);
    // On CLOMO too, a configuration profile that is not the MDM one is no push certificate.
    const profiles = '<h2>構成プロファイル一覧</h2><table><tr><th>名前</th><th>有効期限</th></tr><tr><td>Wi-Fi 構成プロファイル</td><td>2027/03/01</td></tr></table>';
    const list = scanPage('https://clomo.contoso.example/panel/profiles', page(profiles), NOW, { sites: [{ console: 'clomo', origin: 'https://clomo.contoso.example' }] });
    expect(list.credentials.filter((c) => c.kind === 'apns')).toEqual([]);
  });

  it("Kandji's アプリとブックトークン is a content token there", () => {
    const html = '<h1>アプリとブック</h1><dl><dt>場所</dt><dd>本社</dd><dt>アプリとブックトークン の有効期限</dt><dd>2027/05/10</dd></dl>';
    const scan = scanPage('https://contoso.kandji.io/my-company/integrations/apps-and-books', page(html), NOW, { sites: [] });
    expect(scan.credentials).toMatchObject([{ kind: 'vpp', expiresOn: '2027-05-10' }]);
  });
});
