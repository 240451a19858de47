// The part of mathjs that probability expressions use (model stage): the parser, compile, and the
// operators and functions that expressions.ts allows, in mathjs's number-only build. scripts/bundle.mjs
// bundles this file with only these factories (dist/bundle/mathjs-subset.cjs, about 0.26 MB): it
// loads in tens of milliseconds, where the whole of mathjs/number takes 0.3 s or more. The
// functions are created lazily by mathjs's create(), on first use.

import {
  absDependencies, addDependencies, andDependencies, cbrtDependencies, ceilDependencies, compileDependencies, create, divideDependencies,
  equalDependencies, expDependencies, expm1Dependencies, floorDependencies, largerDependencies, largerEqDependencies, log10Dependencies,
  log1pDependencies, log2Dependencies, logDependencies, maxDependencies, minDependencies, modDependencies, multiplyDependencies,
  notDependencies, orDependencies, parseDependencies, powDependencies, roundDependencies, smallerDependencies, smallerEqDependencies,
  sqrtDependencies, subtractDependencies, unaryMinusDependencies, unaryPlusDependencies, unequalDependencies, xorDependencies,
} from 'mathjs/number';
import type { FactoryFunctionMap } from 'mathjs';

// The typings declare each dependency map as possibly undefined; every one named here exists.
const factories = {
  parseDependencies, compileDependencies,
  addDependencies, subtractDependencies, multiplyDependencies, divideDependencies, powDependencies, modDependencies,
  unaryMinusDependencies, unaryPlusDependencies,
  largerDependencies, smallerDependencies, largerEqDependencies, smallerEqDependencies, equalDependencies, unequalDependencies,
  andDependencies, orDependencies, notDependencies, xorDependencies,
  expDependencies, expm1Dependencies, logDependencies, log1pDependencies, log10Dependencies, log2Dependencies,
  sqrtDependencies, cbrtDependencies, absDependencies, minDependencies, maxDependencies, floorDependencies, ceilDependencies, roundDependencies,
} as FactoryFunctionMap;

export const math = create(factories);
