// The plain reader against mathjs, its reference: for every expression it accepts, the same names,
// the same Formula and the same value as mathjs gives; what it declines, mathjs still reads.
import fc from 'fast-check';
import { parseWithMathjs } from './expressions.js';
import { parseSimpleExpression } from './simple-expression.js';

const NAMES = ['lambda', 'mission_time', 'mu', 'x_2'];

const atom = fc.oneof(
  fc.constantFrom(...NAMES, 'e', 'pi'),
  fc.constantFrom('0', '1', '2', '0.5', '.25', '3.', '1e-5', '2.5E3', '1e400', '10', '3.0'),
);
const expression: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', ' + ', ' ^ ', '- -', '*-', '^-'), tie('e')).map(([a, op, b]) => `${a}${op}${b}`),
    fc.tuple(fc.constantFrom('-', '+', '- '), tie('e')).map(([s, a]) => `${s}${a}`),
    tie('e').map((a) => `(${a})`),
    fc.tuple(fc.constantFrom('exp', 'expm1', 'log', 'log1p', 'log10', 'log2', 'sqrt', 'cbrt', 'abs'), tie('e')).map(([f, a]) => `${f}(${a})`),
    fc.tuple(fc.constantFrom('pow'), tie('e'), tie('e')).map(([f, a, b]) => `${f}(${a}, ${b})`),
  ),
})).e;

const value = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(-2, -1, -0.5, 0, -0, 0.5, 1, 2, 24, 1e-9));

function same(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

describe('parseSimpleExpression', () => {
  it('gives the names, Formula and value of mathjs for every expression it reads', () => {
    fc.assert(
      fc.property(expression, fc.array(value, { minLength: NAMES.length, maxLength: NAMES.length }), (source, values) => {
        const simple = parseSimpleExpression(source);
        const reference = parseWithMathjs(source);
        if (!simple) return;
        expect(reference.ok).toBe(true);
        if (!reference.ok) return;
        expect(simple.names).toEqual(reference.expression.names);
        expect(simple.formula).toEqual(reference.expression.formula);
        const scope = new Map(NAMES.map((n, i) => [n, values[i]!]));
        const got = simple.evaluate(scope);
        const want = reference.expression.evaluate(scope);
        if (!same(got, want)) throw new Error(`${source} with ${JSON.stringify([...scope])}: ${got}, mathjs ${want}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the expressions of the bundled trees', () => {
    expect(parseSimpleExpression('1 - exp(-deploy_rate * p_leak_per_deploy * mission_time)')?.names).toEqual(['deploy_rate', 'p_leak_per_deploy', 'mission_time']);
    expect(parseSimpleExpression('-2^2')!.evaluate(new Map())).toBe(-4);
    expect(parseSimpleExpression('2^-3^2')!.evaluate(new Map())).toBe(2 ** -9);
  });

  it.each(['2 x', '2x', '2(3)', '(a)(b)', 'a % b', 'a mod b', 'min(a, b)', 'round(a)', 'floor(a)', 'a > b', 'a ? b : c', 'true', 'x = 1', 'a; b', 'a\nb', '0x1f', '1_000', '3.^2', '3.', '2 .* 3', 'f(x)', 'exp(1, 2)', 'log(8, 2)', 'a.b', 'a[1]', "a'", 'a!', '', '()', 'e1'])(
    'declines %j (mathjs reads it, or refuses it with its own message)',
    (source) => {
      if (source === 'e1') expect(parseSimpleExpression(source)?.names).toEqual(['e1']);
      else expect(parseSimpleExpression(source)).toBeUndefined();
    },
  );
});

describe('parseWithMathjs', () => {
  it('refuses the element-wise operators, which the number-only build cannot evaluate (it was an internal error)', () => {
    expect(parseWithMathjs('0.1 .^ lambda')).toEqual({ ok: false, reason: 'the operator ".^" is not allowed' });
    expect(parseWithMathjs('a .* b')).toEqual({ ok: false, reason: 'the operator ".*" is not allowed' });
  });
});
