import { checkGateGraph, type GateGraphNode } from './check-gate-graph.js';
import type { SourceSpan } from './source-span.js';

const at = (line: number, col = 1): SourceSpan => ({ file: 't', line, col, start: line * 100 + col, end: line * 100 + col + 1 });

function graph(...gates: GateGraphNode[]): Map<string, GateGraphNode> {
  return new Map(gates.map((g) => [g.id, g]));
}

const where = (r: ReturnType<typeof checkGateGraph>) => r.diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.col}`);

describe('checkGateGraph', () => {
  // a → b → a and c → d → c: two cycles; e is its own input.
  const cyclic = graph(
    { id: 'a', type: 'or', inputs: ['b', 'x'], span: at(1), inputSpans: [at(1, 5), at(1, 8)] },
    { id: 'b', type: 'and', inputs: ['a', 'x'], span: at(2), inputSpans: [at(2, 5), at(2, 8)] },
    { id: 'c', type: 'or', inputs: ['d'], span: at(3), inputSpans: [at(3, 5)] },
    { id: 'd', type: 'or', inputs: ['c'], span: at(4), inputSpans: [at(4, 5)] },
    { id: 'e', type: 'or', inputs: ['e', 'x'], span: at(5), inputSpans: [at(5, 5), at(5, 8)] },
  );

  it('reports every cycle at the input that closes it', () => {
    const r = checkGateGraph(cyclic, { cycles: 'every' });
    expect(r.hasCycle).toBe(true);
    expect(where(r)).toEqual(['CYCLE 5:5', 'CYCLE 2:5', 'CYCLE 4:5']);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['Gate "e" is its own input', 'The gates form a cycle: a → b → a', 'The gates form a cycle: c → d → c']);
  });

  it('or the first cycle only, at the gate it starts from', () => {
    expect(where(checkGateGraph(cyclic, { cycles: 'first' }))).toEqual(['CYCLE 5:5', 'CYCLE 1:1']);
  });

  it('sees no cycle through events or in a diamond', () => {
    const diamond = graph(
      { id: 'top', type: 'or', inputs: ['l', 'r'] },
      { id: 'l', type: 'and', inputs: ['s', 'x'] },
      { id: 'r', type: 'and', inputs: ['s', 'y'] },
      { id: 's', type: 'or', inputs: ['x'] },
    );
    expect(checkGateGraph(diamond, { cycles: 'every' })).toEqual({ diagnostics: [], hasCycle: false });
  });

  it('checks arity and k where the format points, except for gates it is told to skip', () => {
    const gates = graph(
      { id: 'n', type: 'not', inputs: ['x', 'y'], span: at(1), inputsSpan: at(1, 9) },
      { id: 'x2', type: 'xor', inputs: ['x'], span: at(2) },
      { id: 'v', type: 'atleast', inputs: ['x', 'y'], k: 3, span: at(3), kSpan: at(3, 7) },
      { id: 'm', type: 'atleast', inputs: ['x'], span: at(4) },
      { id: 'h', type: 'atleast', inputs: ['x'], span: at(5), hasK: true },
      { id: 'c', type: 'cardinality', inputs: ['x'], k: 1, max: 2, span: at(6) },
      { id: 'o', type: 'or', inputs: ['x'], k: 1, span: at(7) },
      { id: 'skipped', type: 'not', inputs: [], span: at(8) },
    );
    const r = checkGateGraph(gates, { cycles: 'every', skipArity: new Set(['skipped']) });
    expect(where(r)).toEqual(['ARITY 1:9', 'ARITY 2:1', 'INVALID_K 3:7', 'MISSING_KEY 4:1', 'INVALID_K 6:1', 'INVALID_K 7:1']);
    expect(r.diagnostics[1]!.message).toBe('Gate "x2" of type xor takes at least 2 inputs, not 1');
  });
});
