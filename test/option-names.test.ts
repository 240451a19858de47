// The same message in both wordings (docs/architecture.md, "Errors"): a library caller of src/index.ts
// reads the names of the options it passed (`since`, `metricFiles`, `allowOutsidePaths`), and the
// built CLI, which passes CLI_OPTION_NAMES, reads its flags (--since, --metrics, --allow-outside-paths).

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectEvidence, diagnoseIncident, FtreeError, listLogSources, loadModel, resolveTimeWindow, type Diagnostic, type FaultTree } from '../src/index.js';
import { CLI_OPTION_NAMES } from '../src/cli/error-table.js';
import { NAMED_OPTIONS } from '../src/model/option-names.js';
import { freePort } from './helpers/local-prometheus.js';
import { CLI, FIXTURES, REPO_ROOT } from './helpers/paths.js';

const TREE = join(FIXTURES, 'evidence', 'checkout.yaml');
const LOG = join(FIXTURES, 'evidence', 'app.log');
/** A window days after the fixture log: every signal is unknown. */
const LATE = { since: '2026-11-25T10:05:00Z', until: '2026-11-25T10:35:00Z' };

function ftree(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', COLUMNS: '200' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function thrown(f: () => unknown): Diagnostic {
  try {
    f();
  } catch (e) {
    if (e instanceof FtreeError) return e.diagnostics[0]!;
    throw e;
  }
  throw new Error('nothing thrown');
}

async function rejected(p: Promise<unknown>): Promise<Diagnostic> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FtreeError) return e.diagnostics[0]!;
    throw e;
  }
  throw new Error('nothing thrown');
}

async function checkout(): Promise<FaultTree> {
  return (await loadModel([TREE])).tree!;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftree-option-names-'));
  mkdirSync(join(dir, 'tree'));
  writeFileSync(join(dir, 'shared.yaml'), 'ftree: 1\ntop: s\nevents:\n  s: { probability: 0.2 }\n');
  writeFileSync(join(dir, 'tree', 't.yaml'), 'ftree: 1\ntop: top\ngates:\n  top: { type: or, inputs: [a, x] }\nevents:\n  a: { probability: 0.1 }\ntransfers:\n  x: ../shared.yaml\n');
  writeFileSync(join(dir, 'tree', 'm.xml'), '<?xml version="1.0"?>\n<opsa-mef xmlns:xi="http://www.w3.org/2001/XInclude">\n  <xi:include href="../shared.xml"/>\n</opsa-mef>\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI_OPTION_NAMES', () => {
  it('gives a flag for every option a stage may name', () => {
    expect(Object.keys(CLI_OPTION_NAMES).sort()).toEqual([...NAMED_OPTIONS].sort());
    for (const flag of Object.values(CLI_OPTION_NAMES)) expect(flag).toMatch(/^--[a-z][a-z-]+$/);
  });
});

describe('a file outside the tree (PATH_OUTSIDE_TREE)', () => {
  it('names allowOutsidePaths to a library caller, --allow-outside-paths on the command line (returned to validate, thrown to analyze)', async () => {
    const yaml = (await loadModel([join(dir, 'tree', 't.yaml')])).diagnostics.find((d) => d.code === 'PATH_OUTSIDE_TREE')!;
    const mef = (await loadModel([join(dir, 'tree', 'm.xml')])).diagnostics.find((d) => d.code === 'PATH_OUTSIDE_TREE')!;
    expect(yaml.hint).toBe('a tree may name files in its own folder and below; for a trusted layout, run with `allowOutsidePaths`');
    expect(mef.hint).toBe('a model may include files in its own folder and below; for a trusted layout, run with `allowOutsidePaths`');

    const validate = ftree(['validate', join(dir, 'tree', 't.yaml'), join(dir, 'tree', 'm.xml')]);
    expect(validate.status).toBe(1);
    expect(validate.stdout).toContain('hint: a tree may name files in its own folder and below; for a trusted layout, run with --allow-outside-paths');
    expect(validate.stdout).toContain('hint: a model may include files in its own folder and below; for a trusted layout, run with --allow-outside-paths');
    const analyze = ftree(['analyze', join(dir, 'tree', 't.yaml')]);
    expect(analyze.status).toBe(1);
    expect(analyze.stderr).toContain('hint: a tree may name files in its own folder and below; for a trusted layout, run with --allow-outside-paths');
  });
});

describe('the incident window (BAD_TIME)', () => {
  it('names since and baseline to a library caller, --since and --baseline on the command line', () => {
    expect(thrown(() => resolveTimeWindow({}))).toMatchObject({ message: 'The incident window needs a start: give `since`', hint: 'for example `since` -30m, `since` 10:05 or `since` 2026-11-22T10:05:00Z' });
    expect(thrown(() => resolveTimeWindow({ since: '-30m', baseline: '2' })).message).toBe('Cannot read `baseline` "2": a length needs a unit');

    const noStart = ftree(['evidence', TREE, '--logs', LOG]);
    expect(noStart.status).toBe(2);
    expect(noStart.stderr).toContain('error[BAD_TIME] The incident window needs a start: give --since\n  hint: for example --since -30m, --since 10:05 or --since 2026-11-22T10:05:00Z');
    const badBaseline = ftree(['evidence', TREE, '--logs', LOG, '--since', '-30m', '--baseline', '2']);
    expect(badBaseline.status).toBe(2);
    expect(badBaseline.stderr).toContain('error[BAD_TIME] Cannot read --baseline "2": a length needs a unit');
  });
});

describe('signals without data', () => {
  it('name the sources and the window as a library caller gives them, and as the command line does', async () => {
    const tree = await checkout();
    const { window, baseline } = resolveTimeWindow(LATE);
    const evidence = await collectEvidence(tree, { logs: await listLogSources([LOG]) }, { window, ...(baseline ? { baseline } : {}) });
    const reasons = new Set(evidence.signals.map((s) => s.reason));
    expect(reasons).toContain('No metrics were given (`metricFiles` or `prometheus`)');
    expect(reasons).toContain('No changes file was given (`changesFile`)');
    expect(evidence.notes.some((n) => n.endsWith('; for example `since` 2026-11-22T10:05:00Z `until` 2026-11-22T10:35:00Z'))).toBe(true);
    expect(diagnoseIncident(tree, evidence).notes).toContain('No signal has data: give `logs`, `metricFiles`, `prometheus` or `changesFile` covering the window');

    const cli = ftree(['analyze', TREE, '--since', LATE.since, '--until', LATE.until, '--logs', LOG, '--format', 'json']);
    expect(cli.status).toBe(0);
    const doc = JSON.parse(cli.stdout) as { notes: string[]; evidence: { signals: { reason?: string }[]; notes: string[] } };
    expect(doc.notes).toContain('No signal has data: give --logs, --metrics, --prometheus or --changes covering the window');
    const shown = ftree(['evidence', TREE, '--since', LATE.since, '--until', LATE.until, '--logs', LOG, '--format', 'json']);
    const cliEvidence = JSON.parse(shown.stdout) as { signals: { reason?: string }[]; notes: string[] };
    expect(cliEvidence.signals.map((s) => s.reason)).toContain('No metrics were given (--metrics or --prometheus)');
    expect(cliEvidence.signals.map((s) => s.reason)).toContain('No changes file was given (--changes)');
    expect(cliEvidence.notes.some((n) => n.endsWith('; for example --since 2026-11-22T10:05:00Z --until 2026-11-22T10:35:00Z'))).toBe(true);
  });
});

describe('Prometheus', () => {
  it('names the URL option and the deadline to a library caller, --prometheus and --timeout on the command line', async () => {
    const tree = await checkout();
    const { window } = resolveTimeWindow(LATE);
    const badUrl = await rejected(collectEvidence(tree, { prometheus: { url: 'ftp://p:9090' } }, { window }));
    expect(badUrl.hint).toBe('for example `prometheus` http://127.0.0.1:9090');
    const down = `http://127.0.0.1:${await freePort()}`;
    const unreachable = await rejected(collectEvidence(tree, { prometheus: { url: down } }, { window }));
    expect(unreachable).toMatchObject({ code: 'PROMETHEUS_FAILED', hint: 'check the URL and that Prometheus is up (its /-/ready page); `deadlineMs` sets the time allowed for all queries (default 30s)' });

    const cli = ftree(['evidence', TREE, '--prometheus', down, '--since', LATE.since, '--until', LATE.until]);
    expect(cli.status).toBe(3);
    expect(cli.stderr).toContain('hint: check the URL and that Prometheus is up (its /-/ready page); --timeout sets the time allowed for all queries (default 30s)');
  });
});
