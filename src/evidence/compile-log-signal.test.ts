import fc from 'fast-check';
import { compileLogSignal, compilePattern, requiredLiterals } from './compile-log-signal.js';
import { LiteralPrefilter } from './literal-prefilter.js';

describe('compilePattern', () => {
  it('matches substrings as written and regexes with their flags', () => {
    const sub = compilePattern('Lock wait timeout exceeded');
    expect('error' in sub).toBe(false);
    if ('error' in sub) return;
    expect(sub.matcher.test('ERROR 1205: Lock wait timeout exceeded; try')).toBe(true);
    expect(sub.matcher.test('lock wait timeout exceeded')).toBe(false);
    const re = compilePattern('/cannot assign requested address/i');
    if ('error' in re) throw new Error(re.error);
    expect(re.matcher.test('dial tcp: Cannot Assign Requested Address')).toBe(true);
    const tree = compilePattern('/5[0-9]{2} [A-Za-z ]+ from POST https:\\/\\/api\\.psp-a\\.example/');
    if ('error' in tree) throw new Error(tree.error);
    expect(tree.matcher.test('Authorization failed: 503 Service Unavailable from POST https://api.psp-a.example/v1')).toBe(true);
    expect(tree.prefilter!.literals[0]!.length).toBeGreaterThanOrEqual(16);
  });

  it('runs in linear time where a backtracking engine would not end', () => {
    const m = compilePattern('/(a+)+$/');
    if ('error' in m) throw new Error(m.error);
    const t0 = Date.now();
    expect(m.matcher.test(`${'a'.repeat(50_000)}!`)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('reports syntax without a linear-time engine instead of running it', () => {
    const c = compileLogSignal({ pattern: '/timeout(?= exceeded)/' });
    expect(c.matcher).toBeUndefined();
    expect(c.error).toMatch(/^The regex \/timeout\(\?= exceeded\)\/ uses syntax that has no linear-time engine/);
  });
});

describe('requiredLiterals', () => {
  it.each([
    ['Lock wait timeout', ['Lock wait timeout']],
    ['CKR_PIN_INCORRECT|CKR_USER_NOT_LOGGED_IN', ['CKR_PIN_INCORRECT', 'CKR_USER_NOT_LOGGED_IN']],
    ['HikariPool-\\d+ - Connection is not available', [' - Connection is not available']],
    ['Rows_examined: [0-9]{6,}', ['Rows_examined: ']],
    ['lookup \\S+ on \\S+: .*i\\/o timeout', ['o timeout']],
    ['colou?r mismatch', ['r mismatch']],
    ['(foo|bar)', undefined],
    ['a|bc', undefined],
  ])('%s', (body, expected) => {
    expect(requiredLiterals(body)).toEqual(expected);
  });
});

describe('LiteralPrefilter', () => {
  it('never drops a line that a pattern matches (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', 'A', 'B', ' ', '-', 'é', '"', '/');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    const pattern = fc.oneof(
      word,
      fc.tuple(word, word, fc.boolean()).map(([a, b, i]) => `/${a.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&')}|${b.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&')}/${i ? 'i' : ''}`),
      fc.tuple(word, word).map(([a, b]) => `/${a.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&')}[0-9]*${b.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&')}/i`),
    );
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 8 }), fc.array(fc.oneof(word, fc.constantFrom('0', '12')), { maxLength: 12 }), (patterns, parts) => {
        const compiled = patterns.map((p) => compilePattern(p));
        const pre = new LiteralPrefilter(compiled.map((c) => ('error' in c ? undefined : c.prefilter)));
        const line = parts.join('');
        const out = new Int32Array(patterns.length);
        const n = pre.candidates(line, 0, line.length, out);
        const candidates = new Set(out.subarray(0, n));
        compiled.forEach((c, i) => {
          if (!('error' in c) && c.matcher.test(line)) expect(candidates.has(i)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('LiteralPrefilter.scanBlock', () => {
  it('finds the same candidate lines as the per-line search, with Wu–Manber and Aho–Corasick (property)', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'c', 'A', ' ', '-', 'é'), { minLength: 1, maxLength: 9 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.boolean()), { minLength: 1, maxLength: 6 }), fc.array(fc.oneof(word, fc.constant('\n')), { maxLength: 30 }), (pats, parts) => {
        const sets = pats.map(([w, i]) => (w.replace(/[^\x20-\x7e]/g, '').length >= 4 ? { literals: [w.replace(/[^\x20-\x7e]/g, '')], caseInsensitive: i } : undefined));
        const pre = new LiteralPrefilter(sets);
        const text = parts.join('');
        const { hits, count } = pre.scanBlock(text, new Int32Array(2));
        const byBlock = new Set<string>();
        for (let h = 0; h < count; h++) {
          const line = text.slice(0, hits[2 * h]!).split('\n').length - 1;
          byBlock.add(`${line}:${hits[2 * h + 1]}`);
        }
        const byLine = new Set<string>();
        text.split('\n').forEach((l, n) => {
          const out = new Int32Array(sets.length);
          const k = pre.candidates(l, 0, l.length, out);
          for (const p of out.subarray(0, k)) if (sets[p]) byLine.add(`${n}:${p}`);
        });
        expect([...byBlock].sort()).toEqual([...byLine].sort());
        for (let h = 1; h < count; h++) expect(hits[2 * h]!).toBeGreaterThanOrEqual(hits[2 * h - 2]!);
      }),
      { numRuns: 500 },
    );
  });
});
