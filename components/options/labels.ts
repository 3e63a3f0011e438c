import type { LadderPlan } from '@/lib/domain/ladder/plans';
import type { Jurisdiction, Lang } from '@/lib/domain/types';
import { t } from '@/components/ui/i18n';

/** Languages reminders are drafted in (lib/domain/reminders: fr, en, de), by their own names. */
export const REMINDER_LANGUAGES: { value: Lang; label: string }[] = [
  { value: 'fr', label: 'Français' },
  { value: 'en', label: 'English' },
  { value: 'de', label: 'Deutsch' },
];

export function jurisdictionLabel(j: Jurisdiction): string {
  switch (j) {
    case 'FR':
      return t('jurisdictionFR');
    case 'EU':
      return t('jurisdictionEU');
    case 'UK':
      return t('jurisdictionUK');
    case 'US':
      return t('jurisdictionUS');
  }
}

/** Built-in plans by their translated names; the user's copies by the name they gave. */
export function planName(p: Pick<LadderPlan, 'id' | 'name'>): string {
  switch (p.id) {
    case 'standard-formal':
      return t('planStandardFormal');
    case 'standard-informal':
      return t('planStandardInformal');
    case 'firm-formal':
      return t('planFirmFormal');
    case 'firm-informal':
      return t('planFirmInformal');
    default:
      return p.name;
  }
}
