import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { LetterPage } from '@/components/letter/LetterPage';
import './letter.css';

// letter.html?client=<email>: the formal notice for that client, laid out for A4 and printed to PDF by the user.
const clientEmail = new URLSearchParams(location.search).get('client') ?? '';
document.documentElement.lang = browser.i18n.getUILanguage();
const root = document.getElementById('root');
if (root) createRoot(root).render(<LetterPage clientEmail={clientEmail} onPrint={() => window.print()} />);
