// Reads the `distribution:` of an event or parameter, the uncertainty on its probability (parse stage).

import type { RawNode } from './parse-yaml-tree.js';
import { didYouMean } from '../../model/did-you-mean.js';
import type { Distribution } from '../../model/fault-tree.js';
import type { RawReader } from './raw-reader.js';

const SHAPES: Readonly<Record<string, readonly string[]>> = {
  lognormal: ['mean', 'error_factor', 'mu', 'sigma'],
  uniform: ['min', 'max'],
  loguniform: ['min', 'max'],
  normal: ['mean', 'sd'],
  beta: ['alpha', 'beta'],
  gamma: ['shape', 'scale'],
  histogram: ['bounds', 'weights'],
};

export function readDistribution(reader: RawReader, node: RawNode, owner: string): Distribution | undefined {
  const map = reader.map(node, `The distribution of "${owner}"`, 'write `distribution: {type: lognormal, mean: 1e-3, error_factor: 3}`');
  if (!map) return undefined;
  const typeEntry = map.entries.find((e) => e.key === 'type');
  if (!typeEntry) {
    reader.report('MISSING_KEY', `The distribution of "${owner}" has no type`, map.span, `add \`type:\` with one of ${Object.keys(SHAPES).join(', ')}`);
    return undefined;
  }
  const type = reader.string(typeEntry.value, `The distribution type of "${owner}"`);
  if (type === undefined) return undefined;
  const params = SHAPES[type];
  if (!params) {
    const guess = didYouMean(type, Object.keys(SHAPES));
    reader.report('INVALID_VALUE', `Unknown distribution type "${type}" for "${owner}"`, typeEntry.value.span, guess ? `did you mean "${guess}"?` : `use one of ${Object.keys(SHAPES).join(', ')}`);
    return undefined;
  }
  const keys = reader.entries(map, ['type', ...params], `the ${type} distribution of "${owner}"`);
  const what = `the ${type} distribution of "${owner}"`;
  const fail = (message: string, hint?: string): undefined => {
    reader.report('INVALID_DISTRIBUTION', `The ${what} is invalid: ${message}`, map.span, hint);
    return undefined;
  };
  const get = (k: string): number | undefined => {
    const e = keys.get(k);
    return e ? reader.number(e.value, `The ${k} of ${what}`) : undefined;
  };
  const need = (...ks: string[]): number[] | undefined => {
    const missing = ks.filter((k) => !keys.has(k));
    if (missing.length > 0) return fail(`missing ${missing.join(' and ')}`, `a ${type} distribution takes ${ks.join(', ')}`);
    const vs = ks.map(get);
    return vs.every((v) => v !== undefined) ? (vs as number[]) : undefined;
  };

  switch (type) {
    case 'lognormal': {
      if (keys.has('mu') || keys.has('sigma')) {
        const v = need('mu', 'sigma');
        if (!v) return undefined;
        const [mu, sigma] = v as [number, number];
        if (sigma <= 0) return fail('sigma must be positive');
        return { kind: 'lognormal-mu-sigma', mu, sigma };
      }
      const v = need('mean', 'error_factor');
      if (!v) return undefined;
      const [mean, errorFactor] = v as [number, number];
      if (mean <= 0) return fail('the mean must be positive');
      if (errorFactor <= 1) return fail('the error factor must exceed 1', 'the error factor is the 95th percentile over the median, for example 3 or 10');
      return { kind: 'lognormal', mean, errorFactor };
    }
    case 'uniform':
    case 'loguniform': {
      const v = need('min', 'max');
      if (!v) return undefined;
      const [min, max] = v as [number, number];
      if (!(min < max)) return fail('min must be below max');
      if (type === 'loguniform' && min <= 0) return fail('min must be positive for a log-uniform distribution');
      return { kind: type, min, max };
    }
    case 'normal': {
      const v = need('mean', 'sd');
      if (!v) return undefined;
      const [mean, sd] = v as [number, number];
      if (sd <= 0) return fail('sd must be positive');
      return { kind: 'normal', mean, sd };
    }
    case 'beta': {
      const v = need('alpha', 'beta');
      if (!v) return undefined;
      const [alpha, beta] = v as [number, number];
      if (alpha <= 0 || beta <= 0) return fail('alpha and beta must be positive');
      return { kind: 'beta', alpha, beta };
    }
    case 'gamma': {
      const v = need('shape', 'scale');
      if (!v) return undefined;
      const [shape, scale] = v as [number, number];
      if (shape <= 0 || scale <= 0) return fail('shape and scale must be positive');
      return { kind: 'gamma', shape, scale };
    }
    default: {
      const b = keys.get('bounds');
      const w = keys.get('weights');
      if (!b || !w) return fail('missing bounds or weights', 'write `bounds: [0, 1e-3, 1e-2]` and `weights: [0.7, 0.3]` (one weight per bin)');
      const bounds = numberList(reader, b.value, `The bounds of ${what}`);
      const weights = numberList(reader, w.value, `The weights of ${what}`);
      if (!bounds || !weights) return undefined;
      if (bounds.length < 2 || weights.length !== bounds.length - 1) return fail('there must be one weight per bin (bounds.length − 1)');
      if (bounds.some((x, i) => i > 0 && !(x > bounds[i - 1]!))) return fail('bounds must increase');
      if (weights.some((x) => x < 0) || weights.every((x) => x === 0)) return fail('weights must be non-negative and not all zero');
      return { kind: 'histogram', bounds, weights };
    }
  }
}

function numberList(reader: RawReader, node: RawNode, what: string): number[] | undefined {
  if (node.kind !== 'seq') {
    reader.typeError(what, 'a list of numbers', node);
    return undefined;
  }
  const out = node.items.map((n) => reader.number(n, what));
  return out.every((v) => v !== undefined) ? (out as number[]) : undefined;
}
