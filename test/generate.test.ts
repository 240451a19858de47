// `ftree generate` (built CLI): the same tree from an edge list, Jaeger JSON and an adjacency matrix;
// cycles broken with a warning; stable bytes; on PetShop's graph.csv a tree that validates with no
// warnings, has a latency and an availability gate per component, each over its own fault event,
// and round-trips through `ftree export --format mef`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeProbability } from '../src/engine/analyze-probability.js';
import { loadTree } from '../src/parse/yaml/load-tree.js';
import { parseMefText } from '../src/parse/mef/index.js';
import { CLI, REPO_ROOT, SHARED } from './helpers/paths.js';

const PETSHOP_GRAPH = join(SHARED, 'datasets', 'petshop', 'dataset', 'low_traffic', 'graph.csv');
const HAS_PETSHOP = existsSync(PETSHOP_GRAPH);
if (!HAS_PETSHOP) process.stderr.write(`test/generate.test.ts: PetShop cases skipped, ${PETSHOP_GRAPH} is absent\n`);

function ftree(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The tree without its first comment line (which names the source). */
const body = (yaml: string): string => yaml.slice(yaml.indexOf('\n') + 1);

describe('ftree generate', () => {
  const fixture = (name: string): string => join('test', 'fixtures', 'generate', name);

  it('gives the same tree from an edge list, Jaeger dependencies and an adjacency matrix, and warns about the cycle', () => {
    const runs = ['edges.csv', 'edges.json', 'matrix.csv'].map((f) => ftree('generate', fixture(f), '--name', 'shop'));
    for (const r of runs) {
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('warning: cycle in the call graph: payments → ledger → payments; the call ledger → payments is left out\n');
    }
    expect(body(runs[1]!.stdout)).toBe(body(runs[0]!.stdout));
    expect(body(runs[2]!.stdout)).toBe(body(runs[0]!.stdout));
    expect(runs[0]!.stdout).toContain('# Cycle broken: payments → ledger → payments (the call ledger → payments is left out)');
    expect(runs[0]!.stdout).toContain("inputs: [checkout, { id: cart_store_fails, probability: 0.5 }, { id: catalog_fails, probability: 0.5 }, { id: payments_fails, probability: 0.5 }]");
    expect(runs[0]!.stdout).toContain("  cart_store:\n    label: 'cart store'");
  });

  it('writes plain inputs with --propagation 1, and only the cone of --top', () => {
    const r = ftree('generate', fixture('edges.csv'), '--top', 'payments', '--propagation', '1');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('top: payments_fails\n');
    expect(r.stdout).toContain('inputs: [payments, ledger_fails, psp-gateway_fails]');
    expect(r.stdout).not.toContain('checkout');
  });

  it('refuses an unknown --top with a suggestion, and a bad template', () => {
    const r = ftree('generate', fixture('edges.csv'), '--top', 'paymens');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--top paymens: no such service in the graph');
    expect(r.stderr).toContain('did you mean "payments"?');
    expect(ftree('generate', fixture('edges.csv'), '--template', 'nagios').stderr).toContain('Unknown template "nagios"');
  });

  it('reads a template file of the user\'s own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftree-generate-'));
    try {
      const template = join(dir, 'red.yaml');
      await writeFile(template, 'aspects:\n  errors:\n    label: "{service} returns 5xx"\n    signals:\n      - { query: \'sum(rate(http_requests_total{job="{service}",code=~"5.."}[5m]))\', score: 4 }\n');
      const out = join(dir, 'tree.yaml');
      const r = ftree('generate', fixture('edges.csv'), '--template', template, '-o', out);
      expect(r.status).toBe(0);
      const tree = (await loadTree(out)).tree!;
      expect(tree.gates.get('cart_store_errors')!.label).toBe('cart store returns 5xx');
      expect(tree.gates.get('cart_store_errors')!.evidence!.metrics[0]).toMatchObject({ query: 'sum(rate(http_requests_total{job="cart store",code=~"5.."}[5m]))', score: 4 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  (HAS_PETSHOP ? describe : describe.skip)('on PetShop\'s graph.csv with the petshop template', () => {
    let dir = '';
    let yaml = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ftree-generate-'));
      const r = ftree('generate', PETSHOP_GRAPH, '--template', 'petshop', '--name', 'petshop', '-o', join(dir, 'petshop.yaml'));
      expect([r.status, r.stderr]).toEqual([0, `Wrote ${join(dir, 'petshop.yaml')}: 42 services, 4 tops, template petshop\n`]);
      yaml = ftree('generate', PETSHOP_GRAPH, '--template', 'petshop', '--name', 'petshop').stdout;
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('validates with no warnings, and reruns give the same bytes', async () => {
      const v = ftree('validate', join(dir, 'petshop.yaml'), '--strict');
      expect(v.status).toBe(0);
      expect(v.stdout).toContain('(0 errors, 0 warnings)');
      expect(ftree('generate', PETSHOP_GRAPH, '--template', 'petshop', '--name', 'petshop').stdout).toBe(yaml);
    });

    it('has a latency and an availability gate per component, each over its own fault event, with the metric signals', async () => {
      const tree = (await loadTree(join(dir, 'petshop.yaml'))).tree!;
      const own = [...tree.events.values()].filter((e) => !e.propagation);
      expect(own).toHaveLength(84);
      const site = tree.gates.get('PetSite_latency')!;
      // Independent aspects (the default): a fault that shows in latency need not show in availability.
      expect(site.inputs[0]).toBe('PetSite.latency');
      expect(tree.gates.get('PetSite_availability')!.inputs[0]).toBe('PetSite.availability');
      expect(tree.events.get('PetSite.latency')!.label).toBe('PetSite');
      expect(site.inputs).toContain('PetSearch_AWS::ECS::Fargate_latency→PetSite_latency');
      expect(tree.gates.get('PetSite_availability')!.inputs).toContain('PetSearch_AWS::ECS::Fargate_availability→PetSite_availability');
      expect(tree.gates.get('PetSite_availability')!.evidence!.metrics).toEqual([expect.objectContaining({ query: 'availability{microservice="PetSite",statistic="Average"}', direction: 'fell' })]);
      // One propagation event per call and aspect; the two cones are disjoint, so the BDD stays small.
      expect([...tree.events.values()].filter((e) => e.propagation)).toHaveLength(88);
      expect(analyzeProbability(tree).bddNodes).toBeLessThan(2000);
      expect(site.evidence!.metrics).toEqual([expect.objectContaining({ query: 'latency{microservice="PetSite",statistic="Average"}', score: 2.5, direction: 'rose' })]);
      expect(tree.defaults).toEqual({ sensitivity: 0.99, falseAlarmFromBaseline: true });
      // Names with characters ids cannot hold keep their name as the label and in the query.
      const pgsql = tree.events.get('PGSQL_Query_remote.latency')!;
      expect(pgsql.label).toBe('PGSQL Query_remote');
      expect(tree.gates.get('PGSQL_Query_remote_availability')!.evidence!.metrics[0]!.query).toBe('availability{microservice="PGSQL Query_remote",statistic="Average"}');
      expect(tree.gates.get('PetSite_latency→PetSearch_AWS::ECS::Fargate_latency')).toBeUndefined();
      expect(tree.top).toBe('top');
    });

    it('makes the aspects views of one failure state with --aspects shared', async () => {
      const out = join(dir, 'shared.yaml');
      const r = ftree('generate', PETSHOP_GRAPH, '--template', 'petshop', '--aspects', 'shared', '-o', out);
      expect(r.status).toBe(0);
      expect(ftree('validate', out, '--strict').status).toBe(0);
      const tree = (await loadTree(out)).tree!;
      expect(tree.gates.get('PetSite_latency')!.inputs[0]).toBe('PetSite');
      expect(tree.gates.get('PetSite_availability')!.inputs).toEqual(['PetSite_latency']);
      expect([...tree.events.values()].filter((e) => !e.propagation)).toHaveLength(42);
      expect([...tree.events.values()].filter((e) => e.propagation)).toHaveLength(44);
    });

    it('round-trips through ftree export --format mef with the same P(top)', async () => {
      const mef = ftree('export', join(dir, 'petshop.yaml'), '--format', 'mef');
      expect(mef.status).toBe(0);
      const back = parseMefText(mef.stdout, 'petshop.xml', { missionTime: 24, top: 'top' });
      const yamlTree = (await loadTree(join(dir, 'petshop.yaml'))).tree!;
      expect(back.events.size).toBe(yamlTree.events.size);
      expect(analyzeProbability(back).pTop).toBeCloseTo(analyzeProbability(yamlTree).pTop, 14);
    });
  });
});
