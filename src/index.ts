// The ftree library: load, validate and analyse trees without the CLI
// (`import { loadModel, analyzeProbability } from 'ftree'`).
export { loadModel, groupModelFiles, modelFormatOf, type LoadModelOptions, type LoadModelResult, type ModelFormat } from './parse/load-model.js';
export { loadTree, type LoadTreeOptions, type LoadTreeResult } from './parse/yaml/load-tree.js';
export { loadMef, parseMefText, type LoadMefOptions } from './parse/mef/index.js';
export type * from './model/fault-tree.js';
export { FtreeError, type Diagnostic, type FtreeErrorOptions, type Severity } from './model/diagnostic.js';
export { LIBRARY_OPTION_NAMES, NAMED_OPTIONS, type NamedOption, type OptionNames } from './model/option-names.js';
export { ERROR_CODES, TREE_ERROR_CODES, type ErrorCode, type TreeErrorCode } from './model/error-codes.js';
export { EngineLimitError, type EngineLimit } from './engine/engine-limit-error.js';
export type { SourceSpan } from './model/source-span.js';
export { probabilityAt } from './model/probability-at.js';
export { parseDuration, parseRate } from './model/units.js';
export { analyzeProbability, type ProbabilityAnalysis, type EventProbability } from './engine/index.js';
export {
  analyzeUncertainty,
  computeProbabilityCurve,
  RandomStream,
  type UncertaintyAnalysis,
  type UncertaintyOptions,
  type ProbabilityCurve,
} from './engine/index.js';
export { treeAtTime } from './model/tree-at-time.js';
export { steadyStateProbability } from './model/steady-state-probability.js';
export { exportMef } from './report/mef-export.js';
export { exportYaml, type ExportYamlOptions } from './report/yaml-export.js';
export { collectEvidence, listLogSources, resolveTimeWindow, type CollectedEvidence, type EvidenceRead, type EvidenceResult, type EvidenceSources, type ReadFile, type SignalResult } from './evidence/index.js';
export { diagnoseIncident, type DiagnoseOptions, type Diagnosis, type EventDiagnosis, type Verdict } from './diagnose/index.js';
export { diagnosisToJson } from './report/diagnosis-json.js';
