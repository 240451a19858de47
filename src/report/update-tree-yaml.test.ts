import { parseDocument } from 'yaml';
import { updateTreeYaml } from './update-tree-yaml.js';

const TREE = `# A tree with comments everywhere
ftree: 1
name: t
top: top
gates:
  top: { type: or, inputs: [a, b, c, d] }   # the top
events:
  a: { probability: 0.01 }   # flow map
  b:
    rate: "2e-5/h"   # quoted, with a unit
    mttr: 4h # keep this
  c:
    # a comment before the key
    probability: 1e-3
    distribution: { type: lognormal, mean: 1e-3, error_factor: 3 }

    evidence:
      logs:
        - pattern: "boom"
  d:
    probability: "1 - exp(-lambda * mission_time)"
  e:
    rate: 3/y
    repair_rate: 0.5
houses: {}
`;

describe('updateTreeYaml', () => {
  const result = updateTreeYaml(TREE, [
    { id: 'a', probability: 0.0123456, distribution: { kind: 'gamma', shape: 2.5, scale: 0.004 } },
    { id: 'b', rate: 3e-5, mttr: 0.75, distribution: { kind: 'gamma', shape: 1.5, scale: 1e-4 } },
    { id: 'c', probability: 0.002, distribution: { kind: 'gamma', shape: 3.5, scale: 5e-4 } },
    { id: 'd', probability: 0.5 },
    { id: 'e', rate: 4 / 8760, mttr: 72 },
    { id: 'zz', probability: 0.1 },
  ]);

  it('changes only the values it writes, and keeps every comment and blank line', () => {
    const before = TREE.split('\n');
    const after = result.text.split('\n');
    expect(after.filter((l) => l.includes('#'))).toEqual(before.filter((l) => l.includes('#')).map((l) => l.replace('0.01 }', '0.0123, distribution: { type: gamma, shape: 2.5, scale: 0.004 } }').replace('"2e-5/h"', '3e-5/h').replace('4h #', '45m #')));
    expect(result.text).toContain('    probability: 0.002\n    distribution: { type: gamma, shape: 3.5, scale: 5e-4 }\n\n    evidence:');
    expect(result.text).toContain('  b:\n    rate: 3e-5/h   # quoted, with a unit\n    mttr: 45m # keep this\n    distribution: { type: gamma, shape: 1.5, scale: 1e-4 }\n  c:');
    expect(result.text).toContain('  e:\n    rate: 4/y\n    repair_rate: 0.0139\nhouses: {}');
    expect(result.text.startsWith('# A tree with comments everywhere\nftree: 1\n')).toBe(true);
  });

  it('reads back as the values written', () => {
    const doc = parseDocument(result.text).toJS() as { events: Record<string, Record<string, unknown>> };
    expect(doc.events['a']).toEqual({ probability: 0.0123, distribution: { type: 'gamma', shape: 2.5, scale: 0.004 } });
    expect(doc.events['c']!['distribution']).toEqual({ type: 'gamma', shape: 3.5, scale: 5e-4 });
    expect(doc.events['d']!['probability']).toBe('1 - exp(-lambda * mission_time)');
  });

  it('says which keys it wrote and which events it could not', () => {
    expect(Object.fromEntries(result.written)).toEqual({ a: ['probability', 'distribution'], b: ['rate', 'mttr', 'distribution'], c: ['probability', 'distribution'], e: ['rate', 'repair_rate'] });
    expect(result.notWritten).toEqual([
      { id: 'd', reason: 'its probability is an expression' },
      { id: 'zz', reason: 'not under `events:` of this file' },
    ]);
  });
});
