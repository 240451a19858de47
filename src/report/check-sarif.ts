// `ftree check --format sarif` (report stage): SARIF 2.1.0 for GitHub code scanning and other
// viewers: one rule per budget (and one for invalid trees), one result per failed limit at the
// tree's `top:` or per offending event at its definition, and each tree error at its position.

import type { SourceSpan } from '../model/source-span.js';
import { BUDGET_RULES, type BudgetRule } from '../engine/check-budgets.js';
import { listCheckFindings, RULE_HELP, RULE_TITLES, type CheckReport } from './check-result.js';

const RULES: readonly (BudgetRule | 'invalid-tree')[] = [...BUDGET_RULES, 'invalid-tree'];

export function checkToSarif(report: CheckReport): Record<string, unknown> {
  const results: Record<string, unknown>[] = [];
  const location = (file: string, span: SourceSpan | undefined) => ({
    physicalLocation: {
      artifactLocation: { uri: toUri(span?.file ?? file) },
      region: span ? { startLine: span.line, startColumn: span.col } : { startLine: 1 },
    },
  });
  const ruleIndex = (r: BudgetRule | 'invalid-tree') => RULES.indexOf(r);
  for (const f of listCheckFindings(report)) {
    const base = { ruleId: f.rule, ruleIndex: ruleIndex(f.rule), level: 'error' as const, message: { text: f.message }, locations: [location(f.tree, f.span)] };
    if (f.rule === 'invalid-tree') {
      results.push({ ...base, properties: { code: f.code } });
      continue;
    }
    const props = { limit: f.check!.limit, value: f.check!.value, source: f.check!.from.kind, tree: f.treeName };
    results.push({ ...base, properties: f.offender ? { ...props, event: f.offender.id, value: f.offender.value } : props });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ftree',
            version: report.version,
            semanticVersion: report.version,
            informationUri: 'https://www.npmjs.com/package/ftree',
            rules: RULES.map((r) => ({
              id: r,
              name: r.replace(/-(.)/g, (_m, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
              shortDescription: { text: RULE_TITLES[r] },
              fullDescription: { text: RULE_HELP[r] },
              help: { text: RULE_HELP[r] },
              defaultConfiguration: { level: 'error' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function toUri(path: string): string {
  return path.split(/[\\/]/).map((s) => encodeURIComponent(s)).join('/');
}
