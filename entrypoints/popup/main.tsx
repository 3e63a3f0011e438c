import { browser } from 'wxt/browser';
import { askFirstPage } from '@/components/popup/first-page';
import '@/components/ui/relance.css';

// The first page is asked for before React and zod are even loaded (mount.tsx comes by a dynamic import): the
// worker computes the page while this page fetches and compiles the code that will show it.
const firstPageReply = askFirstPage((message) => browser.runtime.sendMessage(message));
void import('./mount').then(({ mountPopup }) => mountPopup(firstPageReply));
