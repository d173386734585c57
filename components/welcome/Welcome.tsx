/**
 * The welcome page: opened once when Token Radar is installed, and from the popup and the
 * settings. What it does, where each console the admin picks keeps its Apple credentials (the
 * pages to visit once, with links where the address is the same for everyone), which consoles
 * must be turned on first, and what stays on the machine.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CONSOLES, type ConsoleId } from '../../lib/consoles/list';
import type { ConsolePlace } from '../../lib/consoles/types';
import { t } from '../../lib/i18n';
import { kindLabel, productName } from '../../lib/wording/describe';

type Console = (typeof CONSOLES)[number];
const MDM = CONSOLES.filter((c) => c.role === 'mdm');
const APPLE = CONSOLES.filter((c) => c.role === 'apple');
/** Read wherever the extension is installed: nothing to turn on. */
const needsTurningOn = (c: Console) => c.hosts.length === 0;

function Places({ console: c }: { console: Console }) {
  const places: readonly ConsolePlace[] = c.places ?? [];
  const name = productName(c.id);
  return (
    <div class="welcome__places">
      {needsTurningOn(c) && (
        <p class="welcome__note">
          {t('welcomeTurnOn', name)}{' '}
          <a href={browser.runtime.getURL('/options.html#consoles')}>{t('welcomeTurnOnLink')}</a>
        </p>
      )}
      {places.length > 0 ? (
        <ul class="welcome__list">
          {places.map((p) => (
            <li key={p.path}>
              <span class="welcome__kinds">{p.holds.map((k) => kindLabel(k)).join(' · ')}</span>
              {/* The console's own menu labels, as it shows them: never translated. */}
              <span class="welcome__path" lang={/[\u3040-\u30ff\u4e00-\u9fff]/.test(p.path) ? 'ja' : 'en'}>{p.path}</span>
              {p.url && (
                <a class="welcome__open" href={p.url} target="_blank" rel="noopener noreferrer" aria-label={t('welcomeOpenLabel', p.path, name)}>
                  {t('welcomeOpen')}
                </a>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('welcomeNoPlaces', name)}</p>
      )}
    </div>
  );
}

export function Welcome() {
  const [picked, setPicked] = useState<ReadonlySet<ConsoleId>>(new Set());
  const toggle = (id: ConsoleId, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };
  return (
    <main class="options welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p class="welcome__lead">{t('welcomeLead')}</p>

      <section aria-labelledby="welcome-consoles">
        <h2 id="welcome-consoles">{t('welcomeConsolesHeading')}</h2>
        <p>{t('welcomeConsolesIntro')}</p>
        <p class="muted">{t('welcomePathNote')}</p>
        <ul class="welcome__consoles">
          {MDM.map((c) => (
            <li key={c.id}>
              <label class="check">
                <input type="checkbox" checked={picked.has(c.id)} onChange={(e) => toggle(c.id, e.currentTarget.checked)} aria-controls={`places-${c.id}`} />
                {productName(c.id)}
              </label>
              <div id={`places-${c.id}`} hidden={!picked.has(c.id)}>
                {picked.has(c.id) && <Places console={c} />}
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="welcome-apple">
        <h2 id="welcome-apple">{t('welcomeAppleHeading')}</h2>
        <p>{t('welcomeAppleIntro')}</p>
        {APPLE.map((c) => (
          <div key={c.id}>
            <h3>{productName(c.id)}</h3>
            <Places console={c} />
          </div>
        ))}
      </section>

      <section aria-labelledby="welcome-next">
        <h2 id="welcome-next">{t('welcomeNextHeading')}</h2>
        <ul>
          <li>{t('welcomeNextBadges')}</li>
          <li>{t('welcomeNextList')}</li>
          <li>{t('welcomeNextNotify')}</li>
          <li>{t('welcomeNextGuide')}</li>
        </ul>
      </section>

      <section aria-labelledby="welcome-privacy">
        <h2 id="welcome-privacy">{t('welcomePrivacyHeading')}</h2>
        <p>{t('privacyText')}</p>
      </section>

      <p class="welcome__actions">
        <a class="button" href={browser.runtime.getURL('/popup.html')}>{t('welcomeOpenList')}</a>{' '}
        <a class="button button--quiet" href={browser.runtime.getURL('/options.html')}>{t('openOptions')}</a>
      </p>
    </main>
  );
}
