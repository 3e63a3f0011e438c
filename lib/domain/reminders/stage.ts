/** Steps of the escalation ladder, softest first (DOMAIN.md §1, §5). */
export const STAGES = ['pre_due', 'first', 'second', 'formal_notice', 'stop_work', 'handover'] as const;
export type Stage = (typeof STAGES)[number];

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** Position on the ladder (0 = pre_due); comparing ranks says which step is further along. */
export function stageRank(stage: Stage): number {
  return STAGES.indexOf(stage);
}
