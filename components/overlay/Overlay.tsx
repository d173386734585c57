import { useEffect, useRef, useState } from 'preact/hooks';
import { consoleOf } from '../../lib/consoles/hosts';
import { holderNote } from '../../lib/credentials/apple-id';
import { consequence, displayText, expiryView, formatDate, healthAdvice, kindLabel, productName } from '../../lib/wording/describe';
import { URGENCY_ORDER } from '../../lib/credentials/urgency';
import type { GuideAction } from '../../lib/guide/machine';
import { t } from '../../lib/i18n';
import { trusted } from './trusted';
import type { ConsoleId, FoundCredential, PageScan } from '../../lib/scan';
import { GuideCard, type GuideView } from '../guide/GuideCard';
import { Highlight } from '../guide/Highlight';

export interface OverlayProps {
  scan: PageScan;
  now: Date;
  error?: string | undefined;
  guide: GuideView | null;
  showGuide: boolean;
  highlight: { target: Element; label: string } | null;
  onGuide: (a: GuideAction) => void;
  onShowTarget: () => void;
  onStartGuide: (c: FoundCredential) => void;
  /** The page could not be read: open the add-by-hand form with what was certain. */
  onAddByHand: () => void;
  /** The page could not be read: save its outline (structure and labels, values as shapes). */
  onSaveOutline: () => boolean;
  /** The admin hid the panel on this console (remembered; the popup shows it again). */
  panelHidden?: boolean;
  onHideHere?: () => void;
  /** A console page that shows no credential: say quietly that it is watched. */
  quiet?: boolean;
}

/**
 * The in-page overlay, in the content script's shadow root: the renewal guide's card and the
 * panel summarising the credentials read here (shown only where some were read). Page-derived
 * strings are rendered as text (Preact escapes them); nothing is HTML.
 */
export function Overlay(props: OverlayProps) {
  const { scan, guide } = props;
  const [hidden, setHidden] = useState(false);
  const tab = useRef<HTMLButtonElement>(null);
  const shown = scan.console && !props.panelHidden && (scan.credentials.length > 0 || !!scan.unreadable);
  const panel = !hidden && shown;
  // Hidden: a small tab stays at the edge, and has the focus (not the page's body).
  useEffect(() => {
    if (hidden) tab.current?.focus();
  }, [hidden]);
  const quiet = !!props.quiet && !hidden && !(guide && props.showGuide) && !props.error;
  if (!panel && !(hidden && shown) && !quiet && !(guide && props.showGuide) && !props.error) return null;
  return (
    <>
      <div class="tr-stack">
        {guide && props.showGuide && scan.console && (
          <GuideCard view={guide} here={scan.console} onAction={props.onGuide} onShow={props.onShowTarget} />
        )}
        {panel ? (
          <Panel {...props} onHide={() => setHidden(true)} />
        ) : quiet ? (
          <div class="tr-quiet">
            <p role="status">{t('quietWatching', productName(scan.console!))}</p>
            <button type="button" class="tr-icon-button" title={t('quietHideTitle')} onClick={trusted(() => setHidden(true))}>
              <span aria-hidden="true">× </span>
              {t('panelHideShort')}
            </button>
          </div>
        ) : hidden && shown ? (
          <button type="button" ref={tab} class="tr-tab" title={t('panelRestore')} onClick={trusted(() => setHidden(false))}>
            {t('panelTitle')}
          </button>
        ) : (
          props.error && <p class="tr-error" role="alert">{props.error}</p>
        )}
      </div>
      {props.highlight && <Highlight target={props.highlight.target} label={props.highlight.label} />}
    </>
  );
}

function Panel({ scan, now, error, guide, onStartGuide, onAddByHand, onSaveOutline, onHide, onHideHere }: OverlayProps & { onHide: () => void }) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const product = productName(scan.console!);
  // Collapsed, the panel shows the most urgent credential only.
  const views = scan.credentials.map((c) => ({ c, view: expiryView(c.kind, c.expiresOn, now, undefined, c.health) }));
  const first = [...views].sort((a, b) => URGENCY_ORDER.indexOf(a.view.urgency) - URGENCY_ORDER.indexOf(b.view.urgency))[0];
  const worst = first && { urgency: first.view.urgency, text: first.view.text, label: first.c.name ? displayText(first.c.name, 60) : kindLabel(first.c.kind) };
  const guiding = !!guide && (guide.state.status === 'active' || guide.state.status === 'paused');
  return (
    <aside
      class="tr-panel"
      aria-label={t('panelTitle')}
      data-open={open}
      // Escape folds the details away, with the focus back on the button that opened them. Only
      // inside the panel: the console's own Escape is left alone.
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <header class="tr-panel__head">
        <h2 class="tr-panel__title">{t('panelTitle')}</h2>
        <button type="button" ref={toggle} class="tr-text-button" aria-expanded={open} aria-controls="tr-panel-list" onClick={trusted(() => setOpen(!open))}>
          {open ? t('panelHide') : t('panelShow')}
        </button>
        {/* Its name is the word it shows ("Hide"); the × is decoration. */}
        <button type="button" class="tr-icon-button" title={t('panelDismiss')} onClick={trusted(onHide)}>
          <span aria-hidden="true">× </span>
          {t('panelHideShort')}
        </button>
      </header>
      <p class="tr-panel__lede">
        {scan.credentials.length > 0 ? t('panelCount', scan.credentials.length) : t('unreadableTitle')}
        {scan.account ? ` · ${scan.account}` : ''} · {product}
      </p>
      {error && (
        <p class="tr-error" role="alert">
          {error}
        </p>
      )}
      {scan.unreadable && <Unreadable count={scan.unreadable.count} onAdd={onAddByHand} onSave={onSaveOutline} />}
      {!open && worst && (
        <p class="tr-panel__summary">
          <span class={`tr-chip tr-chip--${worst.urgency}`}>{worst.text}</span> {worst.label}
        </p>
      )}
      {open && (
        <ul class="tr-list" id="tr-panel-list">
          {scan.credentials.map((c, i) => (
            <CredentialItem key={`${c.kind}:${c.name}:${i}`} credential={c} consoleId={scan.console} now={now} canGuide={!guiding} onStartGuide={onStartGuide} />
          ))}
        </ul>
      )}
      {open && onHideHere && (
        <p class="tr-panel__foot">
          <button type="button" class="tr-text-button" onClick={trusted(onHideHere)}>{t('panelHideHere', product)}</button>
        </p>
      )}
    </aside>
  );
}

function CredentialItem({ credential: c, consoleId, now, canGuide, onStartGuide }: {
  credential: FoundCredential;
  /** The console the page belongs to: some advice is only true of one. */
  consoleId: ConsoleId | null;
  now: Date;
  canGuide: boolean;
  onStartGuide: (c: FoundCredential) => void;
}) {
  const view = expiryView(c.kind, c.expiresOn, now, undefined, c.health);
  const holder = holderNote(c.appleId);
  const advice = view.fromReading ? healthAdvice(view.health) : '';
  return (
    <li class="tr-item" data-urgency={view.urgency} data-health={view.health}>
      <div class="tr-item__top">
        <span class="tr-kind">{kindLabel(c.kind)}</span>
        <span class={`tr-chip tr-chip--${view.urgency}`}>{view.text}</span>
      </div>
      {c.name && <div class="tr-item__name"><bdi>{displayText(c.name)}</bdi></div>}
      {c.expiresOn && <div class="tr-item__meta">{t('expiresOnDate', formatDate(c.expiresOn))}</div>}
      {advice && <div class="tr-warn" role="note">{advice}</div>}
      {c.status && c.health === 'unknown' && <div class="tr-item__meta">{t('statusShown')} <bdi>{displayText(c.status, 80)}</bdi></div>}
      {c.appleId && (
        <div class="tr-item__meta">
          {t('appleIdValue', c.appleId)}
          {holder && <div class="tr-warn" role="note">{t(holder)}</div>}
        </div>
      )}
      {c.topic && <div class="tr-item__meta tr-mono">{t('topicValue', c.topic)}</div>}
      {c.vendor && <div class="tr-item__meta">{t('vendorValue', displayText(c.vendor, 80))}</div>}
      <p class="tr-item__why">{consequence(c.kind, consoleId)}</p>
      {canGuide && c.kind !== 'symantec' && (
        <button type="button" class="tr-text-button tr-renew" onClick={trusted(() => onStartGuide(c))}>
          {t('guideStart')}
        </button>
      )}
    </li>
  );
}

/** Said when something on the page looks like a credential's expiry but could not be read for certain. */
function Unreadable({ count, onAdd, onSave }: { count: number; onAdd: () => void; onSave: () => boolean }) {
  const [saved, setSaved] = useState(false);
  return (
    <section class="tr-unreadable" aria-label={t('unreadableTitle')}>
      <p>{t('unreadableBody', count)}</p>
      <div class="tr-actions">
        <button type="button" class="tr-text-button" onClick={trusted(onAdd)}>
          {t('unreadableAdd')}
        </button>
        <button type="button" class="tr-text-button" aria-describedby="tr-outline-note" onClick={trusted(() => setSaved(onSave()))}>
          {t('unreadableOutline')}
        </button>
      </div>
      <p class="tr-note" id="tr-outline-note">
        {t('unreadableOutlineNote')}
      </p>
      {saved && (
        <p class="tr-note" role="status">
          {t('unreadableSaved')}
        </p>
      )}
    </section>
  );
}
