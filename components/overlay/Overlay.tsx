import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { PageScan } from '../../lib/scan';
import { siteOf } from '../../lib/consoles/hosts';

/**
 * The in-page panel: lives in the content script's shadow root, shows nothing on pages where
 * no credential was read, and renders every page-derived string as text.
 */
export function Overlay({ scan }: { scan: PageScan }) {
  const [hidden, setHidden] = useState(false);
  if (hidden || !scan.console || scan.credentials.length === 0) return null;
  return (
    <aside class="tr-panel" aria-label={t('panelTitle')}>
      <header class="tr-panel__head">
        <h2 class="tr-panel__title">{t('panelTitle')}</h2>
        <button type="button" class="tr-icon-button" aria-label={t('panelDismiss')} onClick={() => setHidden(true)}>
          ×
        </button>
      </header>
      <p class="tr-panel__lede">{t('panelWatching', siteOf(scan.console).product)}</p>
    </aside>
  );
}
