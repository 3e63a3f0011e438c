import { z } from 'zod';
import { FIRST_VIEW_LABELS, STATIC_ATTR, STATIC_CLASS, STATIC_TAGS, type FirstViewLabel, type StaticNode } from './first-view-vocabulary';

export type { StaticNode, StaticTag } from './first-view-vocabulary';

/**
 * The first view of a sidebar left open, formatted by the background (`sidebar.load` with `firstView: true`): the
 * panel's first render as a small tree of elements and TEXT, in the user's UI language, with dates and amounts
 * already written. The webmail page paints it with createElement and textContent (components/sidebar/static-dom.ts)
 * before React, the panel's script, Intl and i18n are loaded there; the React panel takes over when the user acts.
 *
 * The tree is a closed vocabulary: a few tags, classes of Relance's stylesheet, data-* hooks and a few ARIA and
 * form attributes. Mail-derived strings (names, numbers, evidence, drafts) are only ever text children or attribute
 * values: nothing in it is markup, and the page's renderer refuses what is not in the vocabulary.
 */
// Generous: the bound is for a runaway answer, not for text (a draft, evidence quoting a long subject).
const TEXT_MAX = 2_000_000;
const TAGS: ReadonlySet<string> = new Set(STATIC_TAGS);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A node and its subtree in the vocabulary. A loop rather than a recursive zod schema: a large client's first view
 * has thousands of nodes, and zod's lazy schemas cost several ms on each answer.
 */
export function isStaticTree(root: unknown): root is StaticNode {
  const stack: unknown[] = [root];
  // A bound on the walk: a runaway (or cyclic) answer is refused rather than walked for ever.
  let budget = 500_000;
  while (stack.length > 0) {
    if (--budget < 0) return false;
    const n = stack.pop();
    if (typeof n === 'string') {
      if (n.length > TEXT_MAX) return false;
      continue;
    }
    if (!isRecord(n) || typeof n['tag'] !== 'string' || !TAGS.has(n['tag'])) return false;
    const { cls, attrs, kids } = n;
    if (cls !== undefined && (typeof cls !== 'string' || cls.length > 400 || !STATIC_CLASS.test(cls))) return false;
    if (attrs !== undefined) {
      if (!isRecord(attrs)) return false;
      for (const [k, v] of Object.entries(attrs)) if (!STATIC_ATTR.test(k) || typeof v !== 'string' || v.length > TEXT_MAX) return false;
    }
    if (kids !== undefined) {
      if (!Array.isArray(kids)) return false;
      for (const k of kids) stack.push(k);
    }
    for (const key of Object.keys(n)) if (key !== 'tag' && key !== 'cls' && key !== 'attrs' && key !== 'kids') return false;
  }
  return true;
}

export const StaticNodeSchema = z.custom<StaticNode>(isStaticTree, { message: 'not a first-view node' });

export const FirstViewSchema = z.object({
  labels: z.object(Object.fromEntries(FIRST_VIEW_LABELS.map((k) => [k, z.string().max(1000)])) as Record<FirstViewLabel, z.ZodString>),
  /** Under the correspondent's name and address: the look-alike warning, when there is one. */
  who: z.array(StaticNodeSchema),
  /** The panel's body after the page's own notices: detections, invoices, next step, risk, timeline. */
  body: z.array(StaticNodeSchema),
});
export type FirstView = z.infer<typeof FirstViewSchema>;
