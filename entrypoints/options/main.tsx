import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { ensureCatalogue, t, uiLanguage } from '../../lib/i18n';
import '../../components/page.css';

await ensureCatalogue();
document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<OptionsApp />, document.getElementById('app')!);
// Opened at a section (the welcome page links to #consoles): the page was empty when the browser looked for it.
if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
