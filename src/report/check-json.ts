// `ftree check --format json` (report stage): every tree with its limits, values and offenders.

import { diagnosticToJson } from './render-diagnostics.js';
import { describeCheck, hasFailed, isInvalid, type CheckReport } from './check-result.js';

export function checkToJson(report: CheckReport): Record<string, unknown> {
  const trees = report.trees;
  return {
    ftree: 1,
    passed: !trees.some(hasFailed),
    trees: trees.map((t) => ({
      file: t.file,
      ...(t.name !== undefined ? { tree: t.name } : {}),
      valid: !isInvalid(t),
      passed: !hasFailed(t),
      ...(t.pTop !== undefined ? { p_top: t.pTop } : {}),
      checks: t.checks.map((c) => ({
        rule: c.rule,
        passed: c.passed,
        limit: c.limit,
        value: c.value,
        source: c.from.kind === 'cli' ? 'cli' : 'tree',
        message: describeCheck(c),
        ...(c.rule === 'max-importance' ? { measure: 'birnbaum' } : {}),
        offenders: c.offenders.map((o) => ({ id: o.id, value: o.value })),
      })),
      diagnostics: t.diagnostics.map(diagnosticToJson),
    })),
    summary: {
      trees: trees.length,
      passed: trees.filter((t) => !hasFailed(t)).length,
      over_budget: trees.filter((t) => !isInvalid(t) && t.checks.some((c) => !c.passed)).length,
      invalid: trees.filter(isInvalid).length,
    },
  };
}
