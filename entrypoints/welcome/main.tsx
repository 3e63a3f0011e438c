import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import '@/components/ui/relance.css';
import { Welcome } from './Welcome';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('welcomeTitle') || 'Relance';
document.body.className = 'rl rl-page';
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <Welcome
      isChrome={!import.meta.env.FIREFOX}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      // The tab was opened by the background on install: closing it is allowed without any permission.
      onDone={() => window.close()}
    />,
  );
}
