// Galileo import (src/parse/galileo): the static models give the P(top) of the equivalent YAML tree,
// dynamic gates and unsupported syntax give coded errors at their line.
import { join } from 'node:path';
import { analyzeProbability } from '../src/engine/analyze-probability.js';
import { FtreeError } from '../src/model/diagnostic.js';
import { loadTree } from '../src/parse/yaml/load-tree.js';
import { loadGalileo, parseGalileoText } from '../src/parse/galileo/load-galileo.js';
import { FIXTURES } from './helpers/paths.js';

const DIR = join(FIXTURES, 'galileo');

async function errorOf(run: () => Promise<unknown> | unknown): Promise<FtreeError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof FtreeError) return e;
    throw e;
  }
  throw new Error('expected an FtreeError');
}

describe('Galileo import', () => {
  it('gives the P(top) of the equivalent YAML tree (2-of-3 voting, and, or, prob= and lambda=)', async () => {
    const galileo = await loadGalileo(join(DIR, 'voting.dft'));
    const yaml = (await loadTree(join(DIR, 'voting.yaml'))).tree!;
    expect(galileo.top).toBe('System');
    expect([...galileo.gates.keys()].sort()).toEqual(['Power', 'System', 'Voter']);
    expect(galileo.gates.get('Voter')).toMatchObject({ type: 'atleast', k: 2, inputs: ['A', 'B', 'C'] });
    const a = 1 - Math.exp(-0.1);
    const b = 1 - Math.exp(-0.2);
    const c = 0.05;
    const voter = a * b + a * c + b * c - 2 * a * b * c;
    const power = 0.01 * (1 - Math.exp(-0.02));
    const expected = 1 - (1 - voter) * (1 - power);
    expect(analyzeProbability(galileo).pTop).toBeCloseTo(expected, 14);
    expect(analyzeProbability(yaml).pTop).toBeCloseTo(analyzeProbability(galileo).pTop, 15);
  });

  it('reads votk gates, bare names and a mission time', async () => {
    const tree = await loadGalileo(join(DIR, 'vot.dft'));
    expect(tree.gates.get('Top')).toMatchObject({ type: 'atleast', k: 2 });
    expect(analyzeProbability(tree).pTop).toBeCloseTo(0.1 * 0.2 + 0.1 * 0.3 + 0.2 * 0.3 - 2 * 0.006, 15);
    const longer = parseGalileoText('toplevel "T";\n"T" or "A";\n"A" lambda=0.5;\n', 'x.dft', { missionTime: 4 });
    expect(longer.events.get('A')!.probability).toBeCloseTo(1 - Math.exp(-2), 15);
  });

  it('stops at a dynamic gate with GALILEO_DYNAMIC naming its line', async () => {
    const e = await errorOf(() => loadGalileo(join(DIR, 'dynamic.dft')));
    expect(e.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([['GALILEO_DYNAMIC', 3, 8]]);
    expect(e.diagnostics[0]!.message).toBe('Gate "Pump" is a dynamic gate (wsp): ftree analyses static fault trees only');
    expect(e.sources.get(join(DIR, 'dynamic.dft'))).toContain('wsp');
    for (const keyword of ['pand', 'por', 'spare', 'hsp', 'csp', 'fdep', 'pdep=0.3', 'seq', 'mutex', 'pand-inclusive']) {
      const err = await errorOf(() => parseGalileoText(`toplevel "T";\n"T" ${keyword} "A" "B";\n"A" prob=0.1;\n"B" prob=0.1;\n`, 'x.dft'));
      expect([keyword, err.code, err.diagnostics[0]!.span?.line]).toEqual([keyword, 'GALILEO_DYNAMIC', 2]);
    }
  });

  it('reports unsupported attributes and syntax with GALILEO_SYNTAX at their position', async () => {
    const e = await errorOf(() => loadGalileo(join(DIR, 'syntax.dft')));
    expect(e.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([['GALILEO_SYNTAX', 4, 14]]);
    const cases: [string, string, number][] = [
      ['toplevel "T";\n"T" or "A"\n', 'GALILEO_SYNTAX', 2],
      ['toplevel "T";\n"T" foo "A";\n"A" prob=0.1;\n', 'GALILEO_SYNTAX', 2],
      ['toplevel "T";\n"T" or "A";\n"A" prob=x;\n', 'GALILEO_SYNTAX', 3],
      ['toplevel "T";\n"T" or "A" "B;\n', 'GALILEO_SYNTAX', 2],
      ['toplevel "T";\n"T" or "A";\n"A" prob=1.5;\n', 'PROBABILITY_RANGE', 3],
      ['toplevel "T";\n"T" or "A";\n"A" lambda=-1;\n', 'NEGATIVE_RATE', 3],
      ['toplevel "T";\n"T" or "A" "Z";\n"A" prob=0.1;\n', 'UNDEFINED_REFERENCE', 2],
      ['toplevel "T";\n"T" or "A";\n"A" prob=0.1;\n"A" prob=0.2;\n', 'DUPLICATE_ID', 4],
      ['toplevel "T";\n"T" 2of3 "A" "B";\n"A" prob=0.1;\n"B" prob=0.1;\n', 'ARITY', 2],
      ['toplevel "T";\n"T" vot3 "A" "B";\n"A" prob=0.1;\n"B" prob=0.1;\n', 'INVALID_K', 2],
      ['toplevel "T";\n"T" or "U";\n"U" and "T";\n', 'CYCLE', 2],
      ['"T" or "A";\n"A" prob=0.1;\n', 'MISSING_TOP', 0],
      ['toplevel "Q";\n"T" or "A";\n"A" prob=0.1;\n', 'UNKNOWN_TOP', 1],
    ];
    for (const [text, code, line] of cases) {
      const err = await errorOf(() => parseGalileoText(text, 'x.dft'));
      expect([text, err.code, err.diagnostics[0]!.span?.line ?? 0]).toEqual([text, code, line]);
      expect(err.diagnostics[0]!.message).toMatch(/^[A-Z"][^]*[^.]$/);
    }
  });

  it('keeps only the top event\'s cone and warns about the rest', () => {
    const warnings: string[] = [];
    const tree = parseGalileoText('toplevel "T";\n"T" or "A";\n"A" prob=0.1;\n"G" and "B";\n"B" prob=0.2;\n', 'x.dft', { onWarning: (w) => warnings.push(`${w.code} ${w.span?.line}`) });
    expect([...tree.gates.keys(), ...tree.events.keys()]).toEqual(['T', 'A']);
    expect(warnings).toEqual(['UNUSED_GATE 4', 'UNUSED_EVENT 5']);
  });
});
