import { buildProgram } from './main.js';
import { DIAGNOSIS_SELECTORS } from './option-groups.js';

const program = buildProgram(() => undefined);
const command = (name: string) => program.commands.find((c) => c.name() === name)!;

describe('option groups', () => {
  it('name, for each option that makes analyze a diagnosis, the key commander parses it into', () => {
    const analyze = command('analyze');
    expect(DIAGNOSIS_SELECTORS.map((s) => s.flag)).toEqual(['--logs', '--metrics', '--prometheus', '--changes', '--since', '--until', '--baseline', '--onset', '--sensitivity', '--false-alarm', '--top-observed']);
    for (const s of DIAGNOSIS_SELECTORS) expect(analyze.options.find((o) => o.long === s.flag)?.attributeName()).toBe(s.key);
  });

  it('give a shared option one help text in every command that has it', () => {
    const seen = new Map<string, string>();
    for (const name of ['analyze', 'evidence', 'report', 'cutsets', 'importance', 'uncertainty', 'curve', 'export']) {
      for (const o of command(name).options) {
        if (['--format', '--limit'].includes(o.long!)) continue;
        const first = seen.get(o.long!);
        if (first === undefined) seen.set(o.long!, o.description);
        else expect([o.long, o.description]).toEqual([o.long, first]);
      }
    }
    expect(seen.has('--logs') && seen.has('--max-bdd-nodes') && seen.has('--output')).toBe(true);
  });
});
