// Round trips through the exchange formats keep the analysis: MEF → YAML → model and
// YAML → MEF → model give the same P(top) and the same structure.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeProbability } from '../src/engine/index.js';
import type { FaultTree } from '../src/model/fault-tree.js';
import { loadTree } from '../src/parse/yaml/load-tree.js';
import { loadMef } from '../src/parse/mef/index.js';
import { exportMef } from '../src/report/mef-export.js';
import { exportYaml } from '../src/report/yaml-export.js';
import { FIXTURES, HAS_SHARED, REPO_ROOT, SHARED } from './helpers/paths.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftree-roundtrip-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function viaYaml(tree: FaultTree): Promise<FaultTree> {
  const file = join(dir, `${tree.name}-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, exportYaml(tree));
  const r = await loadTree(file);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.tree!;
}

async function viaMef(tree: FaultTree): Promise<FaultTree> {
  const file = join(dir, `${tree.name}-${Math.random().toString(36).slice(2)}.xml`);
  await writeFile(file, exportMef(tree));
  return loadMef([file]);
}

function expectSameAnalysis(a: FaultTree, b: FaultTree): void {
  expect(b.gates.size).toBe(a.gates.size);
  expect(b.events.size).toBe(a.events.size);
  expect(analyzeProbability(b).pTop).toBeCloseTo(analyzeProbability(a).pTop, 12);
}

const mefModels: string[][] = [[join(FIXTURES, 'mef', 'cooling.xml'), join(FIXTURES, 'mef', 'cooling-basic-events.xml')]];
if (HAS_SHARED) {
  const input = join(SHARED, 'benchmarks', 'mef', 'scram-input');
  mefModels.push(
    [join(input, 'Chinese', 'chinese.xml'), join(input, 'Chinese', 'chinese-basic-events.xml')],
    [join(input, 'HIPPS', 'HIPPS.xml')],
    [join(input, 'Aralia', 'baobab1.xml')],
  );
}

describe.each(mefModels.map((files) => [files.map((f) => f.split('/').pop()).join(' + '), files] as const))('MEF model %s', (_name, files) => {
  it('survives MEF → YAML → model', async () => {
    const tree = await loadMef(files);
    expectSameAnalysis(tree, await viaYaml(tree));
  });
  it('survives MEF → MEF → model', async () => {
    const tree = await loadMef(files);
    expectSameAnalysis(tree, await viaMef(tree));
  });
});

describe.each(['two-train.yaml', 'payment-gateway-outage.yaml', 'payment-latency.yaml'])('trees/%s', (name) => {
  it('survives YAML → MEF → model and YAML → YAML → model', async () => {
    const { tree } = await loadTree(join(REPO_ROOT, 'trees', name));
    expectSameAnalysis(tree!, await viaMef(tree!));
    expectSameAnalysis(tree!, await viaYaml(tree!));
  });
});
