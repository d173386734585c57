import { productName } from '../../lib/wording/describe';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { consoleOf } from '../../lib/consoles/hosts';
import { listGroups } from '../../lib/inventory/list';
import { t } from '../../lib/i18n';
import type { Credential, ManualFields } from '../../lib/credentials/model';
import { send, type Request } from '../../lib/messages';
import { parseAddQuery } from '../../lib/inventory/prefill';
import { CredentialForm } from './CredentialForm';
import type { AddedSite, ConsoleId } from '../../lib/consoles/types';
import { CredentialRow } from './CredentialRow';
import { FileCheck } from '../files/FileCheck';
import { GuideBanner } from './GuideBanner';

type Form = null | { mode: 'add'; prefill?: Partial<ManualFields> } | { mode: 'edit'; id: string };

/** Rows drawn when the popup opens: more than it shows at once. The rest follow in idle time, a batch at a time. */
const FIRST_ROWS = 40;
const MORE_ROWS = 200;
const whenIdle = (fn: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 200 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
};

export function PopupApp() {
  const [credentials, setCredentials] = useState<Credential[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  // Opened from a console page that could not be read: the add form, with what the page showed for certain.
  const [form, setForm] = useState<Form>(() => {
    const prefill = parseAddQuery(location.search);
    return prefill ? { mode: 'add', prefill } : null;
  });
  const [openId, setOpenId] = useState<string | null>(() => decodeURIComponent(location.hash.slice(1)) || null);
  const now = useMemo(() => new Date(), [credentials]);
  /** How many rows are drawn: a long inventory opens with its first rows, the others drawn just after. */
  const [shown, setShown] = useState(FIRST_ROWS);
  /** The row the popup was opened on is scrolled to once, when it is drawn. */
  const scrolledTo = useRef<string | null>(null);

  const [sites, setSites] = useState<AddedSite[]>([]);
  const [panelHidden, setPanelHidden] = useState<ConsoleId[]>([]);
  /** Where the focus goes once the list is drawn again: the row just saved, the button that opened a form. */
  const [focusOn, setFocusOn] = useState<string | null>(null);
  useEffect(() => {
    if (!focusOn) return;
    const id = requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(focusOn);
      if (el) {
        el.focus();
        setFocusOn(null);
      }
    });
    return () => cancelAnimationFrame(id);
  }, [focusOn, credentials, form, shown]);
  const rowSummary = (id: string) => `#cred-${CSS.escape(id)} .cred__summary`;

  async function refresh() {
    const answer = await send({ type: 'list' });
    if (answer.ok) {
      setCredentials(answer.credentials);
      setSites(answer.sites);
      setPanelHidden(answer.settings.panelHidden);
      setError(null);
    } else {
      setError(answer.error);
      setCredentials((c) => c ?? []);
    }
  }

  useEffect(() => {
    void refresh();
  }, []);

  useEffect(() => {
    if (!openId || !credentials || scrolledTo.current === openId) return;
    const row = document.getElementById(`cred-${openId}`);
    if (!row) return;
    row.scrollIntoView({ block: 'nearest' });
    scrolledTo.current = openId;
  }, [openId, credentials, shown]);

  /** A row's action: its failure is said in that row, beside the button pressed (not at the top, out of view). */
  async function run(request: Request): Promise<string | null> {
    // A row about to go: the focus moves to the next one (or the previous, or Add by hand), not to the page.
    const row = request.type === 'remove' ? document.getElementById(`cred-${request.id}`) : null;
    const near = (row?.nextElementSibling ?? row?.previousElementSibling)?.id;
    const answer = (await send(request)) as { ok: boolean; error?: string };
    if (answer.ok && request.type === 'remove') setFocusOn(near ? `#${CSS.escape(near)} .cred__summary` : '#add-manual');
    await refresh();
    return answer.ok ? null : (answer.error ?? '');
  }

  async function renew(id: string): Promise<string | null> {
    const answer = await send({ type: 'guide-start', credentialId: id });
    if (!answer.ok) return answer.error;
    if (answer.url) await browser.tabs.create({ url: answer.url });
    return null;
  }

  async function save(fields: ManualFields): Promise<string | null> {
    const answer = await send(form?.mode === 'edit' ? { type: 'save', id: form.id, fields } : { type: 'save', fields });
    if (!answer.ok) return answer.error;
    setForm(null);
    setOpenId(answer.id);
    setFocusOn(rowSummary(answer.id));
    await refresh();
    return null;
  }

  const groups = useMemo(() => (credentials ? listGroups(credentials, { query, showArchived, now }) : []), [credentials, query, showArchived, now]);
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  useEffect(() => (shown < total ? whenIdle(() => setShown((s) => s + MORE_ROWS)) : undefined), [shown, total]);
  let budget = shown;
  const editing = form?.mode === 'edit' ? credentials?.find((c) => c.id === form.id) : undefined;
  const hasAny = !!credentials && credentials.length > 0;

  return (
    <main class="popup">
      <header class="bar">
        <h1 class="bar__title">{t('popupHeading')}</h1>
        <button type="button" class="button button--quiet" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      {error && <p class="error" role="alert">{error}</p>}
      <GuideBanner />
      {form ? (
        <CredentialForm initial={editing} prefill={form.mode === 'add' ? form.prefill : undefined} onSave={save} onCancel={() => {
          setFocusOn(form.mode === 'edit' ? rowSummary(form.id) : '#add-manual');
          setForm(null);
        }} />
      ) : (
        <>
          <div class="toolbar">
            {hasAny && (
              <input
                type="search"
                class="search"
                aria-label={t('searchLabel')}
                placeholder={t('searchPlaceholder')}
                value={query}
                onInput={(e) => setQuery(e.currentTarget.value)}
              />
            )}
            <button type="button" id="add-manual" class="button" onClick={() => setForm({ mode: 'add' })}>{t('addManual')}</button>
          </div>
          {credentials === null && <p class="muted">{t('loading')}</p>}
          {credentials !== null && !hasAny && (
            <section class="empty" aria-labelledby="empty-title">
              <h2 id="empty-title">{t('emptyTitle')}</h2>
              <p>{t('emptyIntro')}</p>
              <ol>
                <li>{t('emptyVisit')}</li>
                <li>{t('emptyFile')}</li>
                <li>{t('emptyManual')}</li>
              </ol>
              <p>
                <a href={browser.runtime.getURL('/welcome.html')} target="_blank" rel="noopener">{t('welcomeLink')}</a>
              </p>
            </section>
          )}
          {hasAny && groups.length === 0 && <p class="muted">{t('noMatch', query)}</p>}
          {groups.map((g) => {
            if (budget <= 0) return null;
            const items = g.items.slice(0, budget);
            budget -= items.length;
            const heading = g.console ? productName(g.console) + (g.account ? ` · ${g.account}` : '') : t('manualGroup');
            return (
              <section key={g.key} class="group" aria-label={heading} aria-busy={items.length < g.items.length}>
                <h2 class="group__title">{heading}</h2>
                <ul class="creds">
                  {items.map((item) => (
                    <CredentialRow
                      key={item.credential.id}
                      item={item}
                      now={now}
                      sites={sites}
                      open={openId === item.credential.id}
                      onToggle={() => setOpenId(openId === item.credential.id ? null : item.credential.id)}
                      actions={{ run, renew, edit: (id) => setForm({ mode: 'edit', id }) }}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
          {credentials !== null && <FileCheck credentials={credentials} onChanged={() => void refresh()} />}
          {hasAny && credentials.some((c) => c.archived) && (
            <label class="check">
              <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
              {t('showArchived')}
            </label>
          )}
          {panelHidden.length > 0 && (
            <section class="hidden-panels" aria-live="polite">
              <p class="muted">{t('panelHiddenOn', panelHidden.map(productName).join(', '))}</p>
              {panelHidden.map((id) => (
                <button
                  key={id}
                  type="button"
                  class="button button--quiet"
                  onClick={() => void run({ type: 'panel-hidden', console: id, hidden: false })}
                >
                  {t('panelShowAgain', productName(id))}
                </button>
              ))}
            </section>
          )}
        </>
      )}
    </main>
  );
}
