import { render } from 'preact';
import { Welcome } from '../../components/welcome/Welcome';
import { ensureCatalogue, t, uiLanguage } from '../../lib/i18n';
import '../../components/page.css';

await ensureCatalogue();
document.documentElement.lang = uiLanguage();
document.title = t('welcomeTitle');
render(<Welcome />, document.getElementById('app')!);
