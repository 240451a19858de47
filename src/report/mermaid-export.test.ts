import type { FaultTree } from '../model/fault-tree.js';
import { exportDot, quoteDot } from './dot-export.js';
import { escapeMermaid, exportMermaid } from './mermaid-export.js';

const tree: FaultTree = {
  name: 't',
  title: 'A "quoted" <title>',
  file: 't.yaml',
  files: ['t.yaml'],
  top: 'top',
  missionTime: 24,
  parameters: new Map(),
  gates: new Map([
    ['top', { id: 'top', type: 'and', inputs: ['g', 'e1'], label: 'Both "A" & <B> | #1' }],
    ['g', { id: 'g', type: 'atleast', k: 2, inputs: ['e1', 'e2', 'end'] }],
  ]),
  events: new Map([
    ['e1', { id: 'e1', probability: 0.1, model: { kind: 'constant', value: 0.1 }, label: 'Shared' }],
    ['e2', { id: 'e2', probability: 0.2, model: { kind: 'constant', value: 0.2 } }],
    ['end', { id: 'end', probability: 0.3, model: { kind: 'constant', value: 0.3 } }],
  ]),
  houses: new Map(),
};

describe('exportMermaid', () => {
  const text = exportMermaid(tree, { figures: new Map([['e1', { probability: 0.1, posterior: 0.5, suspectRank: 1 }]]) });

  it('draws each node once with its type shape, and a shared event with two edges', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('flowchart TD');
    expect(lines.filter((l) => /^ {2}n\d+[[({>]/.test(l))).toHaveLength(5);
    expect(text).toContain('n0[/"');
    expect(text).toContain('n1(["');
    expect(text).toContain('2/3');
    expect(lines.filter((l) => l.endsWith('--> n2'))).toHaveLength(2);
  });

  it('escapes labels and never uses ids as Mermaid ids (so `end` is safe)', () => {
    expect(text).toContain('Both #34;A#34; #38; #60;B#62; #124; #35;1');
    expect(text).not.toMatch(/^\s+end\b/m);
    expect(text).toContain('class n2 suspect');
    expect(escapeMermaid('a\nb"c')).toBe('a b#34;c');
  });
});

describe('exportDot', () => {
  it('quotes every id and label', () => {
    const text = exportDot(tree);
    expect(text.startsWith('digraph "t" {')).toBe(true);
    expect(text).toContain('"top:symbol" -> "g";');
    expect(text).toContain('"g:symbol" -> "e1";');
    expect(text).toContain('"top" [label="Both \\"A\\" & <B> | #1\\ntop"');
    expect(quoteDot('a\\b"\nc')).toBe('"a\\\\b\\"\\nc"');
  });

  it('draws each gate\'s type as a shape under its box, events as circles, and wraps labels', () => {
    const text = exportDot(tree);
    expect(text).toMatch(/"top:symbol" \[label="AND", shape=house/);
    expect(text).toMatch(/"e1:symbol" \[label="", shape=circle/);
    expect(text).toContain('"top" -> "top:symbol" [weight=100];');
    const long = exportDot({ ...tree, gates: new Map([...tree.gates].map(([id, g]) => [id, { ...g, label: 'A label of many words that would make one very wide box' }])) });
    expect(long).toContain('label="A label of many words\\nthat would make one very\\nwide box\\ntop"');
  });
});
