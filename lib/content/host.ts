import { browser } from 'wxt/browser';

/**
 * The few things the sidebar asks of the browser, kept out of components/ (which never call browser.*).
 */
export interface SidebarHost {
  /** The printable formal-notice letter (an extension page) for this client, in a new tab. */
  openLetter(clientEmail: string): void;
  /** Saves a text file the user asked for (the dossier), through a download in the page. */
  download(filename: string, text: string, mime: string): void;
}

export function letterUrl(getUrl: (path: '/letter.html') => string, clientEmail: string): string {
  return `${getUrl('/letter.html')}?client=${encodeURIComponent(clientEmail)}`;
}

export function createSidebarHost(doc: Document): SidebarHost {
  return {
    openLetter(clientEmail) {
      doc.defaultView?.open(letterUrl((p) => browser.runtime.getURL(p), clientEmail), '_blank', 'noopener');
    },
    download(filename, text, mime) {
      const url = URL.createObjectURL(new Blob([text], { type: mime }));
      const a = doc.createElement('a');
      a.href = url;
      a.download = filename;
      a.style.display = 'none';
      doc.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}
