import type { IsoDate } from '@/lib/domain/types';

/** The name of an export file: relance-backup-YYYY-MM-DD.json. */
export function backupFileName(today: IsoDate): string {
  return `relance-backup-${today}.json`;
}

/** The export's text: indented so a person can read (and a diff can compare) it. */
export function backupFileText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
