// `ftree check` output that CI systems read must follow their schemas: SARIF 2.1.0 (validated with
// ajv against the OASIS JSON schema, test/fixtures/schemas/sarif-schema-2.1.0.json) and JUnit XML
// (against the Ant JUnit XSD, test/fixtures/schemas/JUnit.xsd, with a small XSD-subset validator).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { CLI, FIXTURES, REPO_ROOT } from './helpers/paths.js';
import { XsdSubset } from './helpers/xsd-subset.js';

const SCHEMAS = join(FIXTURES, 'schemas');

function runCheck(format: string, ...paths: string[]): { stdout: string; status: number | null } {
  const r = spawnSync(process.execPath, [CLI, 'check', ...paths, '--format', format], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, status: r.status };
}

const cases: [string, string[], number][] = [
  ['budgets passing, failing and absent', ['test/fixtures/check'], 1],
  ['an invalid tree', ['test/fixtures/check-invalid'], 1],
  ['every shipped tree under CLI limits', ['trees', '--max-probability', '0.01', '--no-single-points', '--max-importance', '0.9'], 1],
  ['a tree within its budget', ['test/fixtures/check/within-budget.yaml'], 0],
];

describe('SARIF 2.1.0', () => {
  // The schema's language pattern has a stray ] that only non-Unicode regular expressions accept.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s) && URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s));
  const validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, 'sarif-schema-2.1.0.json'), 'utf8')) as object);

  it('the schema rejects what SARIF forbids (a sanity check of the fixture)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] }] })).toBe(true);
  });

  it.each(cases)('%s: valid SARIF, one rule per budget, results located in the files', (_name, args, exit) => {
    const { stdout, status } = runCheck('sarif', ...args);
    expect(status).toBe(exit);
    const log = JSON.parse(stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['max-probability', 'single-points', 'max-importance', 'invalid-tree']);
    expect(run.results.length > 0).toBe(exit === 1);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      const loc = r.locations[0]!.physicalLocation;
      expect(readFileSync(join(REPO_ROOT, decodeURIComponent(loc.artifactLocation.uri)), 'utf8').split('\n').length).toBeGreaterThanOrEqual(loc.region.startLine);
    }
  });
});

describe('JUnit XML', () => {
  const xsd = new XsdSubset(readFileSync(join(SCHEMAS, 'JUnit.xsd'), 'utf8'));

  it('the validator rejects what the schema forbids (a sanity check)', () => {
    const suite = (inner: string, attrs = 'name="t" package="p" id="0" timestamp="2026-11-22T10:05:00" hostname="h" tests="1" failures="0" errors="0" time="0"') =>
      `<testsuites><testsuite ${attrs}><properties/>${inner}<system-out/><system-err/></testsuite></testsuites>`;
    expect(xsd.validate(suite('<testcase name="a" classname="c" time="0"/>'))).toEqual([]);
    expect(xsd.validate(suite('<testcase name="a" classname="c" time="0"><failure message="m">x</failure></testcase>'))).not.toEqual([]); // failure needs type
    expect(xsd.validate(suite('<testcase name="a" time="0"/>'))).not.toEqual([]); // classname is required
    expect(xsd.validate(suite('', 'name="t" package="p" id="0" timestamp="2026-11-22T10:05:00Z" hostname="h" tests="1" failures="0" errors="0" time="0"'))).not.toEqual([]); // no zone allowed
    expect(xsd.validate('<testsuites><testsuite name="t" package="p" id="0" timestamp="2026-11-22T10:05:00" hostname="h" tests="0" failures="0" errors="0" time="0"><properties/></testsuite></testsuites>')).not.toEqual([]); // system-out and system-err are required
    expect(xsd.validate('<testsuites><testsuite>')).not.toEqual([]); // not well-formed
  });

  it.each(cases)('%s: valid against JUnit.xsd, one testcase per budget per tree', (_name, args, exit) => {
    const { stdout, status } = runCheck('junit', ...args);
    expect(status).toBe(exit);
    expect(xsd.validate(stdout)).toEqual([]);
    const suites = stdout.match(/<testsuite /g) ?? [];
    expect(suites.length).toBeGreaterThan(0);
    // The counts in each suite agree with its testcases.
    for (const block of stdout.split('<testsuite ').slice(1)) {
      const count = (re: RegExp) => (block.match(re) ?? []).length;
      expect(Number(/ tests="(\d+)"/.exec(block)![1])).toBe(count(/<testcase /g));
      expect(Number(/ failures="(\d+)"/.exec(block)![1])).toBe(count(/<failure /g));
      expect(Number(/ skipped="(\d+)"/.exec(block)![1])).toBe(count(/<skipped /g));
    }
  });
});

// GitLab's Code Quality report (docs.gitlab.com, "Code Quality report format"): an array of issues,
// each with a description, a check name, a fingerprint unique in the report, one of five
// severities and a location whose path is relative to the repository's root.
describe('GitLab Code Quality', () => {
  const SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];

  it.each(cases)('%s: one issue per SARIF result, unique fingerprints, paths and lines in the repository', (_name, args, exit) => {
    const { stdout, status } = runCheck('gitlab', ...args);
    expect(status).toBe(exit);
    const issues = JSON.parse(stdout) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    const sarif = JSON.parse(runCheck('sarif', ...args).stdout) as { runs: { results: { message: { text: string } }[] }[] };
    expect(issues.map((i) => i.description)).toEqual(sarif.runs[0]!.results.map((r) => r.message.text));
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    for (const i of issues) {
      expect(Object.keys(i).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(i.check_name).toMatch(/^ftree\/(max-probability|single-points|max-importance|invalid-tree\/[A-Z_]+)$/);
      expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(SEVERITIES).toContain(i.severity);
      expect(i.location.path).not.toMatch(/^(\.\/|\/)|\\/);
      expect(Number.isInteger(i.location.lines.begin) && i.location.lines.begin >= 1).toBe(true);
      expect(readFileSync(join(REPO_ROOT, i.location.path), 'utf8').split('\n').length).toBeGreaterThanOrEqual(i.location.lines.begin);
    }
  });
});
