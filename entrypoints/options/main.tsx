import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Options } from '@/components/options/Options';
import '@/components/ui/relance.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('optionsTitle') || 'Relance';
document.body.className = 'rl rl-page';
const root = document.getElementById('root');
if (root) createRoot(root).render(<Options />);
