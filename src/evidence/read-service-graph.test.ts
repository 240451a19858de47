import { FtreeError } from '../model/diagnostic.js';
import { parseServiceGraph } from './read-service-graph.js';

const sorted = (g: { edges: readonly { caller: string; callee: string; calls?: number }[] }) => [...g.edges].map((e) => `${e.caller}>${e.callee}${e.calls !== undefined ? `:${e.calls}` : ''}`).sort();

describe('parseServiceGraph', () => {
  it('reads an adjacency matrix (row calls column), 0 and empty cells being no call', () => {
    const g = parseServiceGraph(',web,api,db\nweb,0,1,\napi,0.0,0,1.0\ndb,0,0,0\n', 'graph.csv');
    expect(g.format).toBe('matrix');
    expect(sorted(g)).toEqual(['api>db', 'web>api']);
    expect(g.services).toEqual(['web', 'api', 'db']);
  });

  it('reads an edge list CSV with counts (a count of 0 is no edge), Jaeger JSON and YAML the same', () => {
    const csv = parseServiceGraph('caller,callee,calls\nweb,api,10\napi,db,0\napi,cache,3\n', 'edges.csv');
    expect(sorted(csv)).toEqual(['api>cache:3', 'web>api:10']);
    const jaeger = parseServiceGraph('{"data": [{"parent": "web", "child": "api", "callCount": 10}, {"parent": "api", "child": "cache", "callCount": 3}]}', 'deps.json');
    expect(jaeger.format).toBe('jaeger');
    expect(sorted(jaeger)).toEqual(sorted(csv));
    const yaml = parseServiceGraph('- {caller: web, callee: api, calls: 10}\n- {caller: api, callee: cache, calls: 3}\n', 'edges.yaml');
    expect(sorted(yaml)).toEqual(sorted(csv));
  });

  it('refuses what it cannot read with SERVICE_GRAPH_INVALID naming the line', () => {
    const code = (text: string, file: string): string => {
      try {
        parseServiceGraph(text, file);
      } catch (e) {
        return `${(e as FtreeError).code} ${(e as FtreeError).diagnostics[0]!.message}`;
      }
      return 'no error';
    };
    expect(code('a,b\nx,y\n', 'e.csv')).toMatch(/^SERVICE_GRAPH_INVALID .*e\.csv:1: the CSV header names no caller and callee columns$/);
    expect(code(',web,api\nweb,0,x\n', 'm.csv')).toMatch(/^SERVICE_GRAPH_INVALID .*m\.csv:2: a cell that is not a number/);
    expect(code('caller,callee,calls\nweb,api,-1\n', 'e.csv')).toMatch(/e\.csv:2: the call count is not a number ≥ 0: -1$/);
    expect(code('[{"parent": "a"}]', 'd.json')).toMatch(/edge 1 has no caller/);
    expect(code('{"x": 1}', 'd.json')).toMatch(/expected a list of edges/);
  });
});
