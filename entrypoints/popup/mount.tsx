import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import { readPopupPage } from '@/components/popup/read-page';

export function mountPopup(firstPageReply: Promise<unknown>): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = browser.i18n.getMessage('extName') || 'Relance';
  document.body.className = 'rl rl-page';
  const root = document.getElementById('root');
  if (root) createRoot(root).render(
      <Popup onOpenOptions={() => void browser.runtime.openOptionsPage()} onOpenUrl={(url) => void browser.tabs.create({ url })} firstPage={readPopupPage(firstPageReply)} />,
    );
}
