import { isFtreeError } from '../../model/diagnostic.js';
import type { BasicEvent } from '../../model/fault-tree.js';
import { parseMefText } from './load-mef.js';

/** Loads a one-event model whose event has the given expression (and extra definitions). */
function eventOf(expression: string, extra = '', options: { missionTime?: number } = {}): BasicEvent {
  const text = `<opsa-mef><model-data>
  <define-basic-event name="x">${expression}</define-basic-event>${extra}
</model-data></opsa-mef>`;
  const tree = parseMefText(text, 'expr.xml', { top: 'x', ...options });
  return tree.events.get('x')!;
}

const f = (v: number): string => `<float value="${v}"/>`;

function codeOf(expression: string, extra = ''): string {
  try {
    eventOf(expression, extra);
  } catch (e) {
    if (isFtreeError(e)) return e.code;
    throw e;
  }
  return 'none';
}

describe('evaluateMefExpression', () => {
  it.each([
    ['<add><float value="0.1"/><float value="0.2"/><float value="0.3"/></add>', 0.6],
    ['<sub><float value="1"/><float value="0.2"/><float value="0.3"/></sub>', 0.5],
    ['<mul><float value="0.5"/><int value="2"/><float value="0.1"/></mul>', 0.1],
    ['<div><float value="1"/><int value="4"/><int value="5"/></div>', 0.05],
    ['<neg><neg><float value="0.5"/></neg></neg>', 0.5],
    ['<abs><float value="-0.25"/></abs>', 0.25],
    ['<pow><float value="0.5"/><int value="3"/></pow>', 0.125],
    ['<sqrt><float value="0.04"/></sqrt>', 0.2],
    ['<exp><neg><float value="1"/></neg></exp>', Math.exp(-1)],
    ['<log><float value="1.5"/></log>', Math.log(1.5)],
    ['<log10><float value="2"/></log10>', Math.log10(2)],
    ['<min><float value="0.3"/><float value="0.1"/></min>', 0.1],
    ['<max><float value="0.3"/><float value="0.1"/></max>', 0.3],
    ['<mean><float value="0.3"/><float value="0.1"/><float value="0.2"/></mean>', 0.2],
    ['<div><mod><int value="7"/><int value="4"/></mod><int value="10"/></div>', 0.3],
    ['<floor><float value="0.7"/></floor>', 0],
    ['<ceil><float value="0.2"/></ceil>', 1],
    ['<add><cos><pi/></cos><int value="1"/></add>', 0],
    ['<ite><lt><float value="3"/><float value="2"/></lt><float value="0.1"/><float value="0.4"/></ite>', 0.4],
    ['<switch><case><bool value="false"/><float value="0.1"/></case><case><gt><float value="3"/><float value="2"/></gt><float value="0.2"/></case><float value="0.3"/></switch>', 0.2],
    ['<and><bool value="true"/><not><bool value="false"/></not></and>', 1],
    ['<or><eq><int value="1"/><int value="2"/></eq><df><int value="1"/><int value="2"/></df></or>', 1],
    ['<mul><geq><int value="2"/><int value="2"/></geq><leq><int value="3"/><int value="2"/></leq></mul>', 0],
  ])('%s = %f', (expression, expected) => {
    const value = eventOf(expression).probability;
    expect(Math.abs(value - expected)).toBeLessThan(1e-12);
  });

  it('reads parameters defined after use, through containers, with units', () => {
    const extra = '<define-parameter name="b" unit="float"><parameter name="a"/></define-parameter><define-parameter name="a"><float value="0.25"/></define-parameter>';
    expect(eventOf('<parameter name="b"/>', extra).probability).toBe(0.25);
  });

  it('evaluates system-mission-time with the mission time option', () => {
    expect(eventOf('<div><system-mission-time/><float value="100000"/></div>', '', { missionTime: 5000 }).probability).toBe(0.05);
  });

  // Reference values: SCRAM 0.16.2, one basic event per built-in, `scram --probability 1`.
  it.each([
    ['exponential', `<exponential>${f(1e-5)}<system-mission-time/></exponential>`, 0.0838727],
    ['GLM', `<GLM>${f(0.01)}${f(1e-4)}${f(0.02)}${f(500)}</GLM>`, 0.00497534],
    ['Weibull', `<Weibull>${f(5000)}${f(1.5)}${f(100)}${f(2000)}</Weibull>`, 0.208834],
    ['periodic-test/4', `<periodic-test>${f(1e-4)}${f(720)}${f(100)}<system-mission-time/></periodic-test>`, 0.001998],
    ['periodic-test/5', `<periodic-test>${f(1e-4)}${f(0.05)}${f(720)}${f(100)}<system-mission-time/></periodic-test>`, 0.0274191],
    ['periodic-test/5 same rates', `<periodic-test>${f(2e-3)}${f(2e-3)}${f(300)}${f(0)}${f(1000)}</periodic-test>`, 0.555906],
    ['periodic-test/5 no repair', `<periodic-test>${f(1e-3)}${f(0)}${f(100)}${f(50)}${f(420)}</periodic-test>`, 0.342953],
    [
      'periodic-test/11',
      `<periodic-test>${f(1e-4)}${f(2e-4)}${f(0.05)}${f(720)}${f(100)}${f(0.01)}${f(5)}<bool value="true"/>${f(0.9)}${f(0.02)}<system-mission-time/></periodic-test>`,
      0.0488388,
    ],
    [
      'periodic-test/11 other',
      `<periodic-test>${f(3e-4)}${f(1e-3)}${f(0.01)}${f(200)}${f(0)}${f(0.05)}${f(10)}<bool value="true"/>${f(0.7)}${f(0.1)}${f(1234)}</periodic-test>`,
      0.158987,
    ],
    [
      'periodic-test/11 during a test, unavailable',
      `<periodic-test>${f(1e-4)}${f(2e-4)}${f(0.05)}${f(720)}${f(100)}${f(0.01)}${f(5)}<bool value="false"/>${f(0.9)}${f(0.02)}${f(8743)}</periodic-test>`,
      1,
    ],
  ])('%s matches SCRAM', (_name, expression, expected) => {
    expect(eventOf(expression).probability).toBeCloseTo(expected, 6);
  });

  it('maps built-ins with constant arguments onto probability models', () => {
    expect(eventOf(`<exponential>${f(2e-5)}<system-mission-time/></exponential>`, '', { missionTime: 24 }).model).toEqual({ kind: 'rate', rate: 2e-5, missionTime: 24 });
    expect(eventOf(`<GLM>${f(0)}${f(1e-6)}${f(0.1)}<system-mission-time/></GLM>`).model).toEqual({ kind: 'repairable', rate: 1e-6, repairRate: 0.1, missionTime: 8760 });
    expect(eventOf(`<Weibull>${f(1000)}${f(2)}${f(10)}${f(100)}</Weibull>`).model).toEqual({ kind: 'weibull', scale: 1000, shape: 2, location: 10, missionTime: 100 });
    const viaParameter = eventOf('<parameter name="p"/>', `<define-parameter name="p"><exponential>${f(1e-4)}${f(10)}</exponential></define-parameter>`);
    expect(viaParameter.model).toEqual({ kind: 'rate', rate: 1e-4, missionTime: 10 });
  });

  it('keeps other expressions as constants', () => {
    expect(eventOf(`<mul>${f(0.5)}<exponential>${f(1e-4)}${f(10)}</exponential></mul>`).model).toEqual({ kind: 'constant', value: 0.5 * -Math.expm1(-1e-3) });
    const randomRate = eventOf(`<exponential><uniform-deviate>${f(1e-4)}${f(3e-4)}</uniform-deviate>${f(100)}</exponential>`);
    expect(randomRate.model).toEqual({ kind: 'constant', value: expect.closeTo(-Math.expm1(-0.02), 15) });
    expect(randomRate.distribution).toBeUndefined();
  });

  it('takes deviates at their mean and keeps them as distributions', () => {
    expect(eventOf(`<uniform-deviate>${f(0.1)}${f(0.3)}</uniform-deviate>`)).toMatchObject({ probability: 0.2, distribution: { kind: 'uniform', min: 0.1, max: 0.3 } });
    expect(eventOf(`<normal-deviate>${f(0.5)}${f(0.02)}</normal-deviate>`)).toMatchObject({ probability: 0.5, distribution: { kind: 'normal', mean: 0.5, sd: 0.02 } });
    expect(eventOf(`<lognormal-deviate>${f(2e-3)}${f(2)}${f(0.95)}</lognormal-deviate>`)).toMatchObject({ probability: 2e-3, distribution: { kind: 'lognormal', mean: 2e-3, errorFactor: 2 } });
    const mu = -10;
    const sigma = 2;
    expect(eventOf(`<lognormal-deviate>${f(mu)}${f(sigma)}</lognormal-deviate>`)).toMatchObject({ probability: Math.exp(mu + 2), distribution: { kind: 'lognormal-mu-sigma', mu, sigma } });
    const at90 = eventOf(`<lognormal-deviate>${f(1e-3)}${f(3)}${f(0.9)}</lognormal-deviate>`);
    const s90 = Math.log(3) / 1.2815515655446004;
    expect(at90.probability).toBe(1e-3);
    expect(at90.distribution).toMatchObject({ kind: 'lognormal-mu-sigma' });
    if (at90.distribution?.kind === 'lognormal-mu-sigma') {
      expect(at90.distribution.sigma).toBeCloseTo(s90, 8);
      expect(at90.distribution.mu).toBeCloseTo(Math.log(1e-3) - (s90 * s90) / 2, 8);
    }
    expect(eventOf(`<gamma-deviate>${f(0.2)}${f(0.3)}</gamma-deviate>`)).toMatchObject({ probability: expect.closeTo(0.06, 15), distribution: { kind: 'gamma', shape: 0.2, scale: 0.3 } });
    expect(eventOf(`<beta-deviate>${f(3)}${f(400)}</beta-deviate>`)).toMatchObject({ probability: 3 / 403, distribution: { kind: 'beta', alpha: 3, beta: 400 } });
    const histogram = eventOf(`<histogram>${f(0)}<bin>${f(0.1)}${f(2)}</bin><bin>${f(0.3)}${f(4)}</bin><bin>${f(0.5)}${f(1)}</bin></histogram>`);
    expect(histogram.probability).toBeCloseTo((2 * 0.05 + 4 * 0.2 + 1 * 0.4) / 7, 15);
    expect(histogram.distribution).toEqual({ kind: 'histogram', bounds: [0, 0.1, 0.3, 0.5], weights: [2, 4, 1] });
  });

  it.each([
    [`<div>${f(1)}${f(0)}</div>`, 'INVALID_EXPRESSION'],
    [`<log>${f(-1)}</log>`, 'INVALID_EXPRESSION'],
    [`<sqrt>${f(-1)}</sqrt>`, 'INVALID_EXPRESSION'],
    [`<acos>${f(2)}</acos>`, 'INVALID_EXPRESSION'],
    [`<exponential>${f(-1)}${f(1)}</exponential>`, 'NEGATIVE_RATE'],
    [`<GLM>${f(0)}${f(1e-3)}${f(-1)}${f(1)}</GLM>`, 'NEGATIVE_RATE'],
    [`<GLM>${f(2)}${f(1e-3)}${f(0.1)}${f(1)}</GLM>`, 'PROBABILITY_RANGE'],
    [`<Weibull>${f(100)}${f(0)}${f(0)}${f(1)}</Weibull>`, 'INVALID_NUMBER'],
    [`<periodic-test>${f(1e-3)}${f(0)}${f(0)}${f(1)}</periodic-test>`, 'INVALID_NUMBER'],
    [`<uniform-deviate>${f(0.5)}${f(0.1)}</uniform-deviate>`, 'INVALID_DISTRIBUTION'],
    [`<normal-deviate>${f(0.5)}${f(0)}</normal-deviate>`, 'INVALID_DISTRIBUTION'],
    [`<beta-deviate>${f(0)}${f(1)}</beta-deviate>`, 'INVALID_DISTRIBUTION'],
    [`<histogram>${f(0.5)}<bin>${f(0.1)}${f(1)}</bin></histogram>`, 'INVALID_DISTRIBUTION'],
    [`<add>${f(0.1)}</add>`, 'MEF_INVALID'],
    [`<exponential>${f(0.1)}</exponential>`, 'MEF_INVALID'],
    ['<parameter name="nope"/>', 'UNDEFINED_REFERENCE'],
    ['<test-initiating-event name="ie"/>', 'MEF_UNSUPPORTED'],
    ['<exp><float value="1000"/></exp>', 'INVALID_EXPRESSION'],
    [`<float value="NaN"/>`, 'MEF_INVALID'],
  ])('%s is refused with %s', (expression, code) => {
    expect(codeOf(expression)).toBe(code);
  });

  it('refuses cyclic parameters, naming the cycle', () => {
    const extra = '<define-parameter name="a"><parameter name="b"/></define-parameter><define-parameter name="b"><add><parameter name="a"/><float value="1"/></add></define-parameter>';
    try {
      eventOf('<parameter name="a"/>', extra);
      throw new Error('expected an error');
    } catch (e) {
      if (!isFtreeError(e)) throw e;
      expect(e.diagnostics.map((d) => [d.code, d.message])).toEqual([['CYCLE', 'The parameters form a cycle: a → b → a']]);
    }
  });
});

describe('distributions through parameters', () => {
  it('gives events the deviate of their parameter, and a formula so that sharing events draw it once', () => {
    const text = `<opsa-mef>
  <define-fault-tree name="t">
    <define-gate name="top"><and><basic-event name="a"/><basic-event name="b"/><basic-event name="c"/></and></define-gate>
    <define-basic-event name="a"><parameter name="shared"/></define-basic-event>
    <define-basic-event name="b"><parameter name="alias"/></define-basic-event>
    <define-basic-event name="c"><parameter name="own"/></define-basic-event>
    <define-parameter name="alias"><parameter name="shared"/></define-parameter>
    <define-parameter name="shared"><uniform-deviate><float value="0.1"/><float value="0.3"/></uniform-deviate></define-parameter>
    <define-parameter name="own"><beta-deviate><float value="1"/><float value="9"/></beta-deviate></define-parameter>
  </define-fault-tree>
</opsa-mef>`;
    const warnings: string[] = [];
    const tree = parseMefText(text, 'shared.xml', { onWarning: (w) => warnings.push(`${w.code} ${w.message}`) });
    expect(tree.events.get('a')!.distribution).toEqual({ kind: 'uniform', min: 0.1, max: 0.3 });
    expect(tree.events.get('b')!.distribution).toEqual({ kind: 'uniform', min: 0.1, max: 0.3 });
    expect(tree.events.get('c')!.distribution).toEqual({ kind: 'beta', alpha: 1, beta: 9 });
    expect(tree.events.get('a')!.formula).toEqual({ kind: 'parameter', id: 'shared' });
    expect(tree.events.get('b')!.formula).toEqual({ kind: 'parameter', id: 'alias' });
    expect(tree.parameters.get('alias')!.formula).toEqual({ kind: 'parameter', id: 'shared' });
    expect(tree.parameters.get('shared')!.formula).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('keeps a deviate nested in a time built-in as a formula, and drops only deviates with random arguments', () => {
    const text = `<opsa-mef>
  <define-fault-tree name="t">
    <define-gate name="top"><or><basic-event name="a"/><basic-event name="b"/><basic-event name="c"/></or></define-gate>
    <define-basic-event name="a"><exponential><parameter name="rate"/><mul><int value="20"/><system-mission-time/></mul></exponential></define-basic-event>
    <define-basic-event name="b"><exponential><uniform-deviate><float value="1e-5"/><float value="3e-5"/></uniform-deviate><system-mission-time/></exponential></define-basic-event>
    <define-basic-event name="c"><uniform-deviate><float value="0"/><uniform-deviate><float value="0.1"/><float value="0.3"/></uniform-deviate></uniform-deviate></define-basic-event>
    <define-parameter name="rate"><lognormal-deviate><float value="1e-5"/><float value="3"/><float value="0.95"/></lognormal-deviate></define-parameter>
  </define-fault-tree>
</opsa-mef>`;
    const warnings: string[] = [];
    const tree = parseMefText(text, 'nested.xml', { onWarning: (w) => warnings.push(`${w.code} ${w.message}`) });
    expect(tree.events.get('a')!.formula).toEqual({
      kind: 'call',
      fn: 'exponential',
      args: [{ kind: 'parameter', id: 'rate' }, { kind: 'call', fn: 'mul', args: [{ kind: 'number', value: 20 }, { kind: 'mission-time' }] }],
    });
    expect(tree.events.get('b')!.formula).toEqual({
      kind: 'call',
      fn: 'exponential',
      args: [{ kind: 'deviate', distribution: { kind: 'uniform', min: 1e-5, max: 3e-5 } }, { kind: 'mission-time' }],
    });
    expect(tree.events.get('c')!.formula).toBeUndefined();
    expect(warnings).toEqual(['UNCERTAINTY_DROPPED Uncertainty of "c" is not carried over: a random deviate has random arguments']);
  });
});
