// A hash table from pairs of integers to integers, in typed arrays (engine stage): open addressing
// with linear probing (Knuth, TAOCP vol. 3, §6.4), for memo tables that must not lose entries.

const EMPTY_KEY = -0x80000000;

export class PairTable {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 12) {
    let size = 1 << 4;
    while (size < capacity * 2) size <<= 1;
    this.keysA = new Int32Array(size).fill(EMPTY_KEY);
    this.keysB = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value of (a, b), or `missing` when absent. `a` must not be −2³¹. */
  get(a: number, b: number, missing = -1): number {
    const keysA = this.keysA;
    let i = hashPair(a, b) & this.mask;
    for (;;) {
      const k = keysA[i]!;
      if (k === EMPTY_KEY) return missing;
      if (k === a && this.keysB[i] === b) return this.values[i]!;
      i = (i + 1) & this.mask;
    }
  }

  set(a: number, b: number, value: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const keysA = this.keysA;
    let i = hashPair(a, b) & this.mask;
    for (;;) {
      const k = keysA[i]!;
      if (k === EMPTY_KEY) {
        keysA[i] = a;
        this.keysB[i] = b;
        this.values[i] = value;
        this.count++;
        return;
      }
      if (k === a && this.keysB[i] === b) {
        this.values[i] = value;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const { keysA, keysB, values } = this;
    const size = (this.mask + 1) * 2;
    this.keysA = new Int32Array(size).fill(EMPTY_KEY);
    this.keysB = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < keysA.length; i++) if (keysA[i] !== EMPTY_KEY) this.set(keysA[i]!, keysB[i]!, values[i]!);
  }
}

const imul = Math.imul;

function hashPair(a: number, b: number): number {
  let h = imul(a, 0x9e3779b1) ^ imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = imul(h, 0x2c1b3c6d);
  h ^= h >>> 13;
  return h >>> 0;
}
