// Unavailability of a periodically tested component, the MEF `periodic-test` built-in with 5 and 11
// arguments (model stage: used by the MEF reader and by formulas; the 4-argument form maps onto the
// model's `periodic-test` kind).
// Reference: Open-PSA Model Exchange Format 2.0, §7.4 (built-ins); a three-state Markov model
// (working, failed undetected, under repair) advanced phase by phase, as SCRAM interprets it.

/** P(a failure at rate `rate` within `time`). */
function pFail(rate: number, time: number): number {
  return -Math.expm1(-rate * time);
}

/**
 * P(a repair at rate `mu` completes within `time` and the component then fails again at rate
 * `lambda` before `time` ends): the convolution of the two exponentials.
 */
function pRepairThenFail(lambda: number, mu: number, time: number): number {
  if (time <= 0) return 0;
  if (Math.abs(lambda - mu) <= 1e-12 * Math.max(lambda, mu)) {
    const x = lambda * time;
    return -Math.expm1(-x) - x * Math.exp(-x);
  }
  return 1 - (mu * Math.exp(-lambda * time) - lambda * Math.exp(-mu * time)) / (mu - lambda);
}

/**
 * Five arguments: instantaneous, perfect tests every `tau` from `theta` on; a failure found at a test
 * is repaired at rate `mu`, and the repaired component may fail again.
 */
export function periodicTestInstant(lambda: number, mu: number, tau: number, theta: number, t: number): number {
  if (t <= theta) return pFail(lambda, t);
  // U = P(unavailable) is unchanged by a test (failed → under repair); right after a test all of U is
  // under repair. Over a phase of length s: U' = U·(P(still in repair) + P(repaired, failed again)) + (1 − U)·P(fail).
  const advance = (u: number, s: number): number =>
    u * (1 - pFail(mu, s) + pRepairThenFail(lambda, mu, s)) + (1 - u) * pFail(lambda, s);
  let u = pFail(lambda, theta);
  const periods = Math.floor((t - theta) / tau);
  for (let i = 0; i < periods; i++) u = advance(u, tau);
  return advance(u, t - theta - periods * tau);
}

export interface CompletePeriodicTest {
  readonly lambda: number;
  /** Failure rate while under test. */
  readonly lambdaTest: number;
  readonly mu: number;
  readonly tau: number;
  readonly theta: number;
  /** Probability of failing at the start of a test (on demand). */
  readonly gamma: number;
  readonly testDuration: number;
  /** Whether the component does its job while being tested. */
  readonly availableAtTest: boolean;
  /** Probability that a test detects a failure. */
  readonly sigma: number;
  /** Probability of failing at restart after a repair. */
  readonly omega: number;
  readonly t: number;
}

/** Eleven arguments: tests of finite duration with imperfect detection, demand and restart failures. */
export function periodicTestComplete(p: CompletePeriodicTest): number {
  const { lambda, lambdaTest, mu, tau, theta, gamma, testDuration, sigma, omega, t } = p;
  if (t <= theta) return pFail(lambda, t);
  let failed = pFail(lambda, theta);
  let repair = 0;
  let available = 1 - failed;
  const repairedThenFailed = (s: number): number => pFail(mu, s) * omega + (1 - omega) * pRepairThenFail(lambda, mu, s);

  const testPhase = (s: number, availableDuringTest: boolean): void => {
    const pTest = pFail(lambdaTest, s);
    const transient = failed + available * (gamma + (1 - gamma) * pTest);
    const working = available * (1 - gamma) * (1 - pTest);
    failed = repair * repairedThenFailed(s) + (1 - sigma) * transient;
    repair = (1 - pFail(mu, s)) * repair + sigma * transient;
    available = 1 - failed - repair - (availableDuringTest ? 0 : working);
  };
  const normalPhase = (s: number): void => {
    failed = available * pFail(lambda, s) + failed + repair * repairedThenFailed(s);
    repair *= 1 - pFail(mu, s);
    available = 1 - failed - repair;
  };

  const periods = Math.floor((t - theta) / tau);
  for (let i = 0; i < periods; i++) {
    testPhase(testDuration, true);
    normalPhase(tau - testDuration);
  }
  const rest = t - theta - periods * tau;
  if (rest <= testDuration) {
    testPhase(rest, p.availableAtTest);
  } else {
    testPhase(testDuration, true);
    normalPhase(rest - testDuration);
  }
  return 1 - available;
}
