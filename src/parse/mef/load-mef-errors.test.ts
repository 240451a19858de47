import { join } from 'node:path';
import { isFtreeError, type Diagnostic } from '../../model/diagnostic.js';
import { loadMefSync, parseMefText } from './load-mef.js';
import { mefBenchmarksDir, mefFixturesDir } from '../../../test/helpers/mef-benchmarks.js';

function diagnosticsOf(run: () => unknown): readonly Diagnostic[] {
  try {
    run();
  } catch (e) {
    if (isFtreeError(e)) return e.diagnostics;
    throw e;
  }
  throw new Error('expected an FtreeError');
}

const fixture = (name: string): string => join(mefFixturesDir(), 'invalid', name);

describe('loadMef error fixtures: one per code, with line and column', () => {
  it.each([
    ['mef-xml-syntax.xml', 'MEF_XML_SYNTAX', 8, 7],
    ['mef-invalid.xml', 'MEF_INVALID', 7, 9],
    ['mef-unsupported.xml', 'MEF_UNSUPPORTED', 3, 3],
    ['mef-include.xml', 'MEF_INCLUDE', 3, 3],
    ['mef-include-cycle.xml', 'MEF_INCLUDE_CYCLE', 4, 3],
    ['path-outside-tree.xml', 'PATH_OUTSIDE_TREE', 3, 3],
    ['mef-unit-mismatch.xml', 'MEF_UNIT_MISMATCH', 12, 9],
    ['ccf-invalid.xml', 'CCF_INVALID', 18, 9],
    ['missing-probability.xml', 'MISSING_PROBABILITY', 11, 5],
    ['ambiguous-top.xml', 'AMBIGUOUS_TOP', 3, 3],
    ['missing-top.xml', 'MISSING_TOP', 2, 1],
    ['undefined-reference.xml', 'UNDEFINED_REFERENCE', 7, 9],
    ['duplicate-id.xml', 'DUPLICATE_ID', 12, 5],
    ['cycle.xml', 'CYCLE', 18, 9],
    ['arity.xml', 'ARITY', 10, 5],
    ['invalid-k.xml', 'INVALID_K', 4, 5],
    ['probability-range.xml', 'PROBABILITY_RANGE', 10, 7],
    ['negative-rate.xml', 'NEGATIVE_RATE', 10, 7],
    ['invalid-distribution.xml', 'INVALID_DISTRIBUTION', 10, 7],
    ['invalid-number.xml', 'INVALID_NUMBER', 10, 7],
    ['invalid-expression.xml', 'INVALID_EXPRESSION', 10, 7],
    ['negative-value.xml', 'NEGATIVE_VALUE', 10, 7],
  ])('%s gives %s at %i:%i', (file, code, line, col) => {
    const diagnostics = diagnosticsOf(() => loadMefSync([fixture(file)]));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code, severity: 'error', span: { line, col } });
    // The include that closes the cycle is in the file included back.
    expect(diagnostics[0]!.span!.file).toBe(fixture(file === 'mef-include-cycle.xml' ? 'mef-include-cycle-back.xml' : file));
    // House style: capitalised, no trailing period.
    expect(diagnostics[0]!.message).toMatch(/^[A-Z][^]*[^.]$/);
  });

  it('words the messages and hints for people', () => {
    const [undefinedRef] = diagnosticsOf(() => loadMefSync([fixture('undefined-reference.xml')]));
    expect(undefinedRef!.message).toBe('Gate "top" references unknown basic event "pumpp"');
    expect(undefinedRef!.hint).toBe('did you mean "pump"?');
    const [cycle] = diagnosticsOf(() => loadMefSync([fixture('cycle.xml')]));
    expect(cycle!.message).toBe('The gates form a cycle: left → right → left');
    const [arity] = diagnosticsOf(() => loadMefSync([fixture('arity.xml')]));
    expect(arity!.message).toBe('Gate "negation" of type not takes 1 input, not 2');
    const [duplicate] = diagnosticsOf(() => loadMefSync([fixture('duplicate-id.xml')]));
    expect(duplicate!.hint).toMatch(/^first defined as a basic event at .*duplicate-id\.xml:9:5$/);
    const [invalid] = diagnosticsOf(() => loadMefSync([fixture('mef-invalid.xml')]));
    expect(invalid!.hint).toBe('did you mean <basic-event>?');
  });

  it('reports a missing input file as FILE_UNREADABLE alone (a usage error, src/cli/error-table.ts)', () => {
    try {
      loadMefSync([fixture('no-such-file.xml')]);
      throw new Error('expected an error');
    } catch (e) {
      if (!isFtreeError(e)) throw e;
      expect(e.code).toBe('FILE_UNREADABLE');
      expect(e.diagnostics.map((d) => d.code)).toEqual(['FILE_UNREADABLE']);
    }
  });

  it('reports a top option that names nothing, or a house event', () => {
    const kitchenSink = join(mefFixturesDir(), 'valid/kitchen-sink.xml');
    const [unknown] = diagnosticsOf(() => loadMefSync([kitchenSink], { top: 'train' }));
    expect(unknown).toMatchObject({ code: 'UNKNOWN_TOP', hint: 'did you mean "trains"?' });
    const [house] = diagnosticsOf(() => loadMefSync([kitchenSink], { top: 'maintenance' }));
    expect(house).toMatchObject({ code: 'INVALID_TOP' });
  });

  it('collects every problem of a model before throwing, sorted by position', () => {
    const text = `<?xml version="1.0"?>
<opsa-mef>
  <define-fault-tree name="t">
    <define-gate name="top">
      <or>
        <gate name="missing"/>
        <basic-event name="a"/>
        <basic-event name="b"/>
      </or>
    </define-gate>
    <define-basic-event name="a"><float value="2"/></define-basic-event>
    <define-basic-event name="b"><exponential><float value="-1"/><float value="1"/></exponential></define-basic-event>
  </define-fault-tree>
</opsa-mef>`;
    const found = diagnosticsOf(() => parseMefText(text, 'inline.xml')).map((d) => [d.code, d.span?.line]);
    expect(found).toEqual([
      ['UNDEFINED_REFERENCE', 6],
      ['PROBABILITY_RANGE', 11],
      ['NEGATIVE_RATE', 12],
    ]);
  });

  it('keeps only the syntax error of a malformed file', () => {
    const found = diagnosticsOf(() => parseMefText('<opsa-mef><define-gate name="x"></opsa-mef>', 'bad.xml'));
    expect(found.map((d) => d.code)).toEqual(['MEF_XML_SYNTAX']);
  });
});

const BENCH = mefBenchmarksDir();
const describeBench = BENCH ? describe : describe.skip;

describe('loadMef warnings', () => {
  it('warns about a repeated input and keeps it, as the YAML path does', () => {
    const warnings: Diagnostic[] = [];
    const tree = loadMefSync([join(mefFixturesDir(), 'warning/duplicate-input.xml')], { onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([expect.objectContaining({ code: 'DUPLICATE_INPUT', severity: 'warning', span: expect.objectContaining({ line: 7, col: 9 }) })]);
    expect(tree.gates.get('top')!.inputs).toEqual(['pump', 'pump']);
  });

  it('keeps the top event cone and reports the rest unused', () => {
    const warnings: Diagnostic[] = [];
    const text = `<opsa-mef>
  <define-fault-tree name="t">
    <define-gate name="top"><or><basic-event name="a"/><gate name="g"/></or></define-gate>
    <define-gate name="g"><and><basic-event name="a"/><basic-event name="b"/></and></define-gate>
    <define-gate name="spare"><or><basic-event name="c"/></or></define-gate>
    <define-basic-event name="a"><exponential><float value="1"/><system-mission-time/></exponential></define-basic-event>
    <define-basic-event name="b"><parameter name="p"/></define-basic-event>
    <define-basic-event name="c"><float value="0.3"/></define-basic-event>
    <define-house-event name="h"/>
    <define-parameter name="p"><float value="0.2"/></define-parameter>
    <define-parameter name="q"><float value="0.4"/></define-parameter>
  </define-fault-tree>
</opsa-mef>`;
    const tree = parseMefText(text, 'cone.xml', { top: 'top', onWarning: (w) => warnings.push(w) });
    expect([...tree.gates.keys()]).toEqual(['top', 'g']);
    expect([...tree.events.keys()]).toEqual(['a', 'b']);
    expect(tree.houses.size).toBe(0);
    expect([...tree.parameters.keys()]).toEqual(['p', 'q']);
    expect(warnings.map((w) => [w.code, w.span?.line])).toEqual([
      ['UNUSED_GATE', 5],
      ['UNUSED_EVENT', 8],
      ['UNUSED_HOUSE', 9],
      ['UNUSED_PARAMETER', 11],
      ['PROBABILITY_NEAR_ONE', 6],
    ]);
  });
});

describeBench('loadMef on SCRAM invalid inputs', () => {
  const tests = (path: string): string => join(BENCH ?? '', 'scram-tests-input', path);

  // [file, code of the first problem, line, column]
  it.each([
    ['xml_formatting_error.xml', 'MEF_XML_SYNTAX', 26, 1],
    ['undefined_xmlns.xml', 'MEF_XML_SYNTAX', 5, 7],
    ['schema_fail.xml', 'MEF_INVALID', 7, 5],
    ['custom_xmlns.xml', 'MEF_INVALID', 5, 7],
    ['empty_attribute.xml', 'MEF_INVALID', 6, 9],
    ['empty_element.xml', 'MEF_INVALID', 5, 7],
    ['unsupported_gate.xml', 'MEF_INVALID', 9, 7],
    ['unsupported_expression.xml', 'MEF_INVALID', 8, 7],
    ['unsupported_feature.xml', 'MEF_UNSUPPORTED', 7, 3],
    ['xinclude_cycle.xml', 'MEF_INCLUDE_CYCLE', 3, 3],
    ['xinclude_no_file.xml', 'MEF_INCLUDE', 3, 3],
    ['fta/int_overflow.xml', 'MEF_INVALID', 5, 7],
    ['fta/invalid_periodic_test_num_args.xml', 'MEF_INVALID', 11, 7],
    ['fta/missing_arg_expression.xml', 'MEF_INVALID', 9, 7],
    ['fta/private_at_model_scope.xml', 'MEF_INVALID', 4, 5],
    ['fta/repeated_attribute.xml', 'MEF_INVALID', 7, 9],
    ['fta/full_configuration.xml', 'MEF_INVALID', 2, 1],
    ['fta/alpha_ccf_level_error.xml', 'CCF_INVALID', 34, 9],
    ['fta/beta_ccf_level_error.xml', 'CCF_INVALID', 30, 7],
    ['fta/mgl_ccf_level_error.xml', 'CCF_INVALID', 30, 7],
    ['fta/ccf_more_factors_than_needed.xml', 'CCF_INVALID', 37, 9],
    ['fta/extra_ccf_level_beta_factor.xml', 'CCF_INVALID', 34, 9],
    ['fta/missing_ccf_factor.xml', 'CCF_INVALID', 22, 5],
    ['fta/missing_ccf_members.xml', 'CCF_INVALID', 25, 5],
    ['fta/phi_ccf_wrong_sum.xml', 'CCF_INVALID', 22, 5],
    ['fta/ccf_negative_factor.xml', 'PROBABILITY_RANGE', 30, 7],
    ['fta/ccf_wrong_distribution.xml', 'PROBABILITY_RANGE', 28, 9],
    ['fta/invalid_probability.xml', 'PROBABILITY_RANGE', 26, 7],
    ['fta/cyclic_tree.xml', 'CYCLE', 22, 9],
    ['fta/cyclic_formula.xml', 'CYCLE', 24, 9],
    ['fta/cyclic_parameter.xml', 'CYCLE', 20, 5],
    ['fta/cyclic_expression.xml', 'CYCLE', 20, 5],
    ['fta/doubly_defined_basic.xml', 'DUPLICATE_ID', 28, 5],
    ['fta/doubly_defined_house.xml', 'DUPLICATE_ID', 28, 5],
    ['fta/doubly_defined_parameter.xml', 'DUPLICATE_ID', 41, 5],
    ['fta/doubly_defined_ccf_group.xml', 'DUPLICATE_ID', 38, 3],
    ['fta/doubly_defined_component.xml', 'DUPLICATE_ID', 23, 5],
    ['fta/name_clash_two_trees.xml', 'DUPLICATE_ID', 13, 3],
    ['fta/def_clash_house_gate.xml', 'DUPLICATE_ID', 25, 5],
    ['fta/missing_gate_definition.xml', 'UNDEFINED_REFERENCE', 10, 9],
    ['fta/undefined_basic_event.xml', 'UNDEFINED_REFERENCE', 12, 9],
    ['fta/undefined_gate.xml', 'UNDEFINED_REFERENCE', 8, 9],
    ['fta/undefined_house_event.xml', 'UNDEFINED_REFERENCE', 8, 9],
    ['fta/undefined_parameter.xml', 'UNDEFINED_REFERENCE', 27, 7],
    ['fta/reference_missing_fault_tree.xml', 'UNDEFINED_REFERENCE', 10, 9],
    ['fta/reference_missing_component.xml', 'UNDEFINED_REFERENCE', 10, 9],
    ['fta/wrong_parameter_unit.xml', 'MEF_UNIT_MISMATCH', 29, 7],
    ['fta/invalid_min_max_cardinality.xml', 'INVALID_K', 4, 5],
    ['fta/invalid_expression.xml', 'INVALID_DISTRIBUTION', 8, 7],
    ['fta/missing_expression.xml', 'MISSING_PROBABILITY', 27, 5],
    ['empty_model.xml', 'MISSING_TOP', 2, 1],
    ['model/substitution.xml', 'MEF_UNSUPPORTED', 3, 3],
    ['model/valid_alignment.xml', 'MEF_UNSUPPORTED', 3, 3],
    ['model/extern_library.xml', 'MEF_UNSUPPORTED', 3, 3],
    ['model/undefined_extern_function.xml', 'MEF_UNSUPPORTED', 5, 7],
    ['eta/simplest_correct.xml', 'MEF_UNSUPPORTED', 4, 3],
  ])('%s gives %s at %i:%i', (file, code, line, col) => {
    // Many of these files also lack probabilities (SCRAM checks them only when asked to quantify).
    const options = code === 'MISSING_PROBABILITY' ? {} : { defaultProbability: 0.5 };
    const diagnostics = diagnosticsOf(() => loadMefSync([tests(file)], options));
    const found = diagnostics.find((d) => d.code === code);
    expect(found).toBeDefined();
    expect(found!.span).toMatchObject({ line, col });
  });

  it('names the undefined container of a dotted reference', () => {
    const [d] = diagnosticsOf(() => loadMefSync([tests('fta/reference_missing_fault_tree.xml')], { defaultProbability: 0.5 }));
    expect(d!.hint).toBe('no fault tree or component named NonExistent');
  });

  it('says which kind a mistyped reference has', () => {
    const found = diagnosticsOf(() => loadMefSync([tests('fta/def_clash_basic_gate.xml')], { defaultProbability: 0.5 }));
    expect(found.map((d) => d.code)).toEqual(['UNDEFINED_REFERENCE', 'DUPLICATE_ID']);
    expect(found[0]!.hint).toBe('"PumpOne" is a basic event: write <basic-event name="PumpOne"/> or <event name="PumpOne"/>');
  });
});

describe('loadMef robustness', () => {
  it('reads <include file>, each file once, relative to the including file', () => {
    const main = join(mefFixturesDir(), 'valid/split-tree.xml');
    const tree = loadMefSync([main, main]);
    expect(tree.files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual(['split-tree.xml', 'split-tree-data.xml', 'split-tree-more.xml']);
    expect([...tree.events.keys()]).toEqual(['a', 'b']);
  });

  it('gives correct positions with CRLF line ends and a byte-order mark', () => {
    const text = '\uFEFF<?xml version="1.0"?>\r\n<opsa-mef>\r\n  <define-fault-tree name="t">\r\n    <define-gate name="top"><or><gate name="nope"/></or></define-gate>\r\n  </define-fault-tree>\r\n</opsa-mef>\r\n';
    const [d] = diagnosticsOf(() => parseMefText(text, 'crlf.xml'));
    expect(d).toMatchObject({ code: 'UNDEFINED_REFERENCE', span: { line: 4, col: 33 } });
  });

  it('refuses absurd nesting with a diagnostic, not a stack overflow', () => {
    const depth = 100_000;
    const text = `<opsa-mef><define-fault-tree name="t"><define-gate name="g">${'<not>'.repeat(depth)}<basic-event name="a"/>${'</not>'.repeat(depth)}</define-gate></define-fault-tree></opsa-mef>`;
    const found = diagnosticsOf(() => parseMefText(text, 'deep.xml'));
    expect(found.map((d) => d.code)).toEqual(['MEF_INVALID']);
    expect(found[0]!.message).toMatch(/^Elements nested deeper than 500 levels/);
  });

  it.each([
    ['', 'MEF_XML_SYNTAX'],
    ['not xml at all', 'MEF_XML_SYNTAX'],
    ['\u0000\u0001\u0002', 'MEF_XML_SYNTAX'],
    ['<opsa-mef>', 'MEF_XML_SYNTAX'],
    ['<opsa-mef><define-fault-tree name="t"><define-gate name="g"><or><gate name="g"/></or></define-gate></define-fault-tree></opsa-mef>', 'CYCLE'],
    ['<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><opsa-mef>&a;</opsa-mef>', 'MEF_XML_SYNTAX'],
    ['<opsa-mef><define-fault-tree><define-gate/></define-fault-tree></opsa-mef>', 'MEF_INVALID'],
    ['<opsa-mef><define-fault-tree name="t"><define-gate name="g"><atleast min="-1"><basic-event name="a"/></atleast></define-gate></define-fault-tree></opsa-mef>', 'MEF_INVALID'],
  ])('answers %j with %s, never a raw exception', (text, code) => {
    expect(diagnosticsOf(() => parseMefText(text, 'bad.xml')).map((d) => d.code)).toContain(code);
  });
});

describe('loadMef limits', () => {
  it('refuses a chain of 5000 parameters with a diagnostic, not a stack overflow', () => {
    const params = Array.from({ length: 5000 }, (_, i) => `<define-parameter name="p${i}">${i === 4999 ? '<float value="0.1"/>' : `<parameter name="p${i + 1}"/>`}</define-parameter>`).join('');
    const text = `<opsa-mef><define-fault-tree name="t"><define-gate name="g"><or><basic-event name="a"/></or></define-gate><define-basic-event name="a"><parameter name="p0"/></define-basic-event>${params}</define-fault-tree></opsa-mef>`;
    const codes = diagnosticsOf(() => parseMefText(text, 'chain.xml')).map((d) => d.code);
    expect(codes).toContain('INVALID_EXPRESSION');
  });
});
