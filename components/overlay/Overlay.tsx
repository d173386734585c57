import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { cornerToward, nearestCorner, type Corner } from '../../lib/dom/place';
import { usePlacement, viewport } from './placement';
import { consoleOf } from '../../lib/consoles/hosts';
import { holderNote } from '../../lib/credentials/apple-id';
import { consequence, displayText, expiryView, formatDate, healthAdvice, kindLabel, productName } from '../../lib/wording/describe';
import { URGENCY_ORDER, urgencyOf } from '../../lib/credentials/urgency';
import { standing } from '../../lib/credentials/health';
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
  /** What on the page the overlay must never cover besides the highlighted control: the controls guards warn about, and their notes. */
  keepClear?: readonly Element[];
  /** The corner the admin docked the panel in on this console. */
  dock?: Corner | undefined;
  onDock?: (corner: Corner) => void;
}

const NOTHING: readonly Element[] = [];

/**
 * The in-page overlay, in the content script's shadow root: the renewal guide's card and the
 * panel summarising the credentials read here (shown only where some were read). Page-derived
 * strings are rendered as text (Preact escapes them); nothing is HTML.
 */
export function Overlay(props: OverlayProps) {
  const { scan, guide } = props;
  const [hidden, setHidden] = useState(false);
  const tab = useRef<HTMLButtonElement>(null);
  const stack = useRef<HTMLDivElement>(null);
  const callout = useRef<HTMLDivElement>(null);
  // Docked by the admin: used at once, before the settings come back with it.
  const [docked, setDocked] = useState<Corner | null>(null);
  const prefer = docked ?? props.dock ?? 'bottom-right';
  // Folded away from the control to press, the admin opened it anyway: until the step changes.
  const [forced, setForced] = useState(false);
  const target = props.highlight?.target ?? null;
  const stepKey = guide ? `${guide.state.flowId}:${guide.state.step}:${guide.state.status}` : '';
  useEffect(() => setForced(false), [stepKey]);
  const place = usePlacement({ stack, callout, target, avoid: props.keepClear ?? NOTHING, prefer, forced });
  const shown = scan.console && !props.panelHidden && (scan.credentials.length > 0 || !!scan.unreadable);
  const panel = !hidden && shown;
  // Where the focus was in what a fold, an unfold or Hide replaces, it goes to what replaces it
  // (never to the page's body; never taken from the page). Read while rendering, before the
  // focused element is removed.
  const was = useRef({ folded: false, hidden: false });
  const focusWasInside = useRef(false);
  if (place.folded !== was.current.folded || hidden !== was.current.hidden) {
    const root = stack.current?.getRootNode() as ShadowRoot | undefined;
    // Until the effect below uses it: a render in between (the focused element already gone) does not undo it.
    focusWasInside.current ||= !!root?.activeElement && !!stack.current?.contains(root.activeElement);
  }
  useEffect(() => {
    const before = was.current;
    was.current = { folded: place.folded, hidden };
    if (!focusWasInside.current) return;
    focusWasInside.current = false;
    if ((hidden && !before.hidden) || (place.folded && !before.folded)) tab.current?.focus();
    else if (!place.folded && before.folded) {
      // The guide's first action, else the panel's, else the handle.
      const first = ['.tr-guide .tr-text-button', '.tr-panel .tr-text-button', '.tr-grip'].map((q) => stack.current?.querySelector<HTMLElement>(q)).find(Boolean);
      first?.focus();
    }
  }, [hidden, place.folded]);
  const dock = (corner: Corner) => {
    setDocked(corner);
    props.onDock?.(corner);
  };
  // A guide that has steps and is not cancelled (the card shows nothing else).
  const guiding = !!guide && props.showGuide && !!scan.console && !!guide.state.steps && guide.state.status !== 'cancelled';
  // (A guide the admin cancelled stays in storage: it does not silence the note.)
  const quiet = !!props.quiet && !hidden && !guiding && !props.error;
  // Where this console shows its dates when this page does not (CLOMO PANEL's HOME alerts only from three months before).
  const hint = quiet && scan.console ? consoleOf(scan.console).quietHint : undefined;
  if (!panel && !(hidden && shown) && !quiet && !guiding && !props.error) return null;
  const grip = <Grip corner={place.corner} onDock={dock} stack={stack} />;
  const step = guide?.state.steps && guide.state.status !== 'done' ? t('guideStep', guide.state.step + 1, guide.state.steps.length) : '';
  return (
    <>
      <div
        class="tr-stack"
        ref={stack}
        data-corner={place.corner}
        data-folded={place.folded}
        // Opened from the tab where it covers the page: Escape moves it aside again.
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !forced || !place.aside || e.defaultPrevented) return;
          e.preventDefault();
          e.stopPropagation();
          setForced(false);
        }}
      >
        {place.folded ? (
          // Every corner would cover the control to press or a warning beside the page's controls: out of the way.
          <button
            type="button"
            ref={tab}
            class="tr-tab"
            aria-expanded="false"
            aria-describedby={props.highlight ? 'tr-aside-step' : undefined}
            title={t(step ? 'overlayAsideTitle' : 'overlayAsideTitlePanel')}
            onClick={trusted(() => setForced(true))}
          >
            {step ? t('overlayAsideStep', step) : t('panelTitle')}
            {/* What the callout shows, for those who do not see it. */}
            {props.highlight && <span id="tr-aside-step" class="tr-sr">{props.highlight.label}</span>}
          </button>
        ) : (
          <>
            {guiding && <GuideCard view={guide} here={scan.console!} onAction={props.onGuide} onShow={props.onShowTarget} grip={grip} />}
            {panel ? (
              <Panel {...props} onHide={() => setHidden(true)} grip={guiding ? null : grip} />
            ) : quiet ? (
              <div class={hint ? 'tr-quiet tr-quiet--hint' : 'tr-quiet'}>
                <div>
                  <p role="status">{t('quietWatching', productName(scan.console!))}</p>
                  {hint && <p class="tr-quiet__hint">{t(hint)}</p>}
                </div>
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
          </>
        )}
      </div>
      {props.highlight && <Highlight ring={place.ring} callout={place.callout} calloutRef={callout} label={props.highlight.label} />}
    </>
  );
}

/**
 * The handle that moves the stack to another corner: dragged (it docks in the corner nearest
 * where it is dropped) or with the arrow keys. Remembered per console.
 */
function Grip({ corner, onDock, stack }: { corner: Corner; onDock: (c: Corner) => void; stack: { current: HTMLElement | null } }) {
  const drag = useRef<{ x: number; y: number; id: number } | null>(null);
  const stop = () => {
    drag.current = null;
    if (stack.current) stack.current.style.translate = '';
  };
  // Gone in the middle of a drag (the stack folded, the guide ended): the stack is not left moved.
  useEffect(() => stop, []);
  return (
    <button
      type="button"
      class="tr-grip"
      aria-label={t('overlayMove')}
      title={t('overlayMoveHint')}
      onKeyDown={(e) => {
        if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
        const next = cornerToward(corner, e.key);
        if (!next || !e.isTrusted) return;
        e.preventDefault();
        e.stopPropagation();
        if (next !== corner) onDock(next);
      }}
      onPointerDown={(e) => {
        if (!e.isTrusted || e.button !== 0) return;
        drag.current = { x: e.clientX, y: e.clientY, id: e.pointerId };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d || d.id !== e.pointerId || !stack.current) return;
        stack.current.style.translate = `${e.clientX - d.x}px ${e.clientY - d.y}px`;
      }}
      onPointerUp={(e) => {
        const d = drag.current;
        if (!d || d.id !== e.pointerId) return;
        stop();
        if (Math.hypot(e.clientX - d.x, e.clientY - d.y) < 6) return;
        onDock(nearestCorner(viewport(), e.clientX, e.clientY));
      }}
      onPointerCancel={stop}
      onLostPointerCapture={stop}
    >
      <span class="tr-grip__dots" aria-hidden="true" />
    </button>
  );
}

/** The first of the page's most urgent credentials (its date's urgency or the state read beside it, the worse). */
function mostUrgent(credentials: readonly FoundCredential[], now: Date): FoundCredential | undefined {
  let best: FoundCredential | undefined;
  let rank = Infinity;
  for (const c of credentials) {
    const r = URGENCY_ORDER.indexOf(standing(urgencyOf(c.kind, c.expiresOn, now), c.health).urgency);
    if (r < rank) {
      rank = r;
      best = c;
    }
  }
  return best;
}

function Panel({ scan, now, error, guide, onStartGuide, onAddByHand, onSaveOutline, onHide, onHideHere, grip }: OverlayProps & { onHide: () => void; grip: JSX.Element | null }) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const product = productName(scan.console!);
  // Collapsed, the panel shows the most urgent credential only (the first of the most urgent):
  // only its view is worded, the others' urgency is all that is needed to find it.
  const first = mostUrgent(scan.credentials, now);
  const firstView = first && expiryView(first.kind, first.expiresOn, now, undefined, first.health);
  const worst = first && firstView && { urgency: firstView.urgency, text: firstView.text, label: first.name ? displayText(first.name, 60) : kindLabel(first.kind) };
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
        {grip}
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
