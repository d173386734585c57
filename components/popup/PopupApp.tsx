import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';

export function PopupApp() {
  return (
    <main class="popup">
      <header class="bar">
        <h1 class="bar__title">{t('popupHeading')}</h1>
        <button type="button" class="button button--quiet" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      <section class="empty" aria-labelledby="empty-title">
        <h2 id="empty-title">{t('emptyTitle')}</h2>
        <p>{t('emptyIntro')}</p>
        <ol>
          <li>{t('emptyVisit')}</li>
          <li>{t('emptyFile')}</li>
          <li>{t('emptyManual')}</li>
        </ol>
      </section>
    </main>
  );
}
