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
