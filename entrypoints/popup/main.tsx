import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { ensureCatalogue, t, uiLanguage } from '../../lib/i18n';
import '../../components/page.css';

await ensureCatalogue();
document.documentElement.lang = uiLanguage();
document.title = t('actionTitle');
render(<PopupApp />, document.getElementById('app')!);
