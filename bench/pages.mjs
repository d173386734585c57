// Heavy console pages generated for `npm run bench`: in a simulated DOM (vitest bench), in
// Chromium on their own (bench/scan-browser.mjs) and served to the built extension
// (bench/extension.mjs). Plain JavaScript so that the Node runners can import it as is.

/** An Intune-like device list: `rows` rows of five cells (~6 elements a row). */
export function devices(rows, extra = '') {
  const body = Array.from({ length: rows }, (_, i) => `<tr><td>IPAD-${i}</td><td>Intune</td><td>iPadOS</td><td>11/${(i % 28) + 1}/2026</td><td>user${i}@contoso.example</td></tr>`).join('');
  return `<h1>Devices | All devices</h1>${extra}<table><thead><tr><th>Device name</th><th>Managed by</th><th>OS</th><th>Last check-in</th><th>Primary user UPN</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** A Fluent DetailsList of enrollment program tokens (checkbox column, automation keys): ~9 elements a row. */
export function tokens(rows, prefix = 'Token') {
  const head = (k, t) => `<div role="columnheader" data-item-key="${k}"><span>${t}</span><i></i><div></div></div>`;
  const body = Array.from(
    { length: rows },
    (_, i) =>
      `<div role="row" data-automationid="DetailsRow"><div role="gridcell" data-automation-key="cb"><input type="checkbox"></div><div role="gridcell" data-automation-key="name"><a href="#">${prefix} ${i}</a></div><div role="gridcell" data-automation-key="appleId">abm${i}@contoso.example</div><div role="gridcell" data-automation-key="exp">${(i % 12) + 1}/${(i % 28) + 1}/2027</div><div role="gridcell" data-automation-key="sync">11/21/2026, 10:02 PM</div><div role="gridcell" data-automation-key="status">Active</div></div>`,
  ).join('');
  return `<div role="grid" aria-label="Enrollment program tokens"><div role="row"><div role="columnheader" data-item-key="cb"></div>${head('name', 'Name')}${head('appleId', 'Apple ID')}${head('exp', 'Expiration date')}${head('sync', 'Last successful sync')}${head('status', 'Status')}</div>${body}</div>`;
}

/** A portal's navigation shell of about `elements` elements and no credential. */
export function shell(elements) {
  return `<nav>${Array.from({ length: Math.round(elements / 4) }, (_, i) => `<div><a href="#">Menu ${i}</a><span>item</span><i></i></div>`).join('')}</nav>`;
}

/** A push certificate's details panel. */
export function pushPanel() {
  return '<h1>Configure MDM Push Certificate</h1><dl><dt>Status</dt><dd>Active</dd><dt>Last updated</dt><dd>3/14/2026</dd><dt>Expiration</dt><dd>3/14/2027</dd><dt>Apple ID</dt><dd>mdm@contoso.example</dd></dl>';
}

/** A push certificate's details as plain elements, no list, section or landmark around them (an Azure "essentials" panel). */
export function essentials() {
  const row = (k, v) => `<div class="row"><div class="k">${k}</div><div class="v">${v}</div></div>`;
  return `<h1>Apple MDM Push certificate</h1><div class="essentials">${row('Status', 'Active')}${row('Last updated', '3/14/2026')}${row('Expiration', '3/14/2027')}${row('Apple ID', 'mdm@contoso.example')}</div>`;
}

/** A MaaS360 DEP token table (the page inside its #Content frame). */
export function maasTokens(rows) {
  const body = Array.from({ length: rows }, (_, i) => `<tr><td><input type="checkbox"></td><td>DEP Token ${i}</td><td>dep${i}@contoso.example</td><td>${(i % 12) + 1}/${(i % 28) + 1}/2027</td><td>Active</td></tr>`).join('');
  return `<h2>Apple DEP Tokens</h2><table><tr><td></td><td>Token Name</td><td>Apple ID</td><td>Expiry Date</td><td>Status</td></tr>${body}</table>`;
}

/** Apple Business Manager's MDM server list. */
export function abmServers(rows) {
  const body = Array.from({ length: rows }, (_, i) => `<li role="listitem"><h3>MDM Server ${i}</h3><div><span>Server token expires</span> <span>${(i % 28) + 1} Mar 2027</span></div><div><span>Devices assigned</span> <span>${i * 7}</span></div><button>Download Token</button></li>`).join('');
  return `<h1>Device Management Settings</h1><ul role="list">${body}</ul>`;
}

/** A full HTML document. */
export function html(body, { lang = 'en', title = 'Microsoft Intune admin center', script = '' } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}${script ? `<script>${script}</script>` : ''}</body></html>`;
}
