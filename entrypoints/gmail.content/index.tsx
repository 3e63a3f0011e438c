import { mountSidebar } from '@/components/sidebar/mount';
import { createGmailAdapter } from '@/lib/webmail/gmail/adapter';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  // The sidebar bundles its stylesheet (components/sidebar/mount.ts): nothing to fetch or expose to the page.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Gmail's top bar (search, account menu) is 64 px tall in layout 2026-11: the open panel starts below it.
    await mountSidebar(ctx, createGmailAdapter(document, () => location.href), { topInsetPx: 64 });
  },
});
