// Validates every tree in trees/ against schema/ftree.schema.json (draft-07, the dialect
// yaml-language-server supports best), and checks that the schema rejects what editors should flag.

import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(root, 'schema', 'ftree.schema.json');
const treesDir = join(root, 'trees');
const MODELINE = '# yaml-language-server: $schema=../schema/ftree.schema.json';

function compileSchema(): ValidateFunction {
  // Strict mode catches typos in the schema itself (unknown keywords, keywords without their type);
  // strictRequired is off because draft-07 if/then branches name properties declared one level up.
  const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
}

function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}

const validate = compileSchema();
const treeFiles = readdirSync(treesDir)
  .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
  .sort();

/** A small valid tree that the negative cases below break one key at a time. */
function minimalTree(): Record<string, unknown> {
  return {
    ftree: 1,
    name: 'minimal',
    top: 'top',
    mission_time: '24h',
    gates: { top: { type: 'or', inputs: ['a', 'b'] } },
    events: {
      a: {
        probability: 0.01,
        evidence: {
          logs: [{ pattern: 'No space left on device' }],
          metrics: [{ query: 'node_filesystem_avail_bytes', below: 1e9, aggregate: 'min' }],
          changes: [{ service: 'payments-api', kind: 'deploy', within: '30m' }],
        },
        check: { how: 'df -h', cost: '2m' },
      },
      b: { rate: '2e-5/h', mttr: '4h' },
    },
    houses: { maintenance_mode: false },
  };
}

type Tree = ReturnType<typeof minimalTree>;
type Mutation = (tree: Tree) => void;

function gate(tree: Tree): Record<string, unknown> {
  return (tree.gates as Record<string, Record<string, unknown>>).top as Record<string, unknown>;
}
function eventA(tree: Tree): Record<string, unknown> {
  return (tree.events as Record<string, Record<string, unknown>>).a as Record<string, unknown>;
}
function eventB(tree: Tree): Record<string, unknown> {
  return (tree.events as Record<string, Record<string, unknown>>).b as Record<string, unknown>;
}
function evidenceA(tree: Tree): Record<string, Record<string, unknown>[]> {
  return eventA(tree).evidence as Record<string, Record<string, unknown>[]>;
}

describe('schema/ftree.schema.json', () => {
  it('compiles as draft-07 in strict mode', () => {
    expect(typeof validate).toBe('function');
  });

  it('accepts the minimal tree used by the negative cases', () => {
    expect(validate(minimalTree()) ? '' : describeErrors(validate.errors)).toBe('');
  });

  it('accepts the keys of graded evidence: direction, min_spread, min_baseline, missing', () => {
    const tree = minimalTree();
    evidenceA(tree).metrics!.push({ query: 'latency', score: 5, direction: 'rose', min_spread: 0.01, min_baseline: 12, missing: 'silent' });
    evidenceA(tree).logs![0]!.missing = 'silent';
    tree.defaults = { missing: 'silent' };
    expect(validate(tree) ? '' : describeErrors(validate.errors)).toBe('');
  });
});

describe('trees/ against the schema', () => {
  it('finds the library of trees', () => {
    expect(treeFiles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(treeFiles)('%s is valid', (file) => {
    const text = readFileSync(join(treesDir, file), 'utf8');
    const tree = parse(text) as unknown;
    expect(validate(tree) ? '' : describeErrors(validate.errors)).toBe('');
  });

  it.each(treeFiles)('%s starts with the schema modeline and is named after its file', (file) => {
    const text = readFileSync(join(treesDir, file), 'utf8');
    expect(text.split('\n')[0]).toBe(MODELINE);
    const tree = parse(text) as { name?: unknown };
    expect(tree.name).toBe(basename(file).replace(/\.ya?ml$/, ''));
  });
});

describe('the schema rejects what an editor should flag', () => {
  const unknownKeys: [string, Mutation][] = [
    ['at the top level', (t) => { t.owner = 'sre'; }],
    ['in a gate', (t) => { gate(t).threshold = 2; }],
    ['in an event', (t) => { eventA(t).probabilty = 0.1; }],
    ['in a check', (t) => { (eventA(t).check as Record<string, unknown>).owner = 'dba'; }],
    ['in evidence', (t) => { (eventA(t).evidence as Record<string, unknown>).traces = []; }],
    ['in a log signal', (t) => { (evidenceA(t).logs as Record<string, unknown>[])[0]!.regex = true; }],
    ['in a metric signal', (t) => { (evidenceA(t).metrics as Record<string, unknown>[])[0]!.over = 5; }],
    ['in a change signal', (t) => { (evidenceA(t).changes as Record<string, unknown>[])[0]!.team = 'x'; }],
    ['in a house object', (t) => { t.houses = { maintenance_mode: { state: true, owner: 'sre' } }; }],
    ['in a weibull', (t) => { eventB(t).weibull = { scale: '5y', shape: 2, beta: 1 }; delete eventB(t).rate; delete eventB(t).mttr; }],
  ];

  it.each(unknownKeys)('an unknown key %s', (_where, mutate) => {
    const tree = minimalTree();
    mutate(tree);
    expect(validate(tree)).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties')).toBe(true);
  });

  const invalid: [string, Mutation][] = [
    ['a missing format version', (t) => { delete t.ftree; }],
    ['format version 2', (t) => { t.ftree = 2; }],
    ['a name that is not a slug', (t) => { t.name = 'Payment Latency'; }],
    ['an unknown gate type', (t) => { gate(t).type = 'majority'; }],
    ['atleast without k', (t) => { gate(t).type = 'atleast'; }],
    ['k on an or gate', (t) => { gate(t).k = 1; }],
    ['not with two inputs', (t) => { gate(t).type = 'not'; }],
    ['an id with a space', (t) => { gate(t).inputs = ['a', 'db lock']; }],
    ['a probability above 1', (t) => { eventA(t).probability = 1.5; }],
    ['two probability models', (t) => { eventA(t).rate = '1/y'; }],
    ['no probability model', (t) => { delete eventA(t).probability; }],
    ['mttr without a rate', (t) => { eventA(t).mttr = '4h'; }],
    ['both mttr and repair_rate', (t) => { eventB(t).repair_rate = '0.25/h'; }],
    ['a rate with an unknown unit', (t) => { eventB(t).rate = '2e-5/month'; }],
    ['a duration with an unknown unit', (t) => { t.mission_time = '24 hours'; }],
    ['an unknown aggregate', (t) => { (evidenceA(t).metrics as Record<string, unknown>[])[0]!.aggregate = 'p99'; }],
    ['a score combined with a threshold', (t) => { (evidenceA(t).metrics as Record<string, unknown>[])[0]!.score = 5; }],
    ['a sensitivity above 1', (t) => { (evidenceA(t).logs as Record<string, unknown>[])[0]!.sensitivity = 90; }],
    ['a parameter named like the reserved mission_time', (t) => { t.parameters = { mission_time: 8 }; }],
    ['a parameter name no expression can read', (t) => { t.parameters = { 'lambda-db': 2e-5 }; }],
    ['a metric signal without a rule', (t) => { (evidenceA(t).metrics as Record<string, unknown>[])[0] = { query: 'up' }; }],
    ['a change signal with neither service nor kind', (t) => { (evidenceA(t).changes as Record<string, unknown>[])[0] = { within: '1h' }; }],
    ['a log signal without a pattern', (t) => { (evidenceA(t).logs as Record<string, unknown>[])[0] = { min_count: 3 }; }],
    ['a direction on a threshold signal', (t) => { (evidenceA(t).metrics as Record<string, unknown>[])[0]!.direction = 'fell'; }],
    ['an unknown score direction', (t) => { (evidenceA(t).metrics as Record<string, unknown>[])[0] = { query: 'up', score: 5, direction: 'down' }; }],
    ['a negative min_spread', (t) => { (evidenceA(t).metrics as Record<string, unknown>[])[0] = { query: 'up', score: 5, min_spread: -1 }; }],
    ['a min_baseline of 0', (t) => { (evidenceA(t).metrics as Record<string, unknown>[])[0]!.min_baseline = 0; }],
    ['an unknown missing-data rule', (t) => { (evidenceA(t).logs as Record<string, unknown>[])[0]!.missing = 'zero'; }],
    ['an unknown default missing-data rule', (t) => { t.defaults = { missing: 'ignore' }; }],
    ['a lognormal without its parameters', (t) => { eventA(t).distribution = { type: 'lognormal', min: 0.1 }; }],
  ];

  it.each(invalid)('%s', (_what, mutate) => {
    const tree = minimalTree();
    mutate(tree);
    expect(validate(tree)).toBe(false);
  });
});
