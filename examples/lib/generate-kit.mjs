// What the examples' generate.mjs scripts share: seeded randomness and writing files beside the
// script. Plain Node, no dependencies; the same seed gives the same files on every run.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Mulberry32: a small seeded 32-bit generator of uniform numbers in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One seeded stream and the draws built on it; every draw advances the same stream. */
export function createRandom(seed) {
  const rand = mulberry32(seed);
  const uniform = (a, b) => a + (b - a) * rand();
  const int = (a, b) => Math.floor(uniform(a, b + 1));
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const normal = (mean, sd) => mean + sd * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');

  /** Routine events: about one every `everyMin` minutes, jittered, so that the rate is steady. */
  function steady(start, end, everyMin) {
    const out = [];
    const step = everyMin * 60_000;
    for (let t = start + uniform(0, step); t < end; t += step) out.push(Math.round(t + uniform(-0.4, 0.4) * step));
    return out.filter((t) => t >= start && t < end);
  }

  /** Event times of a Poisson process with a time-varying rate (per minute), by thinning. */
  function arrivals(start, end, ratePerMin, maxRate) {
    const out = [];
    let t = start;
    for (;;) {
      t += (-Math.log(1 - rand()) / maxRate) * 60_000;
      if (t >= end) return out;
      if (rand() * maxRate < ratePerMin(t)) out.push(Math.round(t));
    }
  }

  return { rand, uniform, int, pick, normal, hex, steady, arrivals };
}

/** `write(path, text)`: writes `text` to `path` under the folder `here`, creating folders as needed. */
export function writerUnder(here) {
  return (path, text) => {
    mkdirSync(dirname(join(here, path)), { recursive: true });
    writeFileSync(join(here, path), text);
  };
}
