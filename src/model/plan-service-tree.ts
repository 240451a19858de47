// Plans the fault tree of a service dependency graph (model stage): valid and unique ids for the
// services, the call graph made acyclic (each cycle broken at the call that closes it in a
// depth-first walk by name), and the entry services that become tops. Everything in name order, so
// that the same graph always gives the same plan whatever order it was read in.

/** Who calls whom, as read from an edge list, an adjacency matrix, Jaeger or Prometheus. */
export interface ServiceGraph {
  /** Every service, including those only called or only calling. */
  readonly services: readonly string[];
  readonly edges: readonly ServiceEdge[];
}

export interface ServiceEdge {
  readonly caller: string;
  readonly callee: string;
  /** Calls counted, when the source says. */
  readonly calls?: number;
}

export interface PlanServiceTreeOptions {
  /** Tops: these services (their cones only); default every entry service (one nobody calls). */
  readonly tops?: readonly string[];
  /** Suffixes of the gates each service gets (e.g. `latency`, `availability`), to keep ids apart. */
  readonly aspects: readonly string[];
}

export interface ServiceTreePlan {
  /** The services in the tops' cones, depth-first from the tops (callers before callees). */
  readonly services: readonly string[];
  /** Each service's callees after breaking cycles, in name order. */
  readonly callees: ReadonlyMap<string, readonly string[]>;
  /** The top services, in name order. */
  readonly tops: readonly string[];
  /** Each service's event id (a valid ftree id, unique), and each (service, aspect)'s gate id. */
  readonly eventIds: ReadonlyMap<string, string>;
  readonly gateIds: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Calls left out to break cycles, with the cycle each closed (caller … callee → caller). */
  readonly brokenCalls: readonly { readonly caller: string; readonly callee: string; readonly cycle: readonly string[] }[];
}

const ID_CHARS = /[^A-Za-z0-9_.:-]+/g;

/** A valid ftree id close to the name: other characters become `_`. */
export function toServiceId(name: string): string {
  const id = name.replace(ID_CHARS, '_').replace(/_{2,}/g, '_').replace(/^_+(?=.)|(?<=.)_+$/g, '');
  return id === '' || id === '_' ? 'service' : id;
}

export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function planServiceTree(graph: ServiceGraph, options: PlanServiceTreeOptions): ServiceTreePlan {
  const services = [...new Set([...graph.services, ...graph.edges.flatMap((e) => [e.caller, e.callee])])].sort(compareNames);
  const calls = new Map<string, Set<string>>(services.map((s) => [s, new Set<string>()]));
  for (const e of graph.edges) calls.get(e.caller)!.add(e.callee);

  // Depth-first by name; a call to a service on the current path closes a cycle: leave it out.
  const callees = new Map<string, string[]>();
  const brokenCalls: { caller: string; callee: string; cycle: string[] }[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const start of services) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const next: string[][] = [[...calls.get(start)!].sort(compareNames)];
    state.set(start, 'open');
    callees.set(start, []);
    while (path.length > 0) {
      const here = path[path.length - 1]!;
      const callee = next[next.length - 1]!.shift();
      if (callee === undefined) {
        state.set(here, 'done');
        path.pop();
        next.pop();
        continue;
      }
      if (state.get(callee) === 'open') {
        brokenCalls.push({ caller: here, callee, cycle: [...path.slice(path.indexOf(callee)), callee] });
        continue;
      }
      callees.get(here)!.push(callee);
      if (!state.has(callee)) {
        state.set(callee, 'open');
        callees.set(callee, []);
        path.push(callee);
        next.push([...calls.get(callee)!].sort(compareNames));
      }
    }
  }
  for (const list of callees.values()) list.sort(compareNames);

  const called = new Set([...callees.values()].flat());
  const tops = options.tops && options.tops.length > 0 ? [...new Set(options.tops)].sort(compareNames) : services.filter((s) => !called.has(s));
  // The tops' cones in depth-first preorder (tops and callees by name): a caller before its callees,
  // which also keeps related events together in the analyses' variable order.
  const inCone = new Set<string>();
  const kept: string[] = [];
  const stack = [...tops].reverse();
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (inCone.has(s)) continue;
    inCone.add(s);
    kept.push(s);
    stack.push(...[...callees.get(s)!].reverse());
  }

  // Ids: events first (the service's own id), then gates; a clash takes the next free `_2`, `_3`.
  const taken = new Set<string>();
  const claim = (wanted: string): string => {
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}_${n}`;
    taken.add(id);
    return id;
  };
  const eventIds = new Map(kept.map((s) => [s, claim(toServiceId(s))]));
  const gateIds = new Map(kept.map((s) => [s, new Map(options.aspects.map((a) => [a, claim(`${eventIds.get(s)!}_${a}`)]))]));
  return {
    services: kept,
    callees: new Map(kept.map((s) => [s, callees.get(s)!])),
    tops,
    eventIds,
    gateIds,
    brokenCalls: brokenCalls.filter((b) => inCone.has(b.caller)),
  };
}
