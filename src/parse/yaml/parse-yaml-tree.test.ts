import { parseYamlTree } from './parse-yaml-tree.js';

const codes = (text: string) => parseYamlTree(text, 't.yaml', { plain: false }).diagnostics.map((d) => d.code);

describe('parseYamlTree limits', () => {
  it('reads a big honest tree: nodes written out do not count against the alias limit', () => {
    const events = Array.from({ length: 60_000 }, (_, i) => `  e${i}: { probability: 1e-6 }`);
    const text = `ftree: 1\ntop: top\ngates:\n  top: { type: or, inputs: [${events.map((_, i) => `e${i}`).join(', ')}] }\nevents:\n${events.join('\n')}\n`;
    expect(codes(text)).toEqual([]);
  });

  it('refuses an alias bomb beside many plain nodes quickly', () => {
    const plain = Array.from({ length: 15_000 }, (_, i) => `  e${i}: { probability: 0.001, label: "x${i}" }`);
    const levels = ['  l0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `  l${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)];
    const start = performance.now();
    expect(codes(`ftree: 1\nevents:\n${plain.join('\n')}\ndescription:\n${levels.join('\n')}\n`)).toEqual(['YAML_ALIAS_LIMIT']);
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it('resolves an alias to the latest anchor of its name before it', () => {
    const r = parseYamlTree('a: &x 1\nb: *x\nc: &x 2\nd: *x\n', 't.yaml', { plain: false });
    const values = r.root!.kind === 'map' ? r.root!.entries.map((e) => (e.value.kind === 'scalar' ? e.value.value : undefined)) : [];
    expect(values).toEqual([1, 1, 2, 2]);
  });

  it.each([
    ['flow sequences', `x: ${'['.repeat(20_000)}${']'.repeat(20_000)}`],
    ['flow mappings', `x: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`],
    ['block sequences', `x:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}`],
  ])('reports deep %s as YAML_TOO_DEEP, not a stack overflow', (_, text) => {
    expect(codes(`ftree: 1\n${text}\n`)).toEqual(['YAML_TOO_DEEP']);
  });
});
