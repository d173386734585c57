import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { useEffect, useState } from 'preact/hooks';
import type { Credential } from '../../lib/credentials/model';
import { send } from '../../lib/messages';
import { FileCheck } from '../files/FileCheck';
import { ConsolesSection } from './ConsolesSection';
import { DataSection } from './DataSection';
import { SettingsForm } from './SettingsForm';

export function OptionsApp() {
  const [credentials, setCredentials] = useState<Credential[]>([]);
  const refresh = () => void send({ type: 'list' }).then((a) => a.ok && setCredentials(a.credentials));
  useEffect(refresh, []);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p>
        <a href={browser.runtime.getURL('/welcome.html')}>{t('welcomeLink')}</a>
      </p>
      <SettingsForm />
      <FileCheck credentials={credentials} onChanged={refresh} />
      <DataSection />
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('privacyHeading')}</h2>
        <p>{t('privacyText')}</p>
      </section>
      <ConsolesSection />
      <p class="muted">{t('versionLabel', browser.runtime.getManifest().version)}</p>
    </main>
  );
}
