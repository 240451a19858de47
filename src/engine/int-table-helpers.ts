// Small helpers of the engine's typed-array tables (engine stage): the hash of a node's triple and
// the growth of an Int32Array, shared by the BDD and ZBDD managers and the n-ary apply's memo.

// A module-scope binding: in a vm context (Jest) every global lookup of `Math` is intercepted.
const imul = Math.imul;

/** A 32-bit hash of three integers (a node's variable and children, or an operation and operands). */
export function hashTriple(a: number, b: number, c: number): number {
  let h = imul(a, 0x9e3779b1) ^ imul(b, 0x85ebca77) ^ imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = imul(h, 0x2c1b3c6d);
  h ^= h >>> 13;
  return h >>> 0;
}

/** A copy of `a` in a new array of `size` entries (the rest zero). */
export function growInt32(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
