// Property: whatever text or YAML a user feeds in, loading a tree ends in a model or in clean
// diagnostics with registered codes and positions inside the file, never in an exception.
import fc from 'fast-check';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { TREE_ERROR_CODES } from '../src/model/error-codes.js';
import { loadTree } from '../src/parse/yaml/load-tree.js';
import { FIXTURES } from './helpers/paths.js';

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftree-prop-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function checkClean(text: string): Promise<void> {
  const file = join(dir, `t${n++}.yaml`);
  await writeFile(file, text);
  const r = await loadTree(file);
  const known = Object.keys(TREE_ERROR_CODES);
  for (const d of r.diagnostics) {
    expect(known).toContain(d.code);
    expect(typeof d.message).toBe('string');
    if (d.span && d.span.file === file) {
      expect(d.span.line).toBeGreaterThanOrEqual(1);
      expect(d.span.col).toBeGreaterThanOrEqual(1);
      expect(d.span.start).toBeLessThanOrEqual(text.length);
    }
  }
  if (r.tree) expect(r.tree.gates.has(r.tree.top) || r.tree.events.has(r.tree.top)).toBe(true);
  else expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
}

const KEYS = ['ftree', 'name', 'top', 'mission_time', 'parameters', 'gates', 'events', 'houses', 'transfers', 'type', 'inputs', 'k', 'min', 'max',
  'probability', 'rate', 'mttr', 'repair_rate', 'weibull', 'scale', 'shape', 'distribution', 'evidence', 'logs', 'metrics', 'changes', 'pattern',
  'query', 'above', 'below', 'aggregate', 'check', 'how', 'cost', 'label', 'a', 'b', 'g', '__proto__', 'constructor'];
const SCALARS = fc.oneof(
  fc.constantFrom('and', 'or', 'not', 'xor', 'atleast', 'inhibit', 'a', 'b', 'g', '1h', '2e-5/h', '100 fit', '/(a+)+/', '/[/', '1 - exp(-x)', '__proto__', 'lognormal'),
  fc.double(),
  fc.integer({ min: -3, max: 5 }),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
);
const { value: YAML_VALUE } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    SCALARS,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }),
  ),
}));

describe('loading never throws', () => {
  it('on random text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), checkClean), { numRuns: 150 });
  });

  it('on random YAML shaped like trees', async () => {
    const tree = fc.record({ ftree: fc.constantFrom(1, 1, 2, 'x'), top: fc.constantFrom('g', 'a', 'zz'), gates: YAML_VALUE, events: YAML_VALUE }, { requiredKeys: ['ftree'] });
    await fc.assert(fc.asyncProperty(fc.oneof(tree, YAML_VALUE), (v) => checkClean(stringify(v))), { numRuns: 300 });
  });

  it('on random single-character edits of a valid tree', async () => {
    const valid = await readFile(join(FIXTURES, 'valid', 'small.yaml'), 'utf8');
    const edit = fc.record({ at: fc.nat({ max: valid.length }), del: fc.nat({ max: 3 }), ins: fc.string({ maxLength: 3 }) });
    await fc.assert(fc.asyncProperty(edit, ({ at, del, ins }) => checkClean(valid.slice(0, at) + ins + valid.slice(at + del))), { numRuns: 300 });
  });
});
