import { productName } from '../../lib/wording/describe';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { consoleOf } from '../../lib/consoles/hosts';
import { holderNote } from '../../lib/credentials/apple-id';
import { credentialConsequence, credentialName, credentialView, displayText, formatDate, healthAdvice, healthLabel, kindLabel, lastSeenText, relativeDays } from '../../lib/wording/describe';
import type { Credential } from '../../lib/credentials/model';
import type { ListItem } from '../../lib/inventory/list';
import type { AddedSite } from '../../lib/consoles/types';
import { renewUrl } from '../../lib/consoles/renew-url';
import { calendarDate, daysLeft, projectedExpiry } from '../../lib/credentials/urgency';
import { t } from '../../lib/i18n';
import { conflicts } from '../../lib/credentials/merge';
import { flowOf } from '../../lib/guide/machine';
import type { Request } from '../../lib/messages';

export interface RowActions {
  /** Sends a change; resolves to what went wrong, said in the row, or null. */
  run: (request: Request) => Promise<string | null>;
  edit: (id: string) => void;
  /** Starts the renewal guide and opens the page where it begins; resolves to what went wrong, or null. */
  renew: (id: string) => Promise<string | null>;
}

/** One credential: a summary line that opens its details and actions. */
export function CredentialRow({ item, now, sites, open, onToggle, actions }: {
  item: ListItem;
  now: Date;
  /** The consoles added at their own addresses: a page of one of them can be opened. */
  sites: readonly AddedSite[];
  open: boolean;
  onToggle: () => void;
  actions: RowActions;
}) {
  const c = item.credential;
  const view = credentialView(c, now);
  const name = displayText(credentialName(c));
  const detailsId = `details-${c.id}`;
  const summary = useRef<HTMLButtonElement>(null);
  return (
    <li
      class={`cred cred--${item.urgency}`}
      id={`cred-${c.id}`}
      // Escape closes the open details (a form or confirmation inside closes first) and gives the focus back to the row.
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.preventDefault();
        onToggle();
        summary.current?.focus();
      }}
    >
      <button type="button" ref={summary} class="cred__summary" aria-expanded={open} aria-controls={detailsId} onClick={onToggle}>
        <span class="cred__line">
          <span class="cred__kind">{kindLabel(c.kind)}</span>
          <span class={`chip chip--${view.urgency}`}>{view.text}</span>
        </span>
        {/* Nothing names it but its kind (a console's lone push certificate): said once, above. */}
        {name !== kindLabel(c.kind) && <span class="cred__name"><bdi>{name}</bdi></span>}
        <span class="cred__meta">
          {c.expiresOn ? formatDate(c.expiresOn) : '—'}
          {c.console ? ` · ${productName(c.console)}` : ''}
          {c.owner ? ` · ${t('ownerValue', c.owner)}` : ''}
          {c.archived ? ` · ${t('archivedTag')}` : ''}
        </span>
      </button>
      {open && <Details id={detailsId} item={item} now={now} sites={sites} actions={actions} name={name} />}
    </li>
  );
}

function Details({ id, item, now, sites, actions, name }: { id: string; item: ListItem; now: Date; sites: readonly AddedSite[]; actions: RowActions; name: string }) {
  const c = item.credential;
  const [mode, setMode] = useState<'idle' | 'renew' | 'delete'>('idle');
  const renewedButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLDivElement>(null);
  /** Back to the row's buttons, with the focus on the one that opened the form or confirmation. */
  const back = () => {
    const opener = mode === 'delete' ? deleteButton : renewedButton;
    setMode('idle');
    requestAnimationFrame(() => opener.current?.focus());
  };
  // A form or confirmation opened: its first field, or for a deletion the safe choice, has the focus.
  useEffect(() => {
    if (mode === 'renew') form.current?.querySelector<HTMLElement>('input')?.focus();
    if (mode === 'delete') form.current?.querySelector<HTMLElement>('[data-safe]')?.focus();
  }, [mode]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || mode === 'idle') return;
    e.preventDefault();
    e.stopPropagation();
    back();
  };
  const [failed, setFailed] = useState<string | null>(null);
  /** Runs a row action; its failure is shown here, beside the buttons. */
  const act = (done: Promise<string | null>, after?: () => void) =>
    void done.then((error) => {
      setFailed(error);
      if (!error) after?.();
    });
  const guided = c.kind !== 'symantec' && !!flowOf(c);
  const [renewDate, setRenewDate] = useState(projectedExpiry(now));
  const url = renewUrl(c, sites);
  const disagreeing = conflicts(c);
  const last = c.history.at(-1);
  const lastSeen = [...c.sources].sort((a, b) => b.seenAt.localeCompare(a.seenAt))[0];
  const holder = holderNote(c.appleId);
  return (
    <div class="cred__details" id={id} role="region" aria-label={t('detailsFor', name)}>
      <HealthNote credential={c} now={now} />
      {item.replaced && <p class="warn" role="note">{t(item.replaced.newer ? 'replacedPushNew' : 'replacedPush', item.replaced.topic)}</p>}
      {c.appleId && (
        <p>
          {t('appleIdValue', c.appleId)}
          {holder && <span class="warn" role="note"> {t(holder)}</span>}
        </p>
      )}
      {c.topic && <p class="mono">{t('topicValue', c.topic)}</p>}
      {c.vendor && <p class="muted">{t('vendorValue', c.vendor)}</p>}
      {c.account && <p>{c.account}</p>}
      {c.notes && <p class="notes">{c.notes}</p>}
      {disagreeing.length > 0 && (
        <p class="warn" role="note">
          {t(
            'conflictWarning',
            c.sources
              .filter((s) => s.expiresOn)
              .map((s) => `${s.console ? productName(s.console) : t('sourceManual')}: ${formatDate(s.expiresOn!)}`)
              .join(' / '),
          )}
        </p>
      )}
      {last && (
        <p class="muted">
          {c.history.length === 1
            ? t('historyOnce', last.from ? formatDate(last.from) : '—', formatDate(last.to))
            : t('historyValue', c.history.length, last.from ? formatDate(last.from) : '—', formatDate(last.to))}
        </p>
      )}
      {lastSeen && <p class="muted">{lastSeenText(lastSeen, now)}</p>}
      {c.snoozedUntil && c.snoozedUntil > now.toISOString() && <p class="muted">{t('snoozedUntil', formatDate(c.snoozedUntil.slice(0, 10)))}</p>}
      <p class="why">{credentialConsequence(c)}</p>

      {failed && <p class="error" role="alert">{failed}</p>}
      <div ref={form} onKeyDown={onKeyDown}>
      {mode === 'renew' && (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            act(actions.run({ type: 'renewed', id: c.id, expiresOn: renewDate }), back);
          }}
        >
          <label>
            {t('renewedDateLabel')}
            <input type="date" required value={renewDate} onInput={(e) => setRenewDate(e.currentTarget.value)} />
          </label>
          <p class="muted">{t('renewedHint', formatDate(projectedExpiry(now)))}</p>
          <div class="row-actions">
            <button type="submit" class="button button--primary">{t('save')}</button>
            <button type="button" class="button" onClick={back}>{t('cancel')}</button>
          </div>
        </form>
      )}
      {mode === 'delete' && (
        <div class="confirm" role="alertdialog" aria-label={t('confirmDelete', name)}>
          <p>{t('confirmDelete', name)}</p>
          <div class="row-actions">
            <button type="button" class="button button--danger" onClick={() => act(actions.run({ type: 'remove', id: c.id }))}>{t('confirmYes')}</button>
            <button type="button" class="button" data-safe onClick={back}>{t('cancel')}</button>
          </div>
        </div>
      )}
      </div>
      {mode === 'idle' && (
        <div class="row-actions">
          {guided && (
            <button type="button" class="button button--primary" onClick={() => act(actions.renew(c.id))}>{t('guideStart')}</button>
          )}
          {url && (
            <button type="button" class="button" onClick={() => void browser.tabs.create({ url })}>{t('actionOpenConsole')}</button>
          )}
          <button type="button" class="button" ref={renewedButton} onClick={() => setMode('renew')}>{t('actionRenewed')}</button>
          {c.snoozedUntil && c.snoozedUntil > now.toISOString() ? (
            <button type="button" class="button" onClick={() => act(actions.run({ type: 'snooze', id: c.id, days: 0 }))}>{t('actionUnsnooze')}</button>
          ) : (
            <>
              <button type="button" class="button" onClick={() => act(actions.run({ type: 'snooze', id: c.id, days: 1 }))}>{t('snoozeDay')}</button>
              <button type="button" class="button" onClick={() => act(actions.run({ type: 'snooze', id: c.id, days: 7 }))}>{t('snoozeWeek')}</button>
            </>
          )}
          <button type="button" class="button" onClick={() => actions.edit(c.id)}>{t('actionEdit')}</button>
          <button type="button" class="button" onClick={() => act(actions.run({ type: 'archive', id: c.id, archived: !c.archived }))}>
            {c.archived ? t('actionUnarchive') : t('actionArchive')}
          </button>
          <button type="button" class="button button--danger" ref={deleteButton} onClick={() => setMode('delete')}>{t('actionDelete')}</button>
        </div>
      )}
    </div>
  );
}

/** What was read beside the date: the state, what it means, and where and when it was shown. */
function HealthNote({ credential: c, now }: { credential: Credential; now: Date }) {
  const h = c.health;
  if (!h || h.state === 'active') return null;
  const advice = healthAdvice(h.state);
  const where = t(h.via === 'alert' ? 'healthViaAlert' : h.via === 'file' ? 'healthViaFile' : h.via === 'manual' ? 'healthViaManual' : 'healthViaPage');
  const when = relativeDays(daysLeft(calendarDate(new Date(h.seenAt)), now));
  return (
    <div class={advice ? 'warn' : 'muted'} role="note">
      {advice && (
        <p>
          <strong>{healthLabel(h.state)}</strong> — {advice}
        </p>
      )}
      {h.text && (
        <p class="muted">
          {t('healthRead', displayText(h.text, 80), where, when)}
        </p>
      )}
    </div>
  );
}
