/** Heavy console pages generated for `npm run bench` (in a simulated DOM and in Chromium). */

export function devices(rows: number, extra = ''): string {
  const body = Array.from({ length: rows }, (_, i) => `<tr><td>IPAD-${i}</td><td>Intune</td><td>iPadOS</td><td>11/${(i % 28) + 1}/2026</td><td>user${i}@contoso.example</td></tr>`).join('');
  return `<h1>Devices | All devices</h1>${extra}<table><thead><tr><th>Device name</th><th>Managed by</th><th>OS</th><th>Last check-in</th><th>Primary user UPN</th></tr></thead><tbody>${body}</tbody></table>`;
}

export function tokens(rows: number): string {
  const head = (k: string, t: string) => `<div role="columnheader" data-item-key="${k}"><span>${t}</span><i></i><div></div></div>`;
  const body = Array.from(
    { length: rows },
    (_, i) =>
      `<div role="row" data-automationid="DetailsRow"><div role="gridcell" data-automation-key="cb"><input type="checkbox"></div><div role="gridcell" data-automation-key="name"><a href="#">Token ${i}</a></div><div role="gridcell" data-automation-key="appleId">abm${i}@contoso.example</div><div role="gridcell" data-automation-key="exp">${(i % 12) + 1}/${(i % 28) + 1}/2027</div><div role="gridcell" data-automation-key="sync">11/21/2026, 10:02 PM</div><div role="gridcell" data-automation-key="status">Active</div></div>`,
  ).join('');
  return `<div role="grid" aria-label="Enrollment program tokens"><div role="row"><div role="columnheader" data-item-key="cb"></div>${head('name', 'Name')}${head('appleId', 'Apple ID')}${head('exp', 'Expiration date')}${head('sync', 'Last successful sync')}${head('status', 'Status')}</div>${body}</div>`;
}
