// Property test of the diagnosis against an independent brute force: random trees, random signal
// states on events and gates, random rates (signal, tree defaults, option defaults). The brute
// force enumerates all 2^n states of the events, weighs each by ∏ q and every signal's likelihood
// (through its event, or through its gate's value; fired signals with their strength and timing
// factors), keeps the states where the top event holds
// (when it is observed), and compares every event's posterior, P(T | E), cut-set posteriors and
// the expected information gain of every proposed check with the diagnosis, to 1e-9.
import fc from 'fast-check';
import { diagnoseIncident } from '../src/diagnose/index.js';
import type { EvidenceResult, SignalResult } from '../src/evidence/index.js';
import type { BasicEvent, FaultTree, Gate, GateType } from '../src/model/fault-tree.js';

type Kind = 'and' | 'or' | 'atleast' | 'xor' | 'not' | 'nand' | 'nor' | 'iff';
const KINDS: Kind[] = ['and', 'or', 'atleast', 'xor', 'not', 'nand', 'nor', 'iff'];

interface Case {
  probs: number[];
  gates: { type: Kind; inputs: number[]; k: number }[];
  signals: { owner: number; state: 'fired' | 'silent' | 'unknown'; s: number | null; f: number | null; strength: number | null; at: number; departure: number | null }[];
  treeDefaults: { s: number | null; f: number | null };
  optionDefaults: { s: number | null; f: number | null };
  topObserved: boolean;
  cutSets: number[][];
  /** Gates marked as a propagation from their first input to another node (docs/diagnosis.md, "Propagation order"). */
  props: { gate: number; to: number }[];
}

const rate = fc.double({ min: 0.02, max: 0.98, noNaN: true });
const arbCase: fc.Arbitrary<Case> = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.integer({ min: 1, max: 5 }).chain((g) =>
    fc.record({
      probs: fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { minLength: n, maxLength: n }),
      gates: fc.tuple(
        ...Array.from({ length: g }, (_, k) =>
          fc.record({
            type: fc.constantFrom(...KINDS),
            inputs: fc.uniqueArray(fc.integer({ min: 0, max: n + k - 1 }), { minLength: 1, maxLength: 4 }),
            k: fc.integer({ min: 1, max: 4 }),
          }),
        ),
      ),
      signals: fc.array(
        fc.record({
          owner: fc.integer({ min: 0, max: n + g - 1 }),
          state: fc.constantFrom('fired' as const, 'silent' as const, 'unknown' as const),
          s: fc.option(rate),
          f: fc.option(rate),
          strength: fc.option(fc.double({ min: 0.5, max: 60, noNaN: true })),
          at: fc.integer({ min: 0, max: 9_999 }),
          // An additive metric's departure (a latency), for the propagation-magnitude evidence.
          departure: fc.option(fc.double({ min: 0.001, max: 10, noNaN: true })),
        }),
        { maxLength: 8 },
      ),
      treeDefaults: fc.record({ s: fc.option(rate), f: fc.option(rate) }),
      optionDefaults: fc.record({ s: fc.option(rate), f: fc.option(rate) }),
      topObserved: fc.boolean(),
      cutSets: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
      props: fc.uniqueArray(fc.record({ gate: fc.integer({ min: 0, max: g - 1 }), to: fc.integer({ min: 0, max: n + g - 1 }) }), { maxLength: 3, selector: (p) => p.gate }),
    }),
  ),
);

function buildCase(c: Case): { tree: FaultTree; evidence: EvidenceResult; nodeIds: string[] } {
  const n = c.probs.length;
  const nodeIds = [...c.probs.map((_, i) => `e${i}`), ...c.gates.map((_, k) => `g${k}`)];
  const events = new Map<string, BasicEvent>(
    c.probs.map((p, i) => [`e${i}`, { id: `e${i}`, probability: p, model: { kind: 'constant', value: p }, check: { how: `look at e${i}`, cost: 1 + i } }]),
  );
  const gates = new Map<string, Gate>(
    c.gates.map((g, k) => {
      const inputs = g.inputs.map((i) => nodeIds[i]!);
      const type: GateType = g.type === 'iff' && inputs.length !== 2 ? 'or' : g.type === 'not' ? 'not' : g.type;
      const gate: Gate = {
        id: `g${k}`,
        type,
        inputs: type === 'not' ? inputs.slice(0, 1) : inputs,
        ...(type === 'atleast' ? { k: Math.min(g.k, inputs.length) } : {}),
      };
      const prop = c.props.find((p) => p.gate === k);
      return [`g${k}`, prop ? { ...gate, propagation: { from: gate.inputs[0]!, to: nodeIds[prop.to]!, probability: 0.5 } } : gate];
    }),
  );
  const rates = (s: number | null, f: number | null) => ({ ...(s !== null ? { sensitivity: s } : {}), ...(f !== null ? { falseAlarm: f } : {}) });
  const tree: FaultTree = {
    name: 'random',
    file: 'random.yaml',
    files: ['random.yaml'],
    top: `g${c.gates.length - 1}`,
    missionTime: 24,
    parameters: new Map(),
    gates,
    events,
    houses: new Map(),
    defaults: rates(c.treeDefaults.s, c.treeDefaults.f),
  };
  const signals: SignalResult[] = c.signals.map((s) => ({
    owner: nodeIds[s.owner]!,
    ownerKind: s.owner < n ? 'event' : 'gate',
    kind: 'log',
    pattern: 'x',
    rule: '≥ 1',
    state: s.state,
    samples: [],
    ...(s.state === 'fired' ? { firstSeen: s.at * 600 } : {}),
    ...(s.state === 'fired' && s.strength !== null ? { strength: s.strength } : {}),
    ...(s.state === 'fired' && s.departure !== null ? { departure: s.departure, additive: true } : {}),
    ...rates(s.s, s.f),
  }));
  const evidence: EvidenceResult = { window: { start: 0, end: WINDOW_END }, timezone: 'UTC', signals, logs: [], metricFiles: [], unexplained: [], notes: [], warnings: [] };
  return { tree, evidence, nodeIds };
}

const WINDOW_END = 6_000_000;

/**
 * The density ratios of a fired signal's strength and first time, written from docs/diagnosis.md
 * ("Graded and timed evidence") independently of src/diagnose/evidence-likelihood.ts.
 */
function strengthRatio(strength: number | null): number {
  if (strength === null) return 1;
  const cap = 20;
  return (1 + cap ** -2) * 0.5 * Math.min(cap, Math.max(1, strength));
}
function timingRatio(t: number, onset: number): number {
  const lag = 120_000;
  const w = 0.8;
  const a = Math.max(0, Math.min(WINDOW_END, onset - 5 * lag));
  const b = Math.max(0, Math.min(WINDOW_END, onset));
  const mass = b - a + lag * (1 - Math.exp(-(WINDOW_END - b) / lag)) + lag * (1 - Math.exp(-a / lag));
  const h = t > b ? Math.exp(-(t - b) / lag) : t < a ? Math.exp(-(a - t) / lag) : 1;
  return w * WINDOW_END * (h / mass) + (1 - w);
}

/** The brute force: weights of all states, and a function giving each node's value in a state. */
function bruteForce(c: Case, tree: FaultTree, onset: number) {
  const n = c.probs.length;
  const value = (x: number, id: string): boolean => {
    if (id.startsWith('e')) return ((x >> Number(id.slice(1))) & 1) === 1;
    const g = tree.gates.get(id)!;
    const v = g.inputs.map((i) => value(x, i));
    const count = v.filter(Boolean).length;
    switch (g.type) {
      case 'and': return count === v.length;
      case 'or': return count > 0;
      case 'atleast': return count >= g.k!;
      case 'xor': return count % 2 === 1;
      case 'not': return !v[0];
      case 'nand': return count !== v.length;
      case 'nor': return count === 0;
      case 'iff': return v[0] === v[1];
      default: throw new Error(`untested gate type ${g.type}`);
    }
  };
  const pick = (own: number | null, tree: number | null, option: number | null, builtIn: number) => own ?? tree ?? option ?? builtIn;
  const signalWeight = (x: number): number => {
    let w = 1;
    for (const s of c.signals) {
      if (s.state === 'unknown') continue;
      const on = value(x, s.owner < n ? `e${s.owner}` : `g${s.owner - n}`);
      const fired = pick(s.s, c.treeDefaults.s, c.optionDefaults.s, 0.9);
      const alarm = pick(s.f, c.treeDefaults.f, c.optionDefaults.f, 0.05);
      if (s.state === 'fired') w *= on ? fired * strengthRatio(s.strength) * timingRatio(s.at * 600, onset) : alarm;
      else w *= on ? 1 - fired : 1 - alarm;
    }
    return w;
  };
  // Propagation order: the first fired log time of each end (every signal here is a log signal).
  const firstFired = (id: string): number | undefined => {
    const times = c.signals.filter((s) => s.state === 'fired' && (s.owner < n ? `e${s.owner}` : `g${s.owner - n}`) === id).map((s) => s.at * 600);
    return times.length > 0 ? Math.min(...times) : undefined;
  };
  const orderWeight = (x: number): number => {
    let w = 1;
    for (const g of tree.gates.values()) {
      if (!g.propagation) continue;
      const from = firstFired(g.propagation.from);
      const to = firstFired(g.propagation.to);
      if (from === undefined || to === undefined) continue;
      const reversed = to < from - 120_000;
      const passed = value(x, g.id);
      w *= reversed ? (passed ? 0.02 : 0.25) : passed ? 0.98 : 0.75;
    }
    return w;
  };
  // Propagation magnitude: the largest additive departure of each end (all departures here are positive).
  const largest = (id: string): number | undefined => {
    const d = c.signals.filter((s) => s.state === 'fired' && s.departure !== null && (s.owner < n ? `e${s.owner}` : `g${s.owner - n}`) === id).map((s) => s.departure!);
    return d.length > 0 ? Math.max(...d) : undefined;
  };
  const magnitudeWeight = (x: number): number => {
    let w = 1;
    for (const g of tree.gates.values()) {
      if (!g.propagation) continue;
      const from = largest(g.propagation.from);
      const to = largest(g.propagation.to);
      if (from === undefined || to === undefined) continue;
      // Passed: the density of ln(share) over ±3 decades is min(1, share/0.5), normalized; not passed: uniform.
      const a = 3 * Math.log(10);
      const share = Math.min(1000, Math.max(0.001, from / to));
      // Z = (1/2a)·[∫ from −a to ln ½ of 2eᵗ dt + ∫ from ln ½ to a of 1 dt]
      const z = ((0.5 - Math.exp(-a)) / 0.5 + (a - Math.log(0.5))) / (2 * a);
      const passed = value(x, g.id);
      w *= passed ? Math.min(1, share / 0.5) / z : 1;
    }
    return w;
  };
  const weights: number[] = [];
  for (let x = 0; x < 1 << n; x++) {
    let w = 1;
    for (let i = 0; i < n; i++) w *= (x >> i) & 1 ? c.probs[i]! : 1 - c.probs[i]!;
    weights.push(w * signalWeight(x) * orderWeight(x) * magnitudeWeight(x));
  }
  return { value, weights };
}

describe('diagnosis equals brute-force enumeration', () => {
  it('posteriors, P(T|E), cut sets and information gain (1e-9)', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const { tree, evidence } = buildCase(c);
        const n = c.probs.length;
        const option = { ...(c.optionDefaults.s !== null ? { sensitivity: c.optionDefaults.s } : {}), ...(c.optionDefaults.f !== null ? { falseAlarm: c.optionDefaults.f } : {}) };
        const cutSets = c.cutSets.map((cs) => cs.map((i) => `e${i}`));
        const d = diagnoseIncident(tree, evidence, { topObserved: c.topObserved, rates: option, ...(cutSets.length > 0 ? { cutSets } : {}), limit: 100 });
        const { value, weights } = bruteForce(c, tree, d.onset.time);
        const kept = (x: number) => !c.topObserved || value(x, tree.top);
        let total = 0;
        let withTop = 0;
        for (let x = 0; x < weights.length; x++) {
          total += weights[x]!;
          if (value(x, tree.top)) withTop += weights[x]!;
        }
        const pF = c.topObserved ? withTop : total;
        expect(d.top.givenEvidence).toBeCloseTo(withTop / total, 9);
        if (!(pF > 1e-300)) return;
        const posterior = (condition: (x: number) => boolean, i: number) => {
          let num = 0;
          let den = 0;
          for (let x = 0; x < weights.length; x++) {
            if (!kept(x) || !condition(x)) continue;
            den += weights[x]!;
            if ((x >> i) & 1) num += weights[x]!;
          }
          return den > 0 ? num / den : 0;
        };
        const byId = new Map(d.events.map((e) => [e.id, e]));
        const truth = Array.from({ length: n }, (_, i) => posterior(() => true, i));
        for (let i = 0; i < n; i++) expect(Math.abs(byId.get(`e${i}`)!.posterior - truth[i]!)).toBeLessThan(1e-9);
        // Cut sets (given, or the tree's minimal cut sets): P(all of C | F).
        for (const cs of d.cutSets) {
          const members = cs.events.map((id) => Number(id.slice(1)));
          let num = 0;
          for (let x = 0; x < weights.length; x++) if (kept(x) && members.every((i) => (x >> i) & 1)) num += weights[x]!;
          expect(Math.abs(cs.posterior - num / pF)).toBeLessThan(1e-9);
        }
        // Information gain: Σ_i h(p_i) before, minus its expectation after learning x_c.
        const h = (p: number) => (p > 0 && p < 1 ? -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p)) : 0);
        const entropy = (ps: number[]) => ps.reduce((a, p) => a + h(p), 0);
        for (const check of d.nextChecks) {
          const cIndex = Number(check.id.slice(1));
          const p = truth[cIndex]!;
          const after = (on: boolean) => entropy(Array.from({ length: n }, (_, i) => posterior((x) => (((x >> cIndex) & 1) === 1) === on, i)));
          const gain = entropy(truth) - (p * after(true) + (1 - p) * after(false));
          expect(Math.abs(check.informationGain - Math.max(0, gain))).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });
});
