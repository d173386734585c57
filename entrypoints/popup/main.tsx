import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { pageCatalogue, t, uiLanguage } from '../../lib/i18n';
import '../../components/page.css';

await pageCatalogue();
document.documentElement.lang = uiLanguage();
document.title = t('actionTitle');
render(<PopupApp />, document.getElementById('app')!);
