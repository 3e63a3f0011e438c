import { mountSidebar } from '@/components/sidebar/mount';
import { createOutlookAdapter } from '@/lib/webmail/outlook/adapter';

export default defineContentScript({
  matches: [
    'https://outlook.live.com/*',
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
  // The sidebar bundles its stylesheet (components/sidebar/mount.ts): nothing to fetch or expose to the page.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // OWA's suite header (account manager) is 48 px tall in layout 2026-11: the open panel starts below it.
    await mountSidebar(ctx, createOutlookAdapter(document, () => location.href), { topInsetPx: 48 });
  },
});
