import fc from 'fast-check';
import { TemplateMiner, maskToken } from './mine-log-templates.js';

describe('maskToken', () => {
  it.each([
    ['42', '<NUM>'],
    ['35ms', '<NUM>'],
    ['10.1.2.3:5432', '<IP>'],
    ['fe80::1', '<IP>'],
    ['3f2b8c1e-9d4a-4c1b-8e2f-1a2b3c4d5e6f', '<UUID>'],
    ['0x7ffd1234', '<HEX>'],
    ['9f86d081884c7d65', '<HEX>'],
    ['payments-api-7f9c4b-x2k8p', '<ID>'],
    ['order_id=8812', 'order_id=<NUM>'],
    ['(1205),', '(<NUM>),'],
    ['timeout', 'timeout'],
  ])('%s → %s', (token, masked) => {
    expect(maskToken(token)).toBe(masked);
  });
});

describe('TemplateMiner', () => {
  it('groups messages that differ in variable parts and counts window and baseline', () => {
    const m = new TemplateMiner();
    m.add('Captured payment 1234 for merchant m-12', false, 1, false);
    m.add('Captured payment 9876 for merchant m-40', true, 2, false);
    m.add('Retrying capture of payment 4411 attempt 2 after backoff', true, 3, false);
    m.add('Retrying capture of payment 4412 attempt 3 after backoff', true, 4, true);
    m.add('Connection refused by 10.0.0.7:5432', true, 5, false);
    const t = m.templates();
    expect(t).toHaveLength(3);
    expect(t[0]).toMatchObject({ template: 'Captured payment <NUM> for merchant <ID>', window: 1, baseline: 1, explained: false });
    expect(t[1]).toMatchObject({ template: 'Retrying capture of payment <NUM> attempt <NUM> after backoff', window: 2, explained: true, firstSeen: 3 });
    expect(t[2]!.template).toBe('Connection refused by <IP>');
  });

  it('replaces differing constant tokens by <*> and keeps memory bounded', () => {
    const m = new TemplateMiner({ maxClusters: 2 });
    m.add('login failed for user alice from web', true, 1, false);
    m.add('login failed for user bob from web', true, 2, false);
    expect(m.templates()[0]!.template).toBe('login failed for user <*> from web');
    m.add('a b', true, 3, false);
    expect(m.add('completely different shape here now', true, 4, false)).toBe(-1);
    expect(m.overflow.window).toBe(1);
  });
});

/** The masks as first written, one regular expression per kind: the classifier must agree with them. */
function maskTokenByPatterns(token: string): string {
  if (!/\d/.test(token)) return token;
  const eq = token.indexOf('=');
  if (eq > 0 && eq < token.length - 1) return `${token.slice(0, eq + 1)}${maskTokenByPatterns(token.slice(eq + 1))}`;
  const core = /^[("'[{<]*(.*?)[)"'\]},;:.>]*$/s.exec(token)![1]!;
  if (core === '') return token;
  const a = token.indexOf(core);
  let kind = '<ID>';
  if (/^[-+]?\d+([.,]\d+)*(e[-+]?\d+)?(%|[a-zµ]{1,3})?$/i.test(core)) kind = '<NUM>';
  else if (/^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/.test(core) || (core.includes(':') && /^\[?[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}\]?(:\d+)?$/i.test(core))) kind = '<IP>';
  else if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(core)) kind = '<UUID>';
  else if (/^(0x[0-9a-f]+|[0-9a-f]{8,})$/i.test(core)) kind = '<HEX>';
  return `${token.slice(0, a)}${kind}${token.slice(a + core.length)}`;
}

describe('maskToken against the patterns', () => {
  const alphabet = ['0', '1', '7', '9', 'a', 'e', 'E', 'f', 'F', 'x', 'g', 'm', 's', 'Z', 'µ', 'μ', '-', '+', '.', ',', ':', '%', '=', '[', ']', '(', ')', '"', "'", '{', '}', ';', '<', '>', '/', '_'];
  const token = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 14 }).map((cs) => cs.join(''));
  const shaped = fc.oneof(
    token,
    fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.option(fc.nat(70000))).map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}${p === null ? '' : `:${p}`}`),
    fc.uuid(),
    fc.tuple(fc.double({ noNaN: true }), fc.constantFrom('', 'ms', 's', '%', 'GiB', 'KB', 'µs', 'minutes')).map(([n, u]) => `${n}${u}`),
  );

  it('masks every token as the regular expressions do', () => {
    fc.assert(fc.property(shaped, (t) => expect(maskToken(t)).toBe(maskTokenByPatterns(t))), { numRuns: 5000 });
  });
});

describe('TemplateMiner memo', () => {
  it('does not reuse a remembered cluster once its leaf has changed', () => {
    const m = new TemplateMiner({ similarity: 0.5, depth: 1 });
    expect(m.add('a b c d', true, 1, false)).toBe(0);
    expect(m.add('a b x y', true, 2, false)).toBe(0); // joins: a b <*> <*>
    expect(m.add('a q c d', true, 3, false)).toBe(1); // 1/4 alike: a cluster of its own
    expect(m.add('a b c d', true, 4, false)).toBe(1); // now closer to "a q c d" (3/4) than to "a b <*> <*>" (2/4)
  });

  it('tokenizes any text as the character loop does (spaces, tabs, newlines, many tokens)', () => {
    const chars = fc.constantFrom('a', 'b', '7', '0', 'x', '.', ':', '=', '(', '<', '>', '*', ' ', ' ', ' ', '\t', '\n', '\r', '-');
    const text = fc.oneof(
      fc.array(chars, { maxLength: 40 }).map((cs) => cs.join('')),
      fc.tuple(fc.integer({ min: 60, max: 70 }), fc.constantFrom('a', '1', 'x9')).map(([n, w]) => Array.from({ length: n }, (_, i) => `${w}${i % 3}`).join(' ')),
      fc.integer({ min: 4090, max: 4100 }).map((n) => `${'ab '.repeat(n).slice(0, n)}`),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (lines) => {
        const withMemo = new TemplateMiner({ maxClusters: 50 });
        const without = new TemplateMiner({ maxClusters: 50, memo: false });
        lines.forEach((m, t) => expect(withMemo.add(m, true, t, false)).toBe(without.add(m, true, t, false)));
        expect(withMemo.templates()).toEqual(without.templates());
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same templates, counts and ids with and without the memo', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'd', 'GET', '<*>', 'id=42', '10.0.0.1:80', 'req-7', '35ms');
    const message = fc.array(word, { minLength: 0, maxLength: 5 }).map((ws) => ws.join(ws.length % 2 === 0 ? ' ' : '  '));
    const options = fc.record({ similarity: fc.constantFrom(0.3, 0.4, 0.6, 1), depth: fc.constantFrom(1, 2, 3), maxChildren: fc.constantFrom(1, 2, 100), maxClusters: fc.constantFrom(2, 5, 5000) });
    fc.assert(
      fc.property(options, fc.array(fc.tuple(message, fc.boolean(), fc.boolean()), { maxLength: 80 }), (opts, lines) => {
        const withMemo = new TemplateMiner(opts);
        const without = new TemplateMiner({ ...opts, memo: false });
        lines.forEach(([m, inWindow, explained], t) => expect(withMemo.add(m, inWindow, t, explained)).toBe(without.add(m, inWindow, t, explained)));
        expect(withMemo.templates()).toEqual(without.templates());
        expect(withMemo.overflow).toEqual(without.overflow);
      }),
      { numRuns: 500 },
    );
  });
});
