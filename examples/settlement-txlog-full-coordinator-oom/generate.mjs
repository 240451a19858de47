#!/usr/bin/env node
// Regenerates this scenario's data: node examples/settlement-txlog-full-coordinator-oom/generate.mjs
// Plain Node, no dependencies, fixed seed: the same files every run. Run by hand, never by CI.
//
// Story: since settlement-service 5.8.0 (Narayana 7, a week ago) the transaction log volume
// /var/lib/txlog is never compacted. During the nightly batch it fills up at 02:41:52: Narayana
// cannot write its intentions lists ("No space left on device"), the batch keeps retrying its
// chunks in memory, and at 02:44:10 the coordinator is OOM-killed in the middle of a commit. The
// restarted container cannot open its object store on the full volume and crash-loops, so the
// branch prepared on ledger-db and payouts-db at 02:44:09 stays in doubt.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom, writerUnder } from '../lib/generate-kit.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const write = writerUnder(HERE);
const SEED = 20261121;

// ---- deterministic randomness (examples/lib/generate-kit.mjs) -----------------------------
const { rand, uniform, int, normal, hex } = createRandom(SEED);

// ---- the timeline ----------------------------------------------------------------------------
const at = (hhmmss) => Date.parse(`2026-11-21T${hhmmss}Z`);
const DATA_START = at('01:40:00');
const DATA_END = at('03:20:00');
const BATCH_START = at('02:00:04');
const DISK_FULL = at('02:41:52');
const OOM = at('02:44:10');
const IN_DOUBT = at('02:44:09'); // prepared on both participants, commit decision never logged
const RESTARTS = ['02:44:26', '02:44:58', '02:45:49', '02:47:21', '02:50:13', '02:55:19', '03:00:25', '03:05:31', '03:10:37', '03:15:43'].map(at);
const iso = (t) => new Date(t).toISOString();
const NODE = 'settle-node-2';
const POD = 'settlement-service-7f6d9b8c5-q4r2m';

// /var/lib/txlog is a 20 GiB local volume. Uncompacted journal files eat ~1.4 MB a minute all day
// (2 GB a day since the upgrade); the batch allocates a new 10 MiB journal file every ~40 s.
const QUIET_RATE = 1.4e6; // bytes per minute
const BATCH_RATE = 16e6;
/** Free bytes on /var/lib/txlog. */
function txlogFree(t) {
  if (t >= DISK_FULL) return int(0, 4) * 4096;
  const before = Math.min(t, BATCH_START) - DATA_START;
  const during = Math.max(0, t - BATCH_START);
  const free = 697e6 - (before / 60_000) * QUIET_RATE - (during / 60_000) * BATCH_RATE;
  return Math.max(0, Math.round(free));
}
/** The slope predict_linear(…[6h]) sees, bytes per second: mostly the quiet rate, then the batch's. */
function slopeOver6h(t) {
  const batchMinutes = Math.max(0, Math.min(t, DISK_FULL) - BATCH_START) / 60_000;
  return -(QUIET_RATE + ((BATCH_RATE - QUIET_RATE) * batchMinutes) / 360) / 60;
}

// ---- settlement-service: JSON lines (logstash-logback-encoder), all containers of the pod ------
const line = (t, level, logger, message, extra = {}) => ({
  t,
  text: JSON.stringify({
    '@timestamp': iso(t),
    level,
    service: 'settlement-service',
    pod: POD,
    logger,
    thread: extra.thread ?? 'settlement-batch-1',
    message,
    ...(extra.stack ? { stack_trace: extra.stack } : {}),
  }),
});
const uid = () => `0:ffff0a2a0b17:${hex(4)}:6737${hex(4)}:${int(1000, 99999).toString(16)}`;
const ENOSPC_STACK = [
  'com.arjuna.ats.arjuna.exceptions.ObjectStoreException: ShadowingStore::write_committed() - write failed for /var/lib/txlog/ObjectStore/ShadowNoFileLockStore/defaultStore/StateManager/BasicAction/TwoPhaseCoordinator/AtomicAction',
  '\tat com.arjuna.ats.internal.arjuna.objectstore.ShadowingStore.write_state(ShadowingStore.java:612)',
  '\tat com.arjuna.ats.internal.arjuna.objectstore.FileSystemStore.write_committed(FileSystemStore.java:171)',
  '\tat com.arjuna.ats.arjuna.coordinator.BasicAction.prepare(BasicAction.java:2241)',
  'Caused by: java.io.IOException: No space left on device',
  '\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)',
  '\tat java.base/sun.nio.ch.FileChannelImpl.write(FileChannelImpl.java:311)',
].join('\n');
const STARTUP_STACK = [
  'org.springframework.context.ApplicationContextException: Failed to start bean \'narayanaRecoveryManager\'',
  '\tat org.springframework.context.support.DefaultLifecycleProcessor.doStart(DefaultLifecycleProcessor.java:288)',
  'Caused by: com.arjuna.ats.arjuna.exceptions.ObjectStoreException: ShadowingStore::write_committed() - write failed for /var/lib/txlog/ObjectStore/ShadowNoFileLockStore/defaultStore/Recovery/TransactionStatusManager',
  '\tat com.arjuna.ats.internal.arjuna.objectstore.ShadowingStore.write_state(ShadowingStore.java:612)',
  'Caused by: java.io.IOException: No space left on device',
  '\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)',
].join('\n');

function settlementLog() {
  const out = [];
  // Before the batch: the periodic recovery scan every 2 minutes.
  for (let t = DATA_START + 31_000; t < OOM; t += 120_000) {
    out.push(line(t, 'INFO', 'c.e.settlement.tx.RecoveryScanReporter', 'Periodic recovery pass complete: 0 in-doubt transactions, 0 orphaned XA branches (ledger-db, payouts-db)', { thread: 'Periodic Recovery' }));
  }
  out.push(line(BATCH_START, 'INFO', 'c.e.settlement.batch.SettlementBatch', 'Settlement batch 2026-11-20 started: 412 chunks, 82,311 payouts, 2 XA participants (ledger-db, payouts-db)'));
  // The batch: a chunk every ~9 s, each one XA transaction over both participants.
  let chunk = 1;
  let t = BATCH_START + 6_000;
  for (; t < DISK_FULL; t += int(7_500, 10_500), chunk++) {
    out.push(line(t, 'INFO', 'c.e.settlement.batch.ChunkWorker', `Settled chunk ${chunk}/412 (merchants ${(chunk - 1) * 200}-${chunk * 200 - 1}): ${int(180, 220)} payouts, action ${uid()} committed on 2 participants in ${int(280, 690)}ms`));
  }
  // The volume is full: every prepare fails to write its intentions list, the chunk is retried.
  for (; t < OOM; t += int(6_000, 12_000)) {
    const action = uid();
    out.push(line(t, 'WARN', 'com.arjuna.ats.arjuna', `ARJUNA012083: BasicAction::prepare - intentions list write failed for ${action}`, { stack: ENOSPC_STACK }));
    out.push(line(t + 15, 'WARN', 'com.arjuna.ats.arjuna', `ARJUNA012073: BasicAction.End() - prepare phase of action-id ${action} failed.`));
    out.push(line(t + 40, 'WARN', 'c.e.settlement.batch.ChunkWorker', `Chunk ${chunk}/412 failed (transaction rolled back), retrying in 5s (attempt ${int(2, 9)}); ${int(14, 31)} chunks queued in memory`));
  }
  out.push(line(IN_DOUBT - 30, 'INFO', 'c.e.settlement.batch.ChunkWorker', `Chunk ${chunk}/412: both participants prepared, committing action ${uid()}`));
  // Every restart: the recovery manager cannot write to the object store; the app exits.
  for (const r of RESTARTS) {
    if (r >= DATA_END) break;
    out.push(line(r + 2_300, 'INFO', 'c.e.settlement.SettlementApplication', 'Starting SettlementApplication v5.8.0 using Java 21.0.5 with PID 1', { thread: 'main' }));
    out.push(line(r + 9_100, 'INFO', 'com.arjuna.ats.arjuna', 'ARJUNA012163: Starting service com.arjuna.ats.arjuna.recovery.ActionStatusService on port 4712', { thread: 'main' }));
    out.push(line(r + 9_400, 'ERROR', 'o.s.boot.SpringApplication', 'Application run failed', { thread: 'main', stack: STARTUP_STACK }));
  }
  return out;
}

// ---- the node: journald export (journalctl -o json), kernel and kubelet ---------------------------
function nodeJournal() {
  const out = [];
  let seq = 0;
  const add = (t, ident, priority, message, extra = {}) => {
    const us = BigInt(t) * 1000n + BigInt(int(0, 999));
    out.push({
      t,
      text: JSON.stringify({
        __CURSOR: `s=5d1e3f7a9b2c4d6e8f0a1b3c5d7e9f2a;i=${(0x8c21f + seq++).toString(16)};b=7e9f1a3b5c7d9e1f2a4b6c8d0e2f4a6b;m=${(us - 1795200000000000n).toString(16)};t=${us.toString(16)};x=${hex(16)}`,
        __REALTIME_TIMESTAMP: us.toString(),
        __MONOTONIC_TIMESTAMP: (us - 1795200000000000n).toString(),
        PRIORITY: String(priority),
        _HOSTNAME: NODE,
        SYSLOG_IDENTIFIER: ident,
        ...extra,
        MESSAGE: message,
      }),
    });
  };
  for (let t = DATA_START + 12_000; t < DATA_END; t += 60_000 + int(-3000, 3000)) {
    add(t, 'kubelet', 6, `I1121 ${iso(t).slice(11, 23)}000    1204 kubelet_volumes.go:160] "Cleaned up orphaned pod volumes dir" podUID="${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}" path="/var/lib/kubelet/pods"`, { _SYSTEMD_UNIT: 'kubelet.service', _PID: '1204' });
  }
  for (let t = DATA_START + 40_000; t < DATA_END; t += 300_000) {
    add(t, 'containerd', 6, `time="${iso(t)}" level=info msg="StartContainer for \\"${hex(64)}\\" returns successfully"`, { _SYSTEMD_UNIT: 'containerd.service', _PID: '911' });
  }
  add(OOM - 20, 'kernel', 4, `java invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=936`, { _TRANSPORT: 'kernel' });
  add(OOM - 10, 'kernel', 6, `oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=cri-containerd-${hex(64)}.scope,mems_allowed=0,oom_memcg=/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${hex(8)}.slice,task_memcg=/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${hex(8)}.slice/cri-containerd-${hex(64)}.scope,task=java,pid=2817,uid=1001`, { _TRANSPORT: 'kernel' });
  add(OOM, 'kernel', 3, 'Memory cgroup out of memory: Killed process 2817 (java) total-vm:8273104kB, anon-rss:4189212kB, file-rss:21344kB, shmem-rss:0kB, UID:1001 pgtables:9184kB oom_score_adj:936', { _TRANSPORT: 'kernel' });
  for (const r of RESTARTS) {
    if (r >= DATA_END) break;
    add(r - 300, 'kubelet', 6, `I1121 ${iso(r - 300).slice(11, 23)}000    1204 kuberuntime_container.go:779] "Killing container with a grace period" pod="settlement/${POD}" podUID="b61f2d7e-3c9a-4e1b-8d5f-0a7c2e9b4f13" containerName="settlement-service"`, { _SYSTEMD_UNIT: 'kubelet.service', _PID: '1204' });
    if (r > RESTARTS[0]) add(r - 200, 'kubelet', 6, `E1121 ${iso(r - 200).slice(11, 23)}000    1204 pod_workers.go:1298] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"settlement-service\\" with CrashLoopBackOff: \\"back-off restarting failed container settlement-service in pod ${POD}_settlement(b61f2d7e-3c9a-4e1b-8d5f-0a7c2e9b4f13)\\"" pod="settlement/${POD}"`, { _SYSTEMD_UNIT: 'kubelet.service', _PID: '1204' });
  }
  return out;
}

// ---- Kubernetes events (the cluster's event exporter, JSON lines) -------------------------------
function k8sEvents() {
  const out = [];
  const ev = (t, namespace, pod, type, reason, message) => out.push({ t, text: JSON.stringify({ time: iso(t), namespace, kind: 'Pod', pod, type, reason, message, source: reason === 'Scheduled' ? 'default-scheduler' : `kubelet/${NODE}` }) });
  // ledger-reconciler CronJob every 5 minutes: the usual event sequence.
  for (let t = DATA_START; t < DATA_END; t += 300_000) {
    const pod = `ledger-reconciler-${Math.floor(t / 60_000)}-${hex(5)}`;
    ev(t + 400, 'settlement', pod, 'Normal', 'Scheduled', `Successfully assigned settlement/${pod} to settle-node-${int(1, 3)}`);
    ev(t + 1_900, 'settlement', pod, 'Normal', 'Pulled', 'Container image "registry.example.com/ledger-reconciler:2.3.1" already present on machine');
    ev(t + 2_100, 'settlement', pod, 'Normal', 'Created', 'Created container reconciler');
    ev(t + 2_600, 'settlement', pod, 'Normal', 'Started', 'Started container reconciler');
    ev(t + int(20_000, 40_000), 'settlement', pod, 'Normal', 'Completed', 'Job completed');
  }
  for (const [i, r] of RESTARTS.entries()) {
    if (r >= DATA_END) break;
    ev(r - 100, 'settlement', POD, 'Normal', 'Pulled', 'Container image "registry.example.com/settlement-service:5.8.0" already present on machine');
    ev(r, 'settlement', POD, 'Normal', 'Created', 'Created container settlement-service');
    ev(r + 150, 'settlement', POD, 'Normal', 'Started', 'Started container settlement-service');
    if (i > 0) ev(r - 250, 'settlement', POD, 'Warning', 'BackOff', `Back-off restarting failed container settlement-service in pod ${POD}_settlement(b61f2d7e-3c9a-4e1b-8d5f-0a7c2e9b4f13)`);
  }
  return out;
}

// ---- ledger-db: PostgreSQL log shipped as JSON (service: ledger-db) -------------------------------
function ledgerLog() {
  const out = [];
  const pg = (t, message) => out.push({ t, text: JSON.stringify({ time: iso(t), service: 'ledger-db', host: 'ledger-db-0', pid: int(20000, 40000), message }) });
  for (let t = DATA_START + 90_000; t < DATA_END; t += 300_000) {
    pg(t, 'LOG:  checkpoint starting: time');
    const busy = t >= BATCH_START && t < OOM;
    pg(t + int(28_000, 31_000), `LOG:  checkpoint complete: wrote ${busy ? int(18000, 26000) : int(900, 2400)} buffers (${busy ? int(11, 16) : 1}.${int(0, 9)}%); 0 WAL file(s) added, 0 removed, ${int(1, 6)} recycled; write=${int(26, 29)}.${int(100, 999)} s, sync=0.${int(10, 99)}${int(0, 9)} s, total=${int(27, 30)}.${int(100, 999)} s`);
  }
  for (let t = DATA_START + 200_000; t < DATA_END; t += int(400_000, 700_000)) {
    pg(t, `LOG:  automatic vacuum of table "ledger.public.${['ledger_entries', 'merchant_balances', 'payout_lines'][int(0, 2)]}": index scans: 1`);
  }
  return out;
}

// ---- metrics: wide CSV with epoch-second times, one column per tree query -------------------------
const Q = {
  oomKilled: 'max(kube_pod_container_status_last_terminated_reason{namespace="settlement",container="settlement-service",reason="OOMKilled"})',
  restarts: 'sum(increase(kube_pod_container_status_restarts_total{namespace="settlement",container="settlement-service"}[1h]))',
  nodeReady: 'min(kube_node_status_condition{condition="Ready",status="true",node=~"settle-.*"})',
  txlogFree: 'min(node_filesystem_avail_bytes{mountpoint="/var/lib/txlog"})',
  txlogPredict: 'min(predict_linear(node_filesystem_avail_bytes{mountpoint="/var/lib/txlog"}[6h], 4 * 3600))',
  txlogLatency: 'rate(node_disk_write_time_seconds_total{node=~"settle-.*",device="nvme1n1"}[5m]) / rate(node_disk_writes_completed_total{node=~"settle-.*",device="nvme1n1"}[5m])',
  smart: 'max(smartctl_device_percentage_used{node=~"settle-.*",device="nvme1"})',
  icmp: 'avg(probe_success{job="blackbox-icmp",target_group="settlement-dbs"})',
  policyDrops: 'sum(rate(cilium_drop_count_total{reason="Policy denied"}[5m]))',
  ledgerUp: 'min(pg_up{instance=~"ledger-db.*"})',
  batchAge: 'max(time() - settlement_batch_started_timestamp_seconds)',
  preparedAge: 'max(pg_prepared_xacts_oldest_age_seconds{instance=~"ledger-db.*"})',
};
const STEP = 30_000;
const r = (x, digits) => Number(x.toFixed(digits));

function metricTable() {
  const rows = [];
  for (let t = DATA_START; t < DATA_END; t += STEP) {
    const restartsInHour = RESTARTS.filter((x) => x <= t && x > t - 3_600_000).length;
    const lastReason = t >= RESTARTS[0] && t < RESTARTS[1] ? 1 : 0; // OOMKilled, then "Error" from the crash loop
    const slope = slopeOver6h(t);
    const free = txlogFree(t);
    const up = t < OOM; // the batch-age gauge disappears with the process
    const inBatch = t >= BATCH_START && t < OOM;
    rows.push([
      Math.round(t / 1000),
      lastReason,
      restartsInHour,
      1,
      free,
      Math.round(free + slope * 4 * 3600),
      r(Math.abs(normal(inBatch ? 0.0011 : 0.0007, 0.0001)), 6),
      31,
      1,
      0,
      1,
      up && t >= BATCH_START ? Math.round((t - BATCH_START) / 1000) : '',
      t >= IN_DOUBT ? Math.round((t - IN_DOUBT) / 1000) : inBatch ? r(Math.abs(normal(0.4, 0.2)), 2) : 0,
    ]);
  }
  return rows;
}
const csvCell = (v) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v));

// ---- changes ---------------------------------------------------------------------------------
const CHANGES = [
  { time: '2026-11-14T14:20:33Z', service: 'settlement-service', kind: 'deploy', description: 'settlement-service 5.8.0 (Narayana 7.0.2; ObjectStore on /var/lib/txlog)', author: 'deploy-bot' },
  { time: '2026-11-19T10:05:00Z', service: 'network-policy', kind: 'config', description: 'settlement namespace: allow egress to metrics-gateway', author: 'platform' },
  { time: '2026-11-20T17:45:12Z', service: 'ledger-db', kind: 'config', description: 'work_mem 64MB -> 96MB', author: 'dba-oncall' },
];

// ---- write ------------------------------------------------------------------------------------
const sorted = (lines) => lines.sort((a, b) => a.t - b.t).map((l) => l.text).join('\n') + '\n';
const files = {
  'logs/settlement-service.jsonl': settlementLog(),
  'logs/settle-node-2.journal.json': nodeJournal(),
  'logs/k8s-events.jsonl': k8sEvents(),
  'logs/ledger-db.jsonl': ledgerLog(),
};
for (const [path, lines] of Object.entries(files)) {
  write(path, sorted(lines));
  console.log(`${path}: ${lines.length} lines`);
}
const rows = metricTable();
write('metrics.csv', [['time', ...Object.values(Q)].map(csvCell).join(','), ...rows.map((row) => row.join(','))].join('\n') + '\n');
write('changes.jsonl', CHANGES.map((c) => JSON.stringify(c)).join('\n') + '\n');
console.log(`metrics.csv: ${rows.length} rows × ${Object.keys(Q).length} series`);
