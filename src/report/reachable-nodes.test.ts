import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTree } from '../parse/yaml/load-tree.js';
import { gateEdges, reachableNodes } from './reachable-nodes.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftree-reachable-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TREE = `ftree: 1
top: top
gates:
  top: { type: or, label: Checkout fails, inputs: [db, pool, db] }
  pool: { type: and, inputs: [db, maintenance] }
  unused: { type: or, inputs: [db] }
events:
  db: { probability: 0.01, label: DB down }
houses:
  maintenance: { state: true }
`;

describe('reachableNodes and gateEdges', () => {
  it('list the nodes under the top once, breadth first, and each gate input once per gate', async () => {
    const file = join(dir, 'tree.yaml');
    await writeFile(file, TREE);
    const { tree } = await loadTree(file);
    const nodes = reachableNodes(tree!);
    expect(nodes.map((n) => [n.id, n.gate ? 'gate' : n.event ? 'event' : 'house', n.label])).toEqual([
      ['top', 'gate', 'Checkout fails'],
      ['db', 'event', 'DB down'],
      ['pool', 'gate', undefined],
      ['maintenance', 'house', undefined],
    ]);
    expect(gateEdges(nodes)).toEqual([
      ['top', 'db'],
      ['top', 'pool'],
      ['pool', 'db'],
      ['pool', 'maintenance'],
    ]);
  });
});
