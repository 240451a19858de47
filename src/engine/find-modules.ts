// Finds the modules of a Boolean graph: operator nodes whose descendants are reachable only through
// them (engine stage). Linear-time algorithm of Dutuit & Rauzy 1996, "A linear-time algorithm to
// find modules of fault trees" (IEEE Trans. Reliability 45(3)).

import type { BooleanGraph, Literal } from './boolean-graph.js';

/**
 * Marks the modules among the operator nodes reachable from `root` (the root itself included).
 * Two depth-first visits: the first dates the first, the post-order and the last visit of every
 * node; a node is a module when all its descendants are first visited after it and last visited
 * before it is left.
 */
export function findModules(graph: BooleanGraph, root: Literal): Uint8Array {
  const size = graph.nodeCount + 1;
  const first = new Int32Array(size);
  const leave = new Int32Array(size);
  const last = new Int32Array(size);
  const isModule = new Uint8Array(size);
  const top = root < 0 ? -root : root;
  if (graph.args[top] === undefined) return isModule;

  // Visit 1: iterative depth-first search; a frame is (node, next argument position).
  let clock = 0;
  const nodes: number[] = [top];
  const positions: number[] = [0];
  first[top] = ++clock;
  while (nodes.length > 0) {
    const n = nodes[nodes.length - 1]!;
    const args = graph.args[n]!;
    const i = positions[positions.length - 1]!;
    if (i === args.length) {
      leave[n] = last[n] = ++clock;
      nodes.pop();
      positions.pop();
      continue;
    }
    positions[positions.length - 1] = i + 1;
    const a = args[i]!;
    const c = a < 0 ? -a : a;
    const t = ++clock;
    if (first[c] === 0) {
      first[c] = t;
      if (graph.args[c] === undefined) {
        leave[c] = last[c] = t;
      } else {
        nodes.push(c);
        positions.push(0);
      }
    } else {
      last[c] = t;
    }
  }

  // Visit 2: the earliest first visit and latest last visit among the descendants of each node,
  // in post-order (the order of `leave` dates).
  const order: number[] = [];
  for (let n = 1; n < size; n++) if (first[n] !== 0 && graph.args[n] !== undefined) order.push(n);
  order.sort((a, b) => leave[a]! - leave[b]!);
  const minDesc = new Int32Array(size);
  const maxDesc = new Int32Array(size);
  for (const n of order) {
    let lo = Number.MAX_SAFE_INTEGER;
    let hi = 0;
    for (const a of graph.args[n]!) {
      const c = a < 0 ? -a : a;
      lo = Math.min(lo, first[c]!);
      hi = Math.max(hi, last[c]!);
      if (graph.args[c] !== undefined) {
        lo = Math.min(lo, minDesc[c]!);
        hi = Math.max(hi, maxDesc[c]!);
      }
    }
    minDesc[n] = lo;
    maxDesc[n] = hi;
    if (first[n]! < lo && hi < leave[n]!) isModule[n] = 1;
  }
  return isModule;
}
