import { browser } from 'wxt/browser';
import { CONSOLES } from '../../lib/consoles/list';
import { t } from '../../lib/i18n';
import { useEffect, useState } from 'preact/hooks';
import type { Credential } from '../../lib/inventory/model';
import { send } from '../../lib/messages';
import { FileCheck } from '../files/FileCheck';
import { DataSection } from './DataSection';
import { SettingsForm } from './SettingsForm';

export function OptionsApp() {
  const [credentials, setCredentials] = useState<Credential[]>([]);
  const refresh = () => void send({ type: 'list' }).then((a) => a.ok && setCredentials(a.credentials));
  useEffect(refresh, []);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <SettingsForm />
      <FileCheck credentials={credentials} onChanged={refresh} />
      <DataSection />
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('privacyHeading')}</h2>
        <p>{t('privacyText')}</p>
      </section>
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('sitesHeading')}</h2>
        <p>{t('sitesText')}</p>
        <ul class="sites">
          {CONSOLES.map((site) => (
            <li key={site.id}>
              <strong>{site.product}</strong>{' '}
              <span class="muted">{site.hosts.map((h) => h.host + (h.pathPrefix ?? '')).join(', ')}</span>
            </li>
          ))}
        </ul>
      </section>
      <p class="muted">{t('versionLabel', browser.runtime.getManifest().version)}</p>
    </main>
  );
}
