// The diagnose stage's public API: diagnoseIncident() turns a tree and its evidence into exact
// posteriors, suspects, cut sets given the evidence, next checks, a timeline and a verdict.
export { diagnoseIncident, STAND_OUT_FACTOR, type DiagnoseOptions } from './diagnose-incident.js';
export type { Diagnosis, EventDiagnosis, GateDiagnosis, RatedSignal, TopDiagnosis, Verdict, VerdictReason } from './diagnosis.js';
export { conditionOnEvidence, computePosteriors, computeTopGivenEvidence, type Conditioning, type EvidenceModel, type GateEvidenceInput } from './condition-on-evidence.js';
export { combineLikelihoods, foldLikelihood, signalLikelihood, type Likelihood, type SignalObservation } from './fold-likelihood.js';
export { resolveSignalRates, DEFAULT_SENSITIVITY, DEFAULT_FALSE_ALARM, type RateSource, type SignalRateDefaults } from './resolve-signal-rates.js';
export { estimateOnset, type Onset, type OnsetSource } from './estimate-onset.js';
export { buildTimeline, ONSET_GRACE_MS, type TimelineEntry, type TimelinePhase } from './build-timeline.js';
export { binaryEntropy, suspectEntropy, expectedInformationGain } from './information-gain.js';
export { rankNextChecks, ASSUMED_CHECK_MINUTES, MIN_CHECK_POSTERIOR, type NextCheck } from './rank-next-checks.js';
export { rankCutSets, findCandidateCutSets, CUT_SET_CANDIDATES, type CutSetPosterior } from './rank-cut-sets.js';
