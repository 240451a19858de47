import { planServiceTree, toServiceId, type ServiceGraph } from './plan-service-tree.js';

const edges = (...pairs: [string, string][]): ServiceGraph => ({ services: [], edges: pairs.map(([caller, callee]) => ({ caller, callee })) });

describe('planServiceTree', () => {
  it('makes tops of the entry services and lists each cone depth-first, callers before callees', () => {
    const plan = planServiceTree(edges(['web', 'api'], ['api', 'db'], ['api', 'cache'], ['batch', 'db']), { aspects: ['fails'] });
    expect(plan.tops).toEqual(['batch', 'web']);
    expect(plan.services).toEqual(['batch', 'db', 'web', 'api', 'cache']);
    expect(plan.callees.get('api')).toEqual(['cache', 'db']);
    expect(plan.brokenCalls).toEqual([]);
  });

  it('keeps only the cones of the tops asked for', () => {
    const plan = planServiceTree(edges(['web', 'api'], ['api', 'db'], ['batch', 'queue']), { aspects: ['fails'], tops: ['api'] });
    expect(plan.tops).toEqual(['api']);
    expect(plan.services).toEqual(['api', 'db']);
  });

  it('breaks each cycle at the call that closes it, naming the cycle, the same way whatever the input order', () => {
    const pairs: [string, string][] = [['web', 'a'], ['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'c']];
    const plan = planServiceTree(edges(...pairs), { aspects: ['fails'] });
    expect(plan.brokenCalls).toEqual([
      { caller: 'c', callee: 'a', cycle: ['a', 'b', 'c', 'a'] },
      { caller: 'c', callee: 'c', cycle: ['c', 'c'] },
    ]);
    expect(plan.callees.get('c')).toEqual([]);
    expect(plan.tops).toEqual(['web']);
    const shuffled = planServiceTree(edges(...[...pairs].reverse()), { aspects: ['fails'] });
    expect(shuffled).toEqual(plan);
  });

  it('gives valid, unique ids: events for the services, gates per aspect', () => {
    const plan = planServiceTree(edges(['PetSite', 'PGSQL Query_remote'], ['PetSite', 'PGSQL/Query_remote'], ['PetSite', 'PetSite_latency']), { aspects: ['latency', 'availability'] });
    expect(plan.eventIds.get('PGSQL Query_remote')).toBe('PGSQL_Query_remote');
    expect(plan.eventIds.get('PGSQL/Query_remote')).toBe('PGSQL_Query_remote_2');
    expect(plan.eventIds.get('PetSite_latency')).toBe('PetSite_latency');
    expect(plan.gateIds.get('PetSite')!.get('latency')).toBe('PetSite_latency_2');
    expect(plan.gateIds.get('PetSite')!.get('availability')).toBe('PetSite_availability');
    const all = [...plan.eventIds.values(), ...[...plan.gateIds.values()].flatMap((m) => [...m.values()])];
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[A-Za-z0-9_.:-]+$/);
  });

  it('sanitises names into ids', () => {
    expect(toServiceId('AWS::Lambda::Function')).toBe('AWS::Lambda::Function');
    expect(toServiceId('adoptions@db.example.com Data')).toBe('adoptions_db.example.com_Data');
    expect(toServiceId('https://sqs/queue')).toBe('https:_sqs_queue');
    expect(toServiceId('///')).toBe('service');
  });
});
