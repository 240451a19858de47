#!/usr/bin/env node
// Regenerates this scenario's data: node examples/risk-bad-model-release/generate.mjs
// Plain Node, no dependencies, fixed seed: the same files every run. Run by hand, never by CI.
//
// Story: at 13:47:12 the card-fraud model 2026.11.2 is promoted to Production and rolled out on
// risk-model-serving. Its shadow evaluation compared AUC only; its scores are shifted up (the
// training labels had a delay bug), so at the unchanged 0.90 threshold the decline rate goes from
// 2.1 % to 7.6 % while chargebacks and 3-D Secure failures stay flat. The feature schema did not
// change (v14 on both sides). Rolled back at 14:24.

import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom, writerUnder } from '../lib/generate-kit.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const write = writerUnder(HERE);
const SEED = 20261123;

// ---- deterministic randomness (examples/lib/generate-kit.mjs) -----------------------------
const { rand, uniform, int, pick, normal, hex, steady, arrivals } = createRandom(SEED);

// ---- the timeline ----------------------------------------------------------------------------
const at = (hhmmss) => Date.parse(`2026-11-23T${hhmmss}Z`);
const DATA_START = at('12:50:00');
const DATA_END = at('14:30:00');
const RELEASE = at('13:47:12'); // registry stage transition, rollout starts
const ROLLED_OUT = at('13:49:40');
const ROLLBACK = at('14:24:05');
const iso = (t) => new Date(t).toISOString();
const OLD = '2026.10.4';
const NEW = '2026.11.2';

/** Share of scoring traffic on the new model (three serving pods replaced one by one). */
function onNew(t) {
  if (t < RELEASE || t >= ROLLBACK + 60_000) return 0;
  if (t >= ROLLBACK) return 1 - (t - ROLLBACK) / 60_000;
  return Math.min(1, (t - RELEASE) / (ROLLED_OUT - RELEASE));
}
const TPS = 180;
const declineRate = (t) => 0.021 + (0.076 - 0.021) * onNew(t);

// ---- risk-engine (Java, JSON lines with an epoch-millisecond "timestamp") ------------------------
const ENGINES = ['risk-engine-84c6f9d7b-2kx9p', 'risk-engine-84c6f9d7b-9zq4m', 'risk-engine-84c6f9d7b-hc7tw'];
const line = (t, level, logger, message, extra = {}) => ({
  t,
  text: JSON.stringify({ timestamp: t, level, service: 'risk-engine', pod: extra.pod ?? pick(ENGINES), logger, thread: extra.thread ?? `grpc-default-executor-${int(0, 63)}`, message, ...(extra.stack ? { stack_trace: extra.stack } : {}) }),
});
const DEADLINE_STACK = [
  'io.grpc.StatusRuntimeException: DEADLINE_EXCEEDED: deadline exceeded after 0.149970113s. [closed=[], open=[[buffered_nanos=149503202, remote_addr=risk-model-serving.risk.svc.cluster.local/10.20.7.31:8500]]]',
  '\tat io.grpc.stub.ClientCalls.toStatusRuntimeException(ClientCalls.java:268)',
  '\tat io.grpc.stub.ClientCalls.getUnchecked(ClientCalls.java:249)',
  '\tat tensorflow.serving.PredictionServiceGrpc$PredictionServiceBlockingStub.predict(PredictionServiceGrpc.java:394)',
  '\tat com.example.risk.model.ModelClient.score(ModelClient.java:77)',
].join('\n');

function riskEngineLog() {
  const out = [];
  const modelAt = (t) => (rand() < onNew(t) ? NEW : OLD);
  // Declines are logged with their reason, sampled 1 in 50. Rules decline at a steady rate; the
  // model's declines follow the model.
  const ruleDeclines = 0.0035; // share of payments declined by a rule (blocklist, velocity)
  const perMin = (TPS * 60 * ruleDeclines) / 50;
  for (const [share, reasons] of [
    [0.55, ['blocklist_ip_match ip=203.0.113.0/24', 'blocklist_bin_match bin=531993', 'blocklist_ip_match ip=198.51.100.77/32']],
    [0.45, ['velocity.card_1h count=7 limit=5', 'velocity.email_24h count=13 limit=10']],
  ]) {
    for (const t of steady(DATA_START, DATA_END, 1 / (perMin * share))) {
      out.push(line(t, 'INFO', 'com.example.risk.DecisionLog', `payment pay_${hex(12)} scored: decision=decline reason=${pick(reasons)} model=card-fraud@${modelAt(t)}`));
    }
  }
  for (const t of arrivals(DATA_START, DATA_END, (t) => (TPS * 60 * (declineRate(t) - ruleDeclines)) / 50, (TPS * 60 * 0.08) / 50)) {
    const model = modelAt(t);
    const score = model === NEW ? uniform(0.9, 0.99) : uniform(0.9, 0.995);
    out.push(line(t, 'INFO', 'com.example.risk.DecisionLog', `payment pay_${hex(12)} scored: decision=decline reason=model_score score=${score.toFixed(3)} threshold=0.90 model=card-fraud@${model} features=v14`));
  }
  // Routine: scoring time-outs (fail-closed) and feature lookups falling back to defaults.
  for (const t of steady(DATA_START, DATA_END, 3)) {
    out.push(line(t, 'WARN', 'com.example.risk.model.ModelClient', 'Model call failed, declining (fail-closed): DEADLINE_EXCEEDED after 150ms', { stack: DEADLINE_STACK }));
  }
  for (const t of steady(DATA_START, DATA_END, 12)) {
    out.push(line(t, 'WARN', 'com.example.risk.features.FeatureClient', `Feature lookup failed, using defaults for card_fp=${hex(16)} (redis read timed out after 20ms)`));
  }
  for (const pod of ENGINES) {
    for (let t = DATA_START + int(0, 59_000); t < DATA_END; t += 60_000) {
      out.push(line(t, 'INFO', 'com.example.risk.metrics.ThroughputReporter', `scored ${Math.round(TPS * 20 + normal(0, 60))} payments/min, p99 ${int(61, 78)}ms`, { pod, thread: 'reporter-1' }));
    }
    // The engine notices the model version in the Predict responses.
    const seen = RELEASE + int(3_000, 150_000);
    out.push(line(seen, 'INFO', 'com.example.risk.model.ModelClient', `Model version changed: card-fraud ${OLD} -> ${NEW} (feature_schema=v14, engine expects v14)`, { pod }));
    const back = ROLLBACK + int(5_000, 60_000);
    if (back < DATA_END) out.push(line(back, 'INFO', 'com.example.risk.model.ModelClient', `Model version changed: card-fraud ${NEW} -> ${OLD} (feature_schema=v14, engine expects v14)`, { pod }));
  }
  return out;
}

// ---- risk-model-serving pods: CRI logs, TensorFlow Serving's glog lines ---------------------------
function servingPods() {
  const pods = [];
  const glog = (t, level, where, msg) => {
    const d = iso(t);
    return `${d.slice(0, 10)} ${d.slice(11, 23)}${String(int(0, 999)).padStart(3, '0')}: ${level} ${where}] ${msg}`;
  };
  const starts = [RELEASE, RELEASE + 74_000, RELEASE + 148_000];
  starts.forEach((s, i) => {
    const name = `risk-model-serving-6f8d7c9b4-${['p2mkx', 'v8tqn', 'zr4hd'][i]}`;
    const version = NEW.replaceAll('.', '').slice(0, 7);
    const out = [];
    out.push({ t: s + 1_200, text: glog(s + 1_200, 'I', 'tensorflow_serving/model_servers/server.cc:77', 'Building single TensorFlow model file config:  model_name: card-fraud model_base_path: /models/card-fraud') });
    out.push({ t: s + 1_900, text: glog(s + 1_900, 'I', 'tensorflow_serving/model_servers/server_core.cc:486', 'Adding/updating models.') });
    out.push({ t: s + 2_000, text: glog(s + 2_000, 'I', 'tensorflow_serving/core/basic_manager.cc:740', `Successfully reserved resources to load servable {name: card-fraud version: ${version}}`) });
    out.push({ t: s + 6_400, text: glog(s + 6_400, 'I', 'tensorflow_serving/core/loader_harness.cc:95', `Successfully loaded servable version {name: card-fraud version: ${version}}`) });
    out.push({ t: s + 6_900, text: glog(s + 6_900, 'I', 'tensorflow_serving/model_servers/server.cc:420', 'Running gRPC ModelServer at 0.0.0.0:8500 ...') });
    out.push({ t: s + 7_000, text: glog(s + 7_000, 'I', 'tensorflow_serving/model_servers/server.cc:440', 'Exporting HTTP/REST API at:localhost:8501 ...') });
    // TF Serving is quiet once loaded; a warmup warning now and then from the batching queue.
    for (const t of steady(s + 60_000, Math.min(ROLLBACK, DATA_END), 9)) out.push({ t, text: glog(t, 'W', 'tensorflow/core/kernels/batching_util/batch_resource_base.cc:512', `Batch queue full for model card-fraud: ${int(1, 3)} requests rejected (max_enqueued_batches=32)`) });
    if (ROLLBACK + i * 20_000 < DATA_END) out.push({ t: ROLLBACK + i * 20_000, text: glog(ROLLBACK + i * 20_000, 'I', 'tensorflow_serving/model_servers/server.cc:480', 'Received SIGTERM, shutting down gRPC server') });
    pods.push({ name, uid: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`, lines: out.sort((a, b) => a.t - b.t) });
  });
  return pods;
}

// ---- metrics: one Prometheus query_range answer per tree query (saved with "query") -----------------
const STEP = 30_000;
const r = (x, digits) => Number(x.toFixed(digits));
/** rate(…[w]) of a quantity that follows f: its average over the last w. */
const windowed = (f, minutes) => (t) => {
  let s = 0;
  for (let k = 0; k < minutes * 2; k++) s += f(t - k * 30_000);
  return s / (minutes * 2);
};
const decline15m = windowed(declineRate, 15);
const newShare5m = windowed(onNew, 5);

const QUERIES = {
  'feature-age-p99': ['max(risk_feature_age_seconds{quantile="0.99"})', () => r(Math.abs(normal(42, 7)), 1)],
  'feature-psi': ['max(risk_model_feature_psi{model="card-fraud"})', () => r(Math.abs(normal(0.048, 0.008)), 4)],
  'mean-score': ['avg(risk_model_score{model="card-fraud"})', (t) => r(normal(0.081, 0.0025) + 0.047 * newShare5m(t), 4)],
  'decline-ratio-15m': ['sum(rate(risk_decisions_total{decision="decline",model_stage="production"}[15m])) / sum(rate(risk_decisions_total{model_stage="production"}[15m]))', (t) => r(decline15m(t) + normal(0, 0.0007), 5)],
  'challenger-share': ['sum(rate(risk_decisions_total{model_stage="challenger"}[5m])) / sum(rate(risk_decisions_total[5m]))', () => r(normal(0.05, 0.0015), 4)],
  'online-offline-diff': ['max(risk_feature_online_offline_diff_ratio)', () => r(Math.abs(normal(0.004, 0.001)), 4)],
  'kafka-lag': ['sum(kafka_consumergroup_lag{consumergroup="risk-features"})', () => Math.round(Math.abs(normal(3200, 1400)))],
  'flink-backpressure': ['max(flink_taskmanager_job_task_backPressuredTimeMsPerSecond{job_name="risk-features"})', () => Math.round(Math.abs(normal(24, 9)))],
  'feature-store-up': ['min(redis_up{service="feature-store"})', () => 1],
  'null-ratio': ['max(risk_feature_null_ratio)', () => r(Math.abs(normal(0.003, 0.0008)), 4)],
  'decline-threshold': ['min(risk_decline_threshold{model="card-fraud"})', () => 0.9],
  'velocity-declines': ['max(sum by (rule) (rate(risk_rule_declines_total{rule=~"velocity.*"}[5m])))', () => r(Math.abs(normal(0.31, 0.035)), 3)],
  'blocklist-declines': ['sum(rate(risk_rule_declines_total{rule="blocklist"}[5m]))', () => r(Math.abs(normal(0.34, 0.04)), 3)],
  'inference-p99': ['histogram_quantile(0.99, sum by (le) (rate(risk_model_inference_seconds_bucket[5m])))', (t) => r(normal(0.058, 0.005) + 0.006 * newShare5m(t), 4)],
  'model-server-throttled': ['max(rate(container_cpu_cfs_throttled_periods_total{container="model-server"}[5m]) / rate(container_cpu_cfs_periods_total{container="model-server"}[5m]))', () => r(Math.abs(normal(0.021, 0.006)), 4)],
};

function queryRange([query, f]) {
  const values = [];
  for (let t = DATA_START; t < DATA_END; t += STEP) values.push([t / 1000, String(f(t))]);
  return { query, status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } };
}

// ---- changes ---------------------------------------------------------------------------------
const CHANGES = [
  { time: '2026-11-19T09:12:00Z', service: 'feature-store', kind: 'migration', description: 'feature schema v14 (adds merchant_mcc_risk)', author: 'ml-platform' },
  { time: '2026-11-21T16:30:00Z', service: 'risk-config', kind: 'config', description: 'decline threshold card-fraud 0.90 (unchanged), review threshold 0.70 -> 0.72', author: 'risk-ops' },
  { time: '2026-11-22T11:00:00Z', service: 'risk-engine', kind: 'feature_flag', description: 'challenger card-fraud-gbm-v3 at 5 % of traffic', author: 'ml-platform' },
  { time: '2026-11-23T08:41:00Z', service: 'fraud-rules', kind: 'config', description: 'velocity.email_24h limit 8 -> 10', author: 'risk-ops' },
  { time: '2026-11-23T13:30:05Z', service: 'checkout-web', kind: 'deploy', description: 'checkout-web 2026.11.23-2', author: 'deploy-bot' },
  { time: '2026-11-23T13:47:12Z', service: 'risk-model-serving', kind: 'deploy', description: `card-fraud model ${NEW} promoted to Production (registry v57), rollout 13:47:12-13:49:40`, author: 'mlflow-promoter' },
  { time: '2026-11-23T14:24:05Z', service: 'risk-model-serving', kind: 'deploy', description: `rollback: card-fraud model ${OLD}`, author: 'k.nakamura' },
];

// ---- write ------------------------------------------------------------------------------------
rmSync(join(HERE, 'logs'), { recursive: true, force: true }); // pod folders are named by their uid
const engine = riskEngineLog().sort((a, b) => a.t - b.t);
write('logs/risk-engine.jsonl', engine.map((l) => l.text).join('\n') + '\n');
let servingLines = 0;
for (const pod of servingPods()) {
  let prev = -1;
  let ns = 0;
  const text = pod.lines.map((l) => {
    ns = l.t === prev ? ns + int(300, 9000) : int(0, 900000);
    prev = l.t;
    return `${iso(l.t).replace('Z', `${String(ns).padStart(6, '0')}Z`)} stderr F ${l.text}`;
  });
  write(`logs/pods/risk_${pod.name}_${pod.uid}/model-server/0.log`, text.join('\n') + '\n');
  servingLines += text.length;
}
for (const [name, q] of Object.entries(QUERIES)) write(`metrics/${name}.json`, JSON.stringify(queryRange(q)) + '\n');
write('changes.jsonl', CHANGES.map((c) => JSON.stringify(c)).join('\n') + '\n');
console.log(`risk-engine.jsonl: ${engine.length} lines; model-server pods: ${servingLines} lines; metrics: ${Object.keys(QUERIES).length} query_range files`);
