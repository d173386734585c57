import { render } from 'preact';
import { Welcome } from '../../components/welcome/Welcome';
import { t, uiLanguage } from '../../lib/i18n';
import '../../components/page.css';

document.documentElement.lang = uiLanguage();
document.title = t('welcomeTitle');
render(<Welcome />, document.getElementById('app')!);
