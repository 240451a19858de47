// Random fault trees for property tests of cut sets and importance (fast-check), and brute-force
// references on their truth tables: minimal satisfying sets, prime implicants, conditional probabilities.

import fc from 'fast-check';
import type { BasicEvent, FaultTree, Gate, GateType, HouseEvent } from '../../src/model/fault-tree.js';
import { GATE_TYPES } from '../../src/model/fault-tree.js';

export interface RandomTreeSpec {
  readonly probabilities: number[];
  readonly houses: boolean[];
  readonly gates: { type: GateType; inputs: number[]; k: number; max: number }[];
}

const COHERENT_TYPES: readonly GateType[] = ['and', 'or', 'atleast', 'inhibit'];

/** Specs of trees with `maxEvents` events at most; coherent trees use and/or/atleast/inhibit only. */
export function randomTreeSpec(options: { coherent: boolean; maxEvents: number; maxGates?: number; houses?: boolean }): fc.Arbitrary<RandomTreeSpec> {
  const types = options.coherent ? COHERENT_TYPES : GATE_TYPES;
  const probability = fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(0, 1, 0.5) },
    { weight: 8, arbitrary: fc.double({ min: 0.001, max: 0.999, noNaN: true }) },
  );
  return fc
    .record({
      events: fc.integer({ min: 1, max: options.maxEvents }),
      houses: fc.integer({ min: 0, max: options.houses === false ? 0 : 1 }),
      gates: fc.integer({ min: 1, max: options.maxGates ?? 10 }),
    })
    .chain(({ events, houses, gates }) =>
      fc.record({
        probabilities: fc.array(probability, { minLength: events, maxLength: events }),
        houses: fc.array(fc.boolean(), { minLength: houses, maxLength: houses }),
        gates: fc.tuple(
          ...Array.from({ length: gates }, (_, g) =>
            fc.record({
              type: fc.constantFrom(...types),
              inputs: fc.array(fc.integer({ min: 0, max: events + houses + g - 1 }), { minLength: 1, maxLength: 5 }),
              k: fc.nat(),
              max: fc.nat(),
            }),
          ),
        ),
      }),
    );
}

export function eventId(i: number): string {
  return `e${i}`;
}

export function toFaultTree(spec: RandomTreeSpec): FaultTree {
  const n = spec.probabilities.length;
  const houseId = (i: number): string => `house${i}`;
  const gateId = (i: number): string => (i === spec.gates.length - 1 ? 'top' : `g${i}`);
  const idOf = (x: number): string => (x < n ? eventId(x) : x < n + spec.houses.length ? houseId(x - n) : gateId(x - n - spec.houses.length));
  const events = new Map<string, BasicEvent>();
  spec.probabilities.forEach((p, i) => events.set(eventId(i), { id: eventId(i), probability: p, model: { kind: 'constant', value: p } }));
  const houses = new Map<string, HouseEvent>();
  spec.houses.forEach((state, i) => houses.set(houseId(i), { id: houseId(i), state }));
  const gates = new Map<string, Gate>();
  spec.gates.forEach((g, i) => {
    let inputs = g.inputs.map(idOf);
    if (g.type === 'not') inputs = inputs.slice(0, 1);
    if ((g.type === 'iff' || g.type === 'imply') && inputs.length !== 2) inputs = [inputs[0]!, idOf(0)];
    if ((g.type === 'xor' || g.type === 'inhibit') && inputs.length < 2) inputs = [...inputs, idOf(0)];
    if (g.type === 'atleast') gates.set(gateId(i), { id: gateId(i), type: g.type, inputs, k: 1 + (g.k % inputs.length) });
    else if (g.type === 'cardinality') {
      const min = g.k % (inputs.length + 1);
      gates.set(gateId(i), { id: gateId(i), type: g.type, inputs, k: min, max: min + (g.max % (inputs.length - min + 1)) });
    } else gates.set(gateId(i), { id: gateId(i), type: g.type, inputs });
  });
  return { name: 'random', file: 'random.yaml', files: ['random.yaml'], top: 'top', missionTime: 1, parameters: new Map(), gates, events, houses };
}

/** The value of the top event for each assignment (bit i of the index = event i), by the format's semantics. */
export function truthTable(tree: FaultTree): Uint8Array {
  const ids = [...tree.events.keys()];
  const table = new Uint8Array(1 << ids.length);
  for (let mask = 0; mask < table.length; mask++) {
    const state = new Map<string, boolean>();
    ids.forEach((id, i) => state.set(id, ((mask >> i) & 1) === 1));
    table[mask] = evaluate(tree, tree.top, state, new Map()) ? 1 : 0;
  }
  return table;
}

function evaluate(tree: FaultTree, id: string, state: ReadonlyMap<string, boolean>, memo: Map<string, boolean>): boolean {
  const known = state.get(id) ?? tree.houses.get(id)?.state ?? memo.get(id);
  if (known !== undefined) return known;
  const gate = tree.gates.get(id)!;
  const x = gate.inputs.map((i) => evaluate(tree, i, state, memo));
  const count = x.filter(Boolean).length;
  let value: boolean;
  switch (gate.type) {
    case 'and':
    case 'inhibit':
      value = count === x.length;
      break;
    case 'or':
      value = count > 0;
      break;
    case 'nand':
      value = count < x.length;
      break;
    case 'nor':
      value = count === 0;
      break;
    case 'not':
      value = !x[0];
      break;
    case 'xor':
      value = count % 2 === 1;
      break;
    case 'iff':
      value = x[0] === x[1];
      break;
    case 'imply':
      value = !x[0] || x[1]!;
      break;
    case 'atleast':
      value = count >= gate.k!;
      break;
    case 'cardinality':
      value = count >= gate.k! && count <= gate.max!;
      break;
  }
  memo.set(id, value);
  return value;
}

/** Minimal sets S (as bit masks) with f(S) = 1: no true proper subset. */
export function minimalTrueSets(table: Uint8Array, n: number): number[] {
  const upward = new Uint8Array(table.length);
  const result: number[] = [];
  for (let m = 0; m < table.length; m++) {
    let below = 0;
    for (let i = 0; i < n && below === 0; i++) if ((m >> i) & 1) below = upward[m & ~(1 << i)]!;
    upward[m] = table[m]! | below;
    if (table[m] === 1 && below === 0) result.push(m);
  }
  return result;
}

/** Prime implicants as [positive mask, negative mask]: terms implying f, none of whose literals can go. */
export function primeImplicants(table: Uint8Array, n: number): [number, number][] {
  // Terms in base 3 (digit 0: free, 1: positive, 2: negative); implies[t] by the free variable with the lowest index.
  const size = 3 ** n;
  const implies = new Uint8Array(size);
  const pow = Array.from({ length: n + 1 }, (_, i) => 3 ** i);
  const digits = (t: number, i: number): number => Math.floor(t / pow[i]!) % 3;
  // Process terms with fewer free variables first: order by number of free digits.
  const byFree: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let t = 0; t < size; t++) {
    let free = 0;
    for (let i = 0; i < n; i++) if (digits(t, i) === 0) free++;
    byFree[free]!.push(t);
  }
  for (let free = 0; free <= n; free++) {
    for (const t of byFree[free]!) {
      if (free === 0) {
        let mask = 0;
        for (let i = 0; i < n; i++) if (digits(t, i) === 1) mask |= 1 << i;
        implies[t] = table[mask]!;
      } else {
        let i = 0;
        while (digits(t, i) !== 0) i++;
        implies[t] = implies[t + pow[i]!]! & implies[t + 2 * pow[i]!]!;
      }
    }
  }
  const result: [number, number][] = [];
  for (let t = 0; t < size; t++) {
    if (implies[t] !== 1) continue;
    let prime = true;
    let pos = 0;
    let neg = 0;
    for (let i = 0; i < n; i++) {
      const d = digits(t, i);
      if (d === 0) continue;
      if (d === 1) pos |= 1 << i;
      else neg |= 1 << i;
      if (implies[t - d * pow[i]!] === 1) prime = false;
    }
    if (prime) result.push([pos, neg]);
  }
  return result;
}

/** Σ over assignments of the weight where `predicate` holds. */
export function probabilityOf(q: readonly number[], predicate: (mask: number) => boolean): number {
  const n = q.length;
  let total = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    if (!predicate(mask)) continue;
    let w = 1;
    for (let i = 0; i < n; i++) w *= (mask >> i) & 1 ? q[i]! : 1 - q[i]!;
    total += w;
  }
  return total;
}
