// "Unexplained evidence" (evidence stage, DESIGN §6): log templates that are new in the window or
// surge against the baseline, and that no log signal of the tree matched — a hint of a missing cause.

import type { UnexplainedTemplate } from './evidence-result.js';
import type { LogTemplate } from './mine-log-templates.js';
import { poissonUpperTail } from './poisson-upper-tail.js';

export interface UnexplainedOptions {
  /** Window length / baseline length, to scale the baseline count. */
  readonly ratio: number;
  /** A new template needs at least this many lines in the window (default 3). */
  readonly minNew?: number;
  /** A surge needs a Poisson tail below this (default 0.001) … */
  readonly alpha?: number;
  /** … and at least this many times the expected count (default 3). */
  readonly minFactor?: number;
  /** At most this many are returned (default 20). */
  readonly limit?: number;
}

export function findUnexplainedTemplates(templates: readonly LogTemplate[], options: UnexplainedOptions): UnexplainedTemplate[] {
  const minNew = options.minNew ?? 3;
  const alpha = options.alpha ?? 0.001;
  const minFactor = options.minFactor ?? 3;
  const out: UnexplainedTemplate[] = [];
  for (const t of templates) {
    if (t.explained || t.window === 0) continue;
    const expected = t.baseline * options.ratio;
    const pValue = poissonUpperTail(t.window, expected);
    const extra = { ...(t.firstSeen !== undefined ? { firstSeen: t.firstSeen } : {}), ...(t.sample !== undefined ? { sample: t.sample } : {}) };
    if (t.baseline === 0) {
      if (t.window >= minNew) out.push({ template: t.template, window: t.window, baseline: 0, why: 'new', pValue, ...extra });
    } else if (pValue < alpha && t.window >= minFactor * expected) {
      out.push({ template: t.template, window: t.window, baseline: t.baseline, why: 'surge', pValue, ...extra });
    }
  }
  out.sort((a, b) => a.pValue - b.pValue || b.window - a.window || (a.template < b.template ? -1 : 1));
  return out.slice(0, options.limit ?? 20);
}
