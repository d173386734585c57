import { useState } from 'preact/hooks';
import { siteOf } from '../../lib/consoles/hosts';
import { looksPersonal } from '../../lib/credentials/apple-id';
import { URGENCY_ORDER } from '../../lib/credentials/urgency';
import { t } from '../../lib/i18n';
import type { FoundCredential, PageScan } from '../../lib/scan';
import { consequence, expiryView, formatDate, kindLabel } from '../../lib/credentials/describe';

/**
 * The in-page panel: in the content script's shadow root, shown only where credentials were
 * read. Page-derived strings are rendered as text (Preact escapes them); nothing is HTML.
 */
export function Overlay({ scan, now, error }: { scan: PageScan; now: Date; error?: string | undefined }) {
  const [hidden, setHidden] = useState(false);
  const [open, setOpen] = useState(false);
  if (hidden || !scan.console || scan.credentials.length === 0) return null;
  const product = siteOf(scan.console).product;
  // Collapsed, the panel shows the most urgent credential only.
  const views = scan.credentials.map((c) => ({ c, view: expiryView(c.kind, c.expiresOn, now) }));
  const first = views.sort((a, b) => URGENCY_ORDER.indexOf(a.view.urgency) - URGENCY_ORDER.indexOf(b.view.urgency))[0];
  const worst = first && { urgency: first.view.urgency, text: first.view.text, label: first.c.name || kindLabel(first.c.kind) };
  return (
    <aside class="tr-panel" aria-label={t('panelTitle')} data-open={open}>
      <header class="tr-panel__head">
        <h2 class="tr-panel__title">{t('panelTitle')}</h2>
        <button
          type="button"
          class="tr-text-button"
          aria-expanded={open}
          aria-controls="tr-panel-list"
          onClick={() => setOpen(!open)}
        >
          {open ? t('panelHide') : t('panelShow')}
        </button>
        <button type="button" class="tr-icon-button" aria-label={t('panelDismiss')} title={t('panelDismiss')} onClick={() => setHidden(true)}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <p class="tr-panel__lede">
        {t('panelCount', scan.credentials.length)}
        {scan.account ? ` · ${scan.account}` : ''} · {product}
      </p>
      {!open && worst && (
        <p class="tr-panel__summary">
          <span class={`tr-chip tr-chip--${worst.urgency}`}>{worst.text}</span> {worst.label}
        </p>
      )}
      {error && (
        <p class="tr-error" role="alert">
          {error}
        </p>
      )}
      {open && (
        <ul class="tr-list" id="tr-panel-list">
          {scan.credentials.map((c, i) => (
            <CredentialItem key={`${c.kind}:${c.name}:${i}`} credential={c} now={now} />
          ))}
        </ul>
      )}
    </aside>
  );
}

function CredentialItem({ credential: c, now }: { credential: FoundCredential; now: Date }) {
  const view = expiryView(c.kind, c.expiresOn, now);
  return (
    <li class="tr-item" data-urgency={view.urgency}>
      <div class="tr-item__top">
        <span class="tr-kind">{kindLabel(c.kind)}</span>
        <span class={`tr-chip tr-chip--${view.urgency}`}>{view.text}</span>
      </div>
      {c.name && <div class="tr-item__name">{c.name}</div>}
      {c.expiresOn && <div class="tr-item__meta">{t('expiresOnDate', formatDate(c.expiresOn))}</div>}
      {c.appleId && (
        <div class="tr-item__meta">
          {t('appleIdValue', c.appleId)}
          {looksPersonal(c.appleId) && <div class="tr-warn" role="note">{t('personalAppleId')}</div>}
        </div>
      )}
      {c.topic && <div class="tr-item__meta tr-mono">{t('topicValue', c.topic)}</div>}
      <p class="tr-item__why">{consequence(c.kind)}</p>
    </li>
  );
}
