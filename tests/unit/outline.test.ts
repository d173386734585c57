/** The page outline keeps structure and known labels; no name, address, topic or date of the page survives. */
import { describe, expect, it } from 'vitest';
import { outlineOf } from '../../lib/consoles/outline';
import { shapeOf } from '../../lib/dom/outline';
import { cleanPrefill, parseAddQuery } from '../../lib/inventory/prefill';
import { scanPage } from '../../lib/scan';

const NOW = new Date('2026-11-22T12:00:00Z');
const SECRETS = [
  'Fabrikam', 'Contoso', 'Headquarters', 'Jean-Moulin', '大阪支店', 'abm-tokens@contoso.example', 'jane.doe@gmail.com', 'contoso.example',
  '4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34', '03/04/2027', '2027', '11/21/2026', '412', 'Token-42', 'https://evil.example',
];

const html = `<!doctype html><html lang="en-CA"><head><title>Fabrikam – Enrollment program tokens</title></head><body>
  <header><span>Signed in as jane.doe@gmail.com</span></header>
  <h1>Enrollment program tokens</h1>
  <div role="grid" aria-label="Fabrikam tokens" aria-rowcount="301">
    <div role="row"><div role="columnheader" data-item-key="name">Name</div><div role="columnheader" data-item-key="expirationDate">Expiration date</div><div role="columnheader">Last successful sync</div><div role="columnheader">Devices</div></div>
    <div role="row" data-item-key="Token-42"><div role="gridcell" title="Contoso – Headquarters">Contoso – Headquarters</div><div role="gridcell"><time datetime="2027-03-04">03/04/2027</time></div><div role="gridcell">11/21/2026</div><div role="gridcell">412</div></div>
    <div role="row"><div role="gridcell">大阪支店 iPad</div><div role="gridcell">03/04/2027</div><div role="gridcell">11/21/2026</div><div role="gridcell">412</div></div>
  </div>
  <dl><dt>Apple ID</dt><dd>abm-tokens@contoso.example</dd><dt>Subject ID</dt><dd>com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34</dd></dl>
  <label for="a">Apple ID</label><input id="a" value="abm-tokens@contoso.example" placeholder="Jean-Moulin">
  <a href="https://evil.example/x" aria-label="Open Fabrikam at https://evil.example">Open</a>
  <ul>${Array.from({ length: 40 }, (_, i) => `<li>Lycée Jean-Moulin ${i}</li>`).join('')}</ul>
</body></html>`;

describe('page outline', () => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const scan = scanPage('https://intune.microsoft.com/#view/x', doc, NOW);
  const outline = outlineOf(doc, scan, NOW);

  it('keeps the structure, roles and the labels the reader knows', () => {
    expect(outline).toContain('role=grid');
    expect(outline).toContain('aria-rowcount=301');
    expect(outline).toContain('role=columnheader');
    expect(outline).toContain('data-item-key=expirationDate');
    for (const label of ['"Expiration date"', '"Last successful sync"', '"Apple ID"', '"Subject ID"', '"Enrollment program tokens"']) expect(outline).toContain(label);
    expect(outline).toContain('lang=en-CA');
  });

  it('replaces every value by its shape', () => {
    expect(outline).toContain('~"99/99/9999"');
    expect(outline).toContain('~"x@x.x"');
    expect(outline).toContain('~"com.apple.mgmt.External.<uuid>"');
    expect(outline).toContain('~"Xxxxxxx – Xxxxxxxxxxxx"');
    expect(outline).toMatch(/… \d+ more like the above/);
  });

  it('lets no name, address, topic, date, number or link of the page through', () => {
    for (const secret of SECRETS) expect(outline.split('\n').filter((l) => l.includes(secret)), secret).toEqual([]);
  });

  it('shapes any text', () => {
    expect(shapeOf('Fabrikam-DEP 2027 jane@x.example 大阪')).toBe('Xxxxxxxx-XXX 9999 x@x.x xx');
    expect(shapeOf('see https://a.example/b?c=d now')).toBe('xxx <url> xxx');
  });
});

describe('add-by-hand prefill', () => {
  it('keeps only well-formed metadata', () => {
    expect(
      cleanPrefill({ kind: 'ade', name: ' Contoso \u0000HQ ', appleId: 'x <abm@contoso.example>', topic: 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34', console: 'intune', token: 'secret' }),
    ).toEqual({ kind: 'ade', name: 'Contoso HQ', appleId: 'abm@contoso.example', topic: 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34', console: 'intune' });
    expect(cleanPrefill({ kind: 'evil', console: 'elsewhere', appleId: 'nobody', topic: 'x', name: 'a'.repeat(500) })).toEqual({ name: 'a'.repeat(200) });
    expect(cleanPrefill(null)).toEqual({});
  });

  it('reads the popup address, and nothing when there is no prefill or it is not JSON', () => {
    expect(parseAddQuery('?add=' + encodeURIComponent('{"kind":"vpp","name":"Paris"}'))).toEqual({ kind: 'vpp', name: 'Paris' });
    expect(parseAddQuery('?add=%7Bnot')).toEqual({});
    expect(parseAddQuery('')).toBeNull();
  });
});
