import { MefNameTable, mefIdOf, type Named } from './mef-name-table.js';

const def = (name: string, basePath: string, role: 'public' | 'private' = 'public'): Named => ({ name, scope: { basePath, role, tree: 0 } });

describe('MefNameTable', () => {
  const table = new MefNameTable<Named>();
  const pump = def('Pump', 'Plant');
  const hidden = def('Pump', 'Plant.Train', 'private');
  const valve = def('Valve', 'Plant.Train', 'private');
  const data = def('Grid', '');
  for (const d of [pump, hidden, valve, data]) expect(table.add(d)).toBeUndefined();

  it('gives public definitions their name and private ones their path as id', () => {
    expect(mefIdOf(pump)).toBe('Pump');
    expect(mefIdOf(hidden)).toBe('Plant.Train.Pump');
  });

  it('looks in the referring container first, then among public names', () => {
    expect(table.find('Pump', 'Plant.Train')).toBe(hidden);
    expect(table.find('Pump', 'Plant')).toBe(pump);
    expect(table.find('Pump', 'Other')).toBe(pump);
    expect(table.find('Grid', 'Plant')).toBe(data);
  });

  it('resolves dotted references locally, then as full paths', () => {
    expect(table.find('Train.Valve', 'Plant')).toBe(valve);
    expect(table.find('Plant.Train.Valve', 'Elsewhere')).toBe(valve);
    expect(table.find('Valve', 'Plant')).toBeUndefined();
  });

  it('reports clashes of paths and of public names', () => {
    expect(table.add(def('Pump', 'Plant.Train', 'private'))).toBe(hidden);
    expect(table.add(def('Pump', 'Other'))).toBe(pump);
    expect(table.add(def('Pump', 'Other', 'private'))).toBeUndefined();
  });

  it('treats a name with dots like the path it spells', () => {
    const t = new MefNameTable<Named>();
    const dotted = def('a.b', 'T');
    expect(t.add(dotted)).toBeUndefined();
    expect(t.find('a.b', 'T')).toBe(dotted);
    expect(t.add(def('b', 'T.a'))).toBe(dotted);
  });

  it('filters by kind', () => {
    expect(table.find('Pump', 'Plant.Train', (d) => d !== hidden)).toBe(pump);
  });
});
