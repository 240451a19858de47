// Runs the built CLI on the scenario suite and scores it against each scenario's truth: first
// rank, top 3 and, on quiet windows, whether nothing is blamed. Shared by bench/scenarios.mjs
// and test/scenarios.test.ts so that both count the same way (docs/diagnosis.md, "Scenario suite").

import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(REPO_ROOT, 'bin', 'ftree.js');

/** `ftree analyze <tree> <args> --format json` in `root` (the generated suite's folder). */
export function analyzeScenario(root, truth, extra = []) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, 'analyze', truth.tree, ...truth.args, ...extra, '--format', 'json'],
      { cwd: root, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`ftree analyze failed on ${truth.name}: ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout));
      },
    );
  });
}

/**
 * Scores one diagnosis. A cause scenario counts at first rank when the verdict names suspects and
 * rank 1 is a true cause, in the top 3 when every true cause is within ranks 1–3 (with suspects
 * named: a list titled "not a diagnosis" counts for nothing). A quiet window passes when the
 * verdict blames nothing. `pass`: first rank for one cause, the top 3 for two, blame-nothing for none.
 */
export function judgeScenario(truth, d) {
  const ranked = d.events
    .filter((e) => typeof e.rank === 'number')
    .sort((a, b) => a.rank - b.rank)
    .map((e) => e.id);
  const base = { name: truth.name, family: truth.family, causes: truth.causes, verdict: d.verdict.kind, reason: d.verdict.reason, ranked: ranked.slice(0, 5), knownMiss: truth.known_miss };
  if (truth.causes.length === 0) {
    const quietOk = d.verdict.blames_nothing === true && d.verdict.suspects.length === 0;
    return { ...base, quiet: true, first: null, top3: null, firstTwo: null, quietOk, pass: quietOk };
  }
  const diagnosed = d.verdict.kind === 'suspects';
  const first = diagnosed && truth.causes.includes(ranked[0]);
  const top3 = diagnosed && truth.causes.every((c) => ranked.slice(0, 3).includes(c));
  const firstTwo = truth.causes.length === 2 ? diagnosed && truth.causes.every((c) => ranked.slice(0, 2).includes(c)) : null;
  return { ...base, quiet: false, first, top3, firstTwo, quietOk: null, pass: truth.causes.length === 1 ? first : top3 };
}

/** Runs every scenario, `concurrency` at a time; results in the truths' order. */
export async function evaluateSuite(root, truths, { concurrency = 2 } = {}) {
  const results = new Array(truths.length);
  let next = 0;
  const worker = async () => {
    while (next < truths.length) {
      const i = next++;
      results[i] = judgeScenario(truths[i], await analyzeScenario(root, truths[i]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, truths.length) }, worker));
  return results;
}

const ratio = (k, n) => (n === 0 ? null : k / n);

/**
 * First-rank and top-3 accuracy over the cause scenarios, specificity over the quiet ones, and
 * for scenarios with two causes how often both are the first two.
 */
function score(results) {
  const causes = results.filter((r) => !r.quiet);
  const quiet = results.filter((r) => r.quiet);
  const pairs = results.filter((r) => r.firstTwo !== null);
  return {
    scenarios: results.length,
    with_cause: causes.length,
    first_rank: ratio(causes.filter((r) => r.first).length, causes.length),
    top3: ratio(causes.filter((r) => r.top3).length, causes.length),
    quiet: quiet.length,
    quiet_specificity: ratio(quiet.filter((r) => r.quietOk).length, quiet.length),
    two_causes: pairs.length,
    both_first_two: ratio(pairs.filter((r) => r.firstTwo).length, pairs.length),
  };
}

/** The scores per family (in the order first met) and overall. */
export function summarizeSuite(results) {
  const families = [...new Set(results.map((r) => r.family))];
  return {
    families: Object.fromEntries(families.map((f) => [f, score(results.filter((r) => r.family === f))])),
    overall: score(results),
  };
}
