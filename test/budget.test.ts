// The `budget:` block of the tree format: read with positions, checked like other values, and
// accepted or rejected by the JSON Schema alike.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { loadTree } from '../src/parse/yaml/load-tree.js';
import { FIXTURES, REPO_ROOT } from './helpers/paths.js';

const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'ftree.schema.json'), 'utf8')) as object);

describe('budget', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ftree-budget-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const tree = (budget: string) => `ftree: 1\nname: t\ntop: g\nbudget:\n${budget}\ngates:\n  g: { type: or, inputs: [a] }\nevents:\n  a: { probability: 0.1 }\n`;
  const load = async (budget: string) => {
    const file = join(dir, `t${Math.random().toString(36).slice(2)}.yaml`);
    const text = tree(budget);
    await writeFile(file, text);
    return { result: await loadTree(file), schemaOk: validate(parse(text)) };
  };

  it('reads every limit with the position of its key', async () => {
    const { tree: t } = await loadTree(join(FIXTURES, 'check', 'within-budget.yaml'));
    expect(t!.budget).toMatchObject({ maxProbability: 1e-4, singlePoints: false, maxImportance: 0.05 });
    expect(t!.budget!.spans!.maxProbability).toMatchObject({ line: 8, col: 3 });
    expect(t!.topSpan).toMatchObject({ line: 5, col: 6 });
  });

  it.each([
    ['  max_probability: 1.5', 'PROBABILITY_RANGE', 5, 20],
    ['  single_points: no', 'INVALID_TYPE', 5, 18],
    ['  max_importance: "high"', 'INVALID_TYPE', 5, 19],
    ['  max_probabilty: 1e-4', 'UNKNOWN_KEY', 5, 3],
  ])('%s is an error (%s), for the parser and the schema', async (budget, code, line, col) => {
    const { result, schemaOk } = await load(budget);
    expect(result.diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.col}`)).toEqual([`${code} ${line}:${col}`]);
    expect(schemaOk).toBe(false);
  });

  it('accepts an empty budget and a partial one', async () => {
    for (const budget of ['  ', '  max_probability: 0.5']) {
      const { result, schemaOk } = await load(budget);
      expect(result.diagnostics).toEqual([]);
      expect(schemaOk).toBe(true);
    }
  });
});
