/**
 * "Consoles you use": the seed consoles (always read), a switch per console with optional cloud
 * hosts, and consoles added at their own addresses. The permission is asked for here, in the
 * click (the browser shows its prompt only for a user's action); the background stores the list
 * and registers the content script for what was granted.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { optionalPatterns } from '../../lib/consoles/hosts';
import { CONSOLES, type ConsoleId } from '../../lib/consoles/list';
import { addSite, ADDABLE_CONSOLES, NO_ACCESS, OPTIONAL_CONSOLES, sitePattern, type ConsoleAccess } from '../../lib/consoles/sites';
import { productName } from '../../lib/wording/describe';
import { codeKey, t } from '../../lib/i18n';
import { send } from '../../lib/messages';

type Status = { level: 'ok' | 'error'; text: string } | null;

export function ConsolesSection() {
  const [access, setAccess] = useState<ConsoleAccess>(NO_ACCESS);
  const [type, setType] = useState<ConsoleId>(ADDABLE_CONSOLES[0]!.id);
  const [address, setAddress] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void send({ type: 'consoles-get' }).then((a) => a.ok && setAccess(a.access)), []);

  const done = (answer: { ok: true; access: ConsoleAccess } | { ok: false; error: string }, ok: string) => {
    if (answer.ok) {
      setAccess(answer.access);
      setStatus({ level: 'ok', text: ok });
    } else setStatus({ level: 'error', text: answer.error });
  };

  const toggle = (c: (typeof OPTIONAL_CONSOLES)[number], on: boolean) => {
    const id = c.id;
    // Asked for in the click itself: no await before the request.
    const asked = on ? browser.permissions.request({ origins: optionalPatterns(c) }) : Promise.resolve(true);
    setBusy(true);
    void asked
      .then(async (granted) => {
        if (!granted) return setStatus({ level: 'error', text: t('consolesDenied') });
        done(await send({ type: 'consoles-enable', console: id, on }), on ? t('consolesAddedOk', productName(id), optionalPatterns(c).join(', ')) : t('consolesRemovedOk', productName(id)));
      })
      .finally(() => setBusy(false));
  };

  const add = (event: Event) => {
    event.preventDefault();
    const checked = addSite(access, type, address);
    if (!checked.ok) return setStatus({ level: 'error', text: t(codeKey('siteErr_', checked.error)) });
    const { origin } = checked.site;
    setBusy(true);
    void browser.permissions
      .request({ origins: [sitePattern(origin)] })
      .then(async (granted) => {
        if (!granted) return setStatus({ level: 'error', text: t('siteErr_permission') });
        const answer = await send({ type: 'consoles-add', console: type, origin });
        done(answer, t('consolesAddedOk', productName(type), origin));
        if (answer.ok) setAddress('');
      })
      .finally(() => setBusy(false));
  };

  const remove = (origin: string) => {
    setBusy(true);
    void send({ type: 'consoles-remove', origin })
      .then((answer) => done(answer, t('consolesRemovedOk', origin)))
      .finally(() => setBusy(false));
  };

  return (
    <section id="consoles" aria-labelledby="consoles-heading">
      <h2 id="consoles-heading">{t('consolesHeading')}</h2>
      <p>{t('consolesAlways')}</p>
      <ul class="sites">
        {CONSOLES.filter((c) => c.hosts.length > 0).map((c) => (
          <li key={c.id}>
            <strong>{productName(c.id)}</strong> <span class="muted">{c.hosts.map((h) => h.host + (h.pathPrefix ?? '')).join(', ')}</span>
          </li>
        ))}
      </ul>
      <p>{t('consolesOptional')}</p>
      <ul class="sites">
        {OPTIONAL_CONSOLES.map((c) => (
          <li key={c.id}>
            <label>
              <input type="checkbox" role="switch" checked={access.enabled.includes(c.id)} disabled={busy} onChange={(e) => toggle(c, (e.currentTarget as HTMLInputElement).checked)} />{' '}
              {t('consolesSwitch', productName(c.id))}
            </label>{' '}
            <span class="muted">{(c.optionalHosts ?? []).map((h) => h.host).join(', ')}</span>
          </li>
        ))}
      </ul>
      <h3>{t('consolesAddHeading')}</h3>
      <p>{t('consolesAddText')}</p>
      <form class="add-console" onSubmit={add}>
        <label>
          {t('consolesAddType')}{' '}
          <select value={type} onChange={(e) => setType((e.currentTarget as HTMLSelectElement).value as ConsoleId)}>
            {ADDABLE_CONSOLES.map((c) => (
              <option key={c.id} value={c.id}>{productName(c.id)}</option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('consolesAddAddress')}{' '}
          <input type="text" inputMode="url" autoComplete="off" spellcheck={false} placeholder="https://mdm.example.com" value={address} onInput={(e) => setAddress((e.currentTarget as HTMLInputElement).value)} />
        </label>{' '}
        <button type="submit" disabled={busy}>{t('consolesAddButton')}</button>
      </form>
      <p role="status" class={status?.level === 'error' ? 'error' : 'muted'}>{status?.text ?? ''}</p>
      <h3>{t('consolesAddedList')}</h3>
      {access.sites.length === 0 ? (
        <p class="muted">{t('consolesNoneAdded')}</p>
      ) : (
        <ul class="sites added-consoles">
          {access.sites.map((s) => (
            <li key={s.origin}>
              <strong>{productName(s.console)}</strong> <span>{s.origin}</span>{' '}
              <button type="button" disabled={busy} aria-label={t('consolesRemoveLabel', productName(s.console), s.origin)} onClick={() => remove(s.origin)}>
                {t('consolesRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
