import { combineLikelihoods, foldLikelihood, isImpossible, signalLikelihood } from './fold-likelihood.js';

describe('likelihood folding', () => {
  it('gives each state its likelihood; unknown is no evidence', () => {
    expect(signalLikelihood({ state: 'fired', sensitivity: 0.9, falseAlarm: 0.05 })).toEqual({ ifTrue: 0.9, ifFalse: 0.05 });
    const silent = signalLikelihood({ state: 'silent', sensitivity: 0.9, falseAlarm: 0.05 });
    expect(silent.ifTrue).toBeCloseTo(0.1, 15);
    expect(silent.ifFalse).toBeCloseTo(0.95, 15);
    expect(signalLikelihood({ state: 'unknown', sensitivity: 0.9, falseAlarm: 0.05 })).toEqual({ ifTrue: 1, ifFalse: 1 });
  });

  it('multiplies independent signals', () => {
    const l = combineLikelihoods([
      { state: 'fired', sensitivity: 0.9, falseAlarm: 0.05 },
      { state: 'silent', sensitivity: 0.8, falseAlarm: 0.1 },
      { state: 'unknown', sensitivity: 0.5, falseAlarm: 0.5 },
    ]);
    expect(l.ifTrue).toBeCloseTo(0.9 * 0.2, 15);
    expect(l.ifFalse).toBeCloseTo(0.05 * 0.9, 15);
  });

  it("folds into q' = qL1 / (qL1 + (1 − q)L0), the DESIGN example by hand", () => {
    // q = 0.002, one fired log (0.9/0.05) and one fired metric (0.9/0.05): L1 = 0.81, L0 = 0.0025.
    const l = combineLikelihoods([
      { state: 'fired', sensitivity: 0.9, falseAlarm: 0.05 },
      { state: 'fired', sensitivity: 0.9, falseAlarm: 0.05 },
    ]);
    expect(foldLikelihood(0.002, l)).toBeCloseTo((0.002 * 0.81) / (0.002 * 0.81 + 0.998 * 0.0025), 14);
    expect(foldLikelihood(0.3, { ifTrue: 1, ifFalse: 1 })).toBe(0.3);
    expect(foldLikelihood(0, l)).toBe(0);
    expect(foldLikelihood(1, l)).toBe(1);
  });

  it('rules out with sensitivity 1 and silent, leaves impossible evidence alone', () => {
    expect(foldLikelihood(0.4, signalLikelihood({ state: 'silent', sensitivity: 1, falseAlarm: 0.1 }))).toBe(0);
    const impossible = { ifTrue: 0, ifFalse: 0 };
    expect(isImpossible(impossible)).toBe(true);
    expect(foldLikelihood(0.4, impossible)).toBe(0.4);
  });
});
